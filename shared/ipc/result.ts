/**
 * How a handler's answer crosses the bridge. Electron's invoke flattens thrown errors into
 * one string, so handlers never throw across it: they answer with this envelope, and the
 * client turns a failure back into a MesaError with its code.
 */
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } };

export type IpcErrorCode =
  | 'invalid_request'
  | 'unknown_channel'
  | 'forbidden_sender'
  | 'offline'
  | 'unauthorized'
  | 'signed_out'
  | 'server_error'
  | 'rejected'
  | 'too_large'
  | 'not_found'
  | 'rate_limited'
  /** Plain http:// to a server on another machine: the password and token would cross the network readable. */
  | 'insecure_server'
  | 'internal';

export class MesaError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MesaError';
  }
}

export function unwrapIpcResult<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value;
  throw new MesaError(result.error.code, result.error.message);
}
