import { describe, expect, it } from 'vitest';
import { benchGroups } from './bench-groups';

describe('benchGroups (MESA_BENCH_ONLY)', () => {
  it('runs every group but the raw per-ticket put when nothing is named', () => {
    expect([...benchGroups(undefined)]).toEqual([
      'heap',
      'queries',
      'interactions',
      'start',
      'change-to-screen',
      'outbox-flush',
    ]);
    expect(benchGroups('')).toEqual(benchGroups(undefined));
  });

  it('runs only the groups named, in any order, spaces forgiven', () => {
    expect([...benchGroups('interactions')]).toEqual(['interactions']);
    expect(benchGroups(' start , outbox-flush')).toEqual(new Set(['start', 'outbox-flush']));
    expect(benchGroups('raw-rows').has('raw-rows')).toBe(true);
  });

  it('runs nothing after the sign-in figures for signin', () => {
    expect(benchGroups('signin').size).toBe(0);
  });

  it('refuses a name it does not know instead of silently running nothing', () => {
    expect(() => benchGroups('interaction')).toThrow(/unknown group interaction/);
  });
});
