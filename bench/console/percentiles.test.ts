import { describe, expect, it } from 'vitest';
import { percentile, spread } from './percentiles';

describe('percentile (nearest rank)', () => {
  it('picks a measured sample, whatever the order the samples came in', () => {
    const samples = [40, 10, 30, 20, 50, 60, 70, 80, 90, 100];
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(100);
    expect(percentile(samples, 90)).toBe(90);
    expect(percentile(samples, 10)).toBe(10);
  });

  it('reports the slow tail of 50 presses, not their median', () => {
    // 47 quick presses and 3 slow ones: p95 is the 48th sample, one of the slow ones.
    const samples = [...Array.from({ length: 47 }, () => 16), 120, 136, 200];
    expect(percentile(samples, 50)).toBe(16);
    expect(percentile(samples, 95)).toBe(120);
    expect(spread(samples)).toEqual({ p50: 16, p95: 120, max: 200, n: 50 });
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(/no samples/);
    expect(() => percentile([1], 0)).toThrow(/out of range/);
    expect(() => percentile([1], 101)).toThrow(/out of range/);
  });
});
