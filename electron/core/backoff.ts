/**
 * Exponential backoff with full jitter: the n-th retry waits a uniformly random time in
 * [0, min(cap, base · 2^n)). Full jitter spreads a fleet of consoles that all lost the same
 * server, so they do not come back in lockstep (AWS Architecture Blog, "Exponential Backoff
 * And Jitter", 2015). Reset after a success so the next outage starts small again.
 */
export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
  /** Returns a number in [0, 1); injectable so tests get exact delays. */
  random?: () => number;
}

export interface Backoff {
  /** The delay before the next attempt; each call counts one more failure. */
  next(): number;
  reset(): void;
  readonly attempts: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/**
 * Health probes that could not connect at all (ConnectivityMonitorOptions.connectBackoff):
 * on average a second apart once capped, so a returning network is noticed in about a second.
 */
export const CONNECT_PROBE_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 2_000 };

/** The connect-probe backoff for a given general one: never slower than it (tests pass fast ones). */
export function connectProbeBackoff(general: BackoffOptions): BackoffOptions {
  return {
    baseMs: Math.min(general.baseMs, CONNECT_PROBE_BACKOFF.baseMs),
    maxMs: Math.min(general.maxMs, CONNECT_PROBE_BACKOFF.maxMs),
    random: general.random,
  };
}

/** The ceiling of the n-th delay (n from 0), before jitter. */
export function backoffCeiling(attempt: number, baseMs: number, maxMs: number): number {
  // 2^n overflows to Infinity long after it passed any cap; min() keeps it finite.
  return Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 52));
}

export function createBackoff({ baseMs, maxMs, random = Math.random }: BackoffOptions): Backoff {
  let attempts = 0;
  return {
    next() {
      const ceiling = backoffCeiling(attempts, baseMs, maxMs);
      attempts += 1;
      return Math.floor(random() * ceiling);
    },
    reset() {
      attempts = 0;
    },
    get attempts() {
      return attempts;
    },
  };
}
