import { MesaError } from '../../shared/ipc/result';
import { apiErrorSchema } from '../../shared/sync/wire';

/**
 * What an HTTP failure means to the console, as a MesaError code the page can act on:
 * no answer at all → offline (queue and retry); 401 → unauthorized (sign in again);
 * 413 → too_large; 429 → rate_limited; 404 → not_found; other 4xx → rejected with the
 * server's own message (the agent must see why); 5xx → server_error.
 */
export function errorForStatus(status: number, body: unknown, retryAfter?: string | null): MesaError {
  const parsed = apiErrorSchema.safeParse(body);
  const serverMessage = parsed.success ? parsed.data.error.message : null;
  const say = (fallback: string) => serverMessage ?? fallback;
  if (status === 401)
    return new MesaError('unauthorized', say('The server no longer accepts this session; sign in again.'));
  if (status === 413)
    return new MesaError('too_large', say('The server refused the upload: it is too large.'));
  if (status === 429) {
    const wait = retryAfter && /^\d+$/.test(retryAfter) ? ` Try again in ${retryAfter} s.` : '';
    return new MesaError('rate_limited', say('Too many requests.') + wait);
  }
  if (status === 404) return new MesaError('not_found', say('Not found on the server.'));
  if (status >= 400 && status < 500)
    return new MesaError('rejected', say(`The server refused the request (HTTP ${status}).`));
  return new MesaError('server_error', `The server failed (HTTP ${status}); try again later.`);
}

/**
 * "Offline" because the answer did not come in time: unlike a refused or reset connection,
 * the server may be there and busy (see ConnectivityMonitorOptions.connectBackoff).
 */
export class NoAnswerInTimeError extends MesaError {
  constructor(message: string) {
    super('offline', message);
  }
}

/** fetch threw: no answer (refused, reset, DNS, timeout). Always "offline" with a readable cause. */
export function errorForNetworkFailure(error: unknown, timeoutMs: number): MesaError {
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError')
    return new NoAnswerInTimeError(`The server did not answer within ${Math.round(timeoutMs / 1000)} s.`);
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : null;
  const code = cause && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
  const detail = code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return new MesaError('offline', `Cannot reach the server (${detail}).`);
}

export function isNetworkFailure(error: unknown): boolean {
  return error instanceof MesaError && error.code === 'offline';
}

/** No connection at all (refused, reset, no route, DNS): nothing reached a server, so nothing loaded one. */
export function isConnectFailure(error: unknown): boolean {
  return isNetworkFailure(error) && !(error instanceof NoAnswerInTimeError);
}
