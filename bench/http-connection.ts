import { Client } from 'undici';

export interface RawResponse {
  status: number;
  body: Buffer;
  /** performance.now() when the response's last byte arrived, before its chunks were joined. */
  lastByteAt: number;
}

/** A request ready to send, built before any clock starts. */
export interface PreparedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body: Buffer | null;
}

export interface HttpConnection {
  /** Sends one request and waits for its whole response. */
  exchange(request: PreparedRequest): Promise<RawResponse>;
  close(): Promise<void>;
}

/**
 * The throughput benches' HTTP/1.1 client: undici's Client on one keep-alive connection,
 * one request at a time (no pipelining), so each figure is one request's round trip.
 * undici rather than fetch: fetch's streams and header objects cost the client more CPU
 * per large pull page, and that CPU is shared with the server on the same machine.
 */
export function openHttpConnection(baseUrl: string): HttpConnection {
  const client = new Client(new URL(baseUrl).origin, { pipelining: 1 });
  return {
    async exchange({ method, path, headers, body }) {
      const response = await client.request({ method, path, headers, body });
      const chunks: Buffer[] = [];
      for await (const chunk of response.body) chunks.push(chunk as Buffer);
      const lastByteAt = performance.now();
      const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      return { status: response.statusCode, body: whole, lastByteAt };
    },
    close: () => client.close(),
  };
}

export function prepareRequest(
  method: 'GET' | 'POST',
  path: string,
  headers: Record<string, string>,
  body?: string,
): PreparedRequest {
  return { method, path, headers, body: body === undefined ? null : Buffer.from(body, 'utf8') };
}
