/**
 * A full disk or an exhausted origin quota. IndexedDB reports it as a DOMException named
 * QuotaExceededError; Dexie wraps it in its own error of the same name with the original
 * as `inner`, and an aborted transaction may surface it as an AbortError whose `inner` is
 * the quota error. All three are the same fact for the agent: the cache cannot grow.
 */
export function isQuotaError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { name, inner } = current as { name?: unknown; inner?: unknown };
    if (name === 'QuotaExceededError') return true;
    current = inner;
  }
  return false;
}
