/** What to do with a row whose send threw. */
export type SendFailure = { kind: 'permanent' | 'temporary'; reason: string };

/**
 * A 5xx reply is the server's final word (unknown mailbox, refused content): retrying
 * cannot help, so the row is failed with the server's reason. A 4xx reply (greylisting,
 * a full queue) and anything below SMTP (refused connection, timeout, TLS) is temporary.
 */
export function classifySendError(error: unknown): SendFailure {
  const e = (error ?? {}) as {
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
    code?: unknown;
  };
  const reason = String(e.response ?? e.message ?? e.code ?? error).slice(0, 500);
  const status = typeof e.responseCode === 'number' ? e.responseCode : 0;
  return { kind: status >= 500 && status < 600 ? 'permanent' : 'temporary', reason };
}

/** Exponential backoff from `baseMs`, capped at an hour, with jitter so instances do not retry in step. */
export function retryDelayMs(attempts: number, baseMs: number, random: () => number = Math.random): number {
  const exp = Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 60 * 60 * 1000);
  return Math.round(exp * (0.75 + random() * 0.5));
}
