/**
 * Sign-in limits beyond "one address, one account" (that one is @fastify/rate-limit's, on
 * the route): password spraying (one address, a few passwords, many accounts) and slow
 * brute force (many addresses, one account).
 *
 * - Per address, across all accounts: at most `addressFailures.max` failed sign-ins in a
 *   window. Only failures count, so an office behind one NAT address signing in all
 *   morning is never limited.
 * - Per account, across addresses: after `freeFailures` failures in a row, each further
 *   attempt must wait `baseMs · 2^k` since the last failure, capped at `maxMs`. A success
 *   ends it. An address that signed in to the account within `trustedForMs` skips this
 *   backoff: an attacker can keep an account's backoff up from anywhere, but cannot keep
 *   its owner out of it from the machine they use, and the cap bounds the wait anywhere
 *   else. The key is the email as typed, so unknown accounts behave like real ones.
 *
 * Kept in memory, per process: pure bookkeeping with time passed in. Each map is bounded
 * (the oldest entries go first), so a flood of invented emails or addresses cannot grow it.
 */
export interface LoginThrottleOptions {
  addressFailures: { max: number; windowMs: number };
  accountBackoff: { freeFailures: number; baseMs: number; maxMs: number };
  trustedForMs: number;
  maxEntries: number;
}

export type ThrottleDecision =
  { allowed: true } | { allowed: false; scope: 'address' | 'account'; retryAfterMs: number };

interface AddressWindow {
  failures: number;
  resetAt: number;
}
interface AccountRun {
  failures: number;
  lastFailureAt: number;
}

export const DEFAULT_LOGIN_THROTTLE: LoginThrottleOptions = {
  addressFailures: { max: 30, windowMs: 15 * 60_000 },
  accountBackoff: { freeFailures: 5, baseMs: 1_000, maxMs: 60_000 },
  trustedForMs: 30 * 24 * 60 * 60_000,
  maxEntries: 100_000,
};

const ALLOWED: ThrottleDecision = { allowed: true };

export class LoginThrottle {
  private readonly addresses = new Map<string, AddressWindow>();
  private readonly accounts = new Map<string, AccountRun>();
  private readonly trusted = new Map<string, number>();

  constructor(private readonly options: LoginThrottleOptions = DEFAULT_LOGIN_THROTTLE) {}

  /** Whether an attempt may check a password now. Checked before any hashing. */
  check(address: string, account: string, now: number): ThrottleDecision {
    const window = this.addresses.get(address);
    if (window && window.resetAt > now && window.failures >= this.options.addressFailures.max)
      return { allowed: false, scope: 'address', retryAfterMs: window.resetAt - now };
    const run = this.accounts.get(account);
    if (!run || this.isTrusted(address, account, now)) return ALLOWED;
    const wait = this.backoffMs(run.failures);
    const readyAt = run.lastFailureAt + wait;
    return readyAt > now ? { allowed: false, scope: 'account', retryAfterMs: readyAt - now } : ALLOWED;
  }

  failed(address: string, account: string, now: number): void {
    const window = this.addresses.get(address);
    const current =
      window && window.resetAt > now
        ? window
        : { failures: 0, resetAt: now + this.options.addressFailures.windowMs };
    current.failures += 1;
    remember(this.addresses, address, current, this.options.maxEntries);
    const run = this.accounts.get(account);
    remember(
      this.accounts,
      account,
      { failures: (run?.failures ?? 0) + 1, lastFailureAt: now },
      this.options.maxEntries,
    );
  }

  succeeded(address: string, account: string, now: number): void {
    this.accounts.delete(account);
    remember(this.trusted, trustKey(address, account), now, this.options.maxEntries);
  }

  private isTrusted(address: string, account: string, now: number): boolean {
    const at = this.trusted.get(trustKey(address, account));
    return at !== undefined && now - at <= this.options.trustedForMs;
  }

  private backoffMs(failures: number): number {
    const { freeFailures, baseMs, maxMs } = this.options.accountBackoff;
    if (failures < freeFailures) return 0;
    return Math.min(maxMs, baseMs * 2 ** Math.min(30, failures - freeFailures));
  }
}

const trustKey = (address: string, account: string) => `${account}\n${address}`;

/** Sets a key as the newest entry, dropping the oldest beyond `max`. */
function remember<V>(map: Map<string, V>, key: string, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size <= max) return;
  const oldest = map.keys().next();
  if (!oldest.done) map.delete(oldest.value);
}
