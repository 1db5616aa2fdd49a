import { once } from 'node:events';
import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  body: Buffer;
  /** performance.now() when the response's last byte arrived, before its chunks were joined. */
  lastByteAt: number;
}

export interface HttpConnection {
  /** Sends one request (from requestBytes) and waits for its whole response. */
  exchange(request: Buffer): Promise<RawResponse>;
  close(): void;
}

/**
 * The throughput benches' HTTP/1.1 client: one keep-alive socket, one request at a time,
 * and only as much reading of the answer as a bench needs (status and content-length; the
 * backend sends both). The baseline it is compared with has no client at all, so the
 * client should cost as little as it can. fetch spent twice the CPU of node:http per
 * 1.2 MB pull page (12 ms against 5); node:http spent ~0.5 ms of every push between
 * starting a request and handing it to its socket, and undici's Client was no faster
 * (3 runs each); with this client the same pushes ran at 13.8–15.1k/s against 11.3–13.7k.
 */
export async function openHttpConnection(baseUrl: string): Promise<HttpConnection> {
  const url = new URL(baseUrl);
  const socket = connect(Number(url.port), url.hostname);
  socket.setNoDelay(true);
  await once(socket, 'connect');

  let waiting: { resolve: (response: RawResponse) => void; reject: (error: Error) => void } | null = null;
  let broken: Error | null = null;
  let chunks: Buffer[] = [];
  let received = 0;
  let bodyStart = -1;
  let total = -1;
  let status = 0;

  const fail = (error: Error) => {
    broken ??= error;
    const pending = waiting;
    waiting = null;
    pending?.reject(error);
    socket.destroy();
  };
  socket.on('error', fail);
  socket.on('close', () => fail(new Error('the backend closed the connection')));
  socket.on('data', (chunk: Buffer) => {
    if (!waiting) return fail(new Error('bytes arrived with no request waiting'));
    chunks.push(chunk);
    received += chunk.length;
    if (total < 0) {
      const head = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      chunks = [head];
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) return;
      const lines = head.subarray(0, end).toString('latin1');
      const length = /\r\ncontent-length: *(\d+)/i.exec(lines);
      if (!length) return fail(new Error(`a response without content-length: ${lines}`));
      status = Number(/^HTTP\/1\.1 (\d{3})/.exec(lines)?.[1] ?? 0);
      bodyStart = end + 4;
      total = bodyStart + Number(length[1]);
    }
    if (received < total) return;
    const lastByteAt = performance.now();
    const whole = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    if (whole.length > total) return fail(new Error('more bytes than the response announced'));
    const pending = waiting;
    waiting = null;
    chunks = [];
    received = 0;
    total = -1;
    pending.resolve({ status, body: whole.subarray(bodyStart), lastByteAt });
  });

  return {
    exchange(request) {
      if (broken) return Promise.reject(broken);
      if (waiting) return Promise.reject(new Error('one request at a time'));
      return new Promise<RawResponse>((resolve, reject) => {
        waiting = { resolve, reject };
        socket.write(request);
      });
    },
    close: () => {
      broken ??= new Error('closed');
      socket.destroy();
    },
  };
}

/** A request's bytes, built before any clock starts. */
export function requestBytes(
  method: 'GET' | 'POST',
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Buffer {
  const lines = [`${method} ${path} HTTP/1.1`, `host: ${new URL(baseUrl).host}`];
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  const payload = Buffer.from(body ?? '', 'utf8');
  if (body !== undefined) lines.push(`content-length: ${payload.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), payload]);
}
