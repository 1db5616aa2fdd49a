import { describe, expect, it } from 'vitest';
import { backoffCeiling, createBackoff } from './backoff';

describe('backoff with full jitter', () => {
  it('doubles the ceiling per failure up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6].map((n) => backoffCeiling(n, 100, 2_000))).toEqual([
      100, 200, 400, 800, 1_600, 2_000, 2_000,
    ]);
    expect(backoffCeiling(10_000, 100, 2_000)).toBe(2_000);
  });

  it('draws each delay uniformly below the ceiling (the random source decides where)', () => {
    const draws = [0.5, 0.999, 0, 0.25];
    const backoff = createBackoff({ baseMs: 1_000, maxMs: 60_000, random: () => draws.shift()! });
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1_998, 0, 2_000]);
    expect(backoff.attempts).toBe(4);
  });

  it('starts small again after a reset', () => {
    const backoff = createBackoff({ baseMs: 1_000, maxMs: 60_000, random: () => 0.999_999 });
    for (let i = 0; i < 10; i++) backoff.next();
    expect(backoff.next()).toBeLessThanOrEqual(60_000);
    backoff.reset();
    expect(backoff.next()).toBeLessThan(1_000);
  });

  it('never exceeds the cap whatever the random source gives', () => {
    const backoff = createBackoff({ baseMs: 250, maxMs: 5_000 });
    for (let i = 0; i < 200; i++) {
      const delay = backoff.next();
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(5_000);
    }
  });
});
