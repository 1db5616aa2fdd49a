import type { z } from 'zod';
import { MesaError } from '../../shared/ipc/result';
import { describeIssues } from '../../shared/sync/mutations';
import { errorForNetworkFailure, errorForStatus } from './http-errors';

/**
 * The thin shell around fetch that every backend call goes through: one URL builder, one
 * timeout per request (AbortSignal.timeout), one mapping from failures to MesaError codes,
 * and the shared zod schema checked on every answer, so a wrong or hostile server can only
 * produce a readable error, never a malformed value in the page.
 */
export type Fetch = typeof fetch;

export interface BackendRequest {
  method: 'GET' | 'POST' | 'PUT';
  path: string;
  token?: string | null;
  query?: Record<string, string | number>;
  json?: unknown;
  bytes?: Uint8Array;
  contentType?: string;
  timeoutMs: number;
}

/** `serverUrl` may carry a path prefix (https://host/mesa); API paths are appended to it. */
export function apiUrl(serverUrl: string, path: string, query?: Record<string, string | number>): URL {
  const base = new URL(serverUrl);
  base.pathname = base.pathname.replace(/\/+$/, '') + path;
  base.search = '';
  base.hash = '';
  for (const [key, value] of Object.entries(query ?? {})) base.searchParams.set(key, String(value));
  return base;
}

async function send(fetchImpl: Fetch, serverUrl: string, request: BackendRequest): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  let body: BodyInit | undefined;
  if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  } else if (request.bytes) {
    headers['content-type'] = request.contentType ?? 'application/octet-stream';
    // fetch's types want an ArrayBuffer-backed view; copy only when the view is not already one.
    body =
      request.bytes.buffer instanceof ArrayBuffer
        ? (request.bytes as Uint8Array<ArrayBuffer>)
        : new Uint8Array(request.bytes);
  }
  let response: Response;
  try {
    response = await fetchImpl(apiUrl(serverUrl, request.path, request.query), {
      method: request.method,
      headers,
      body,
      signal: AbortSignal.timeout(request.timeoutMs),
      // The backend never redirects; following one could carry the token elsewhere.
      redirect: 'error',
    });
  } catch (error) {
    throw errorForNetworkFailure(error, request.timeoutMs);
  }
  if (!response.ok) {
    const errorBody = await response.json().catch(() => null);
    throw errorForStatus(response.status, errorBody, response.headers.get('retry-after'));
  }
  return response;
}

export async function requestJson<T extends z.ZodType>(
  fetchImpl: Fetch,
  serverUrl: string,
  request: BackendRequest,
  schema: T,
): Promise<z.output<T>> {
  const response = await send(fetchImpl, serverUrl, request);
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError')
      throw errorForNetworkFailure(error, request.timeoutMs);
    throw new MesaError('server_error', `${request.path}: the server's answer is not JSON.`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new MesaError(
      'server_error',
      `${request.path}: unexpected answer from the server (${describeIssues(parsed.error)}).`,
    );
  return parsed.data;
}

export async function requestBytes(
  fetchImpl: Fetch,
  serverUrl: string,
  request: BackendRequest,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; contentType: string }> {
  const response = await send(fetchImpl, serverUrl, request);
  try {
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, contentType: response.headers.get('content-type') ?? 'application/octet-stream' };
  } catch (error) {
    throw errorForNetworkFailure(error, request.timeoutMs);
  }
}

/** For calls whose answer body does not matter (logout). */
export async function requestNoContent(
  fetchImpl: Fetch,
  serverUrl: string,
  request: BackendRequest,
): Promise<void> {
  const response = await send(fetchImpl, serverUrl, request);
  await response.body?.cancel();
}
