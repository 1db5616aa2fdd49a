import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationStats } from './duration-stats';

/** The definition, by sorting: the value at rank ceil(q × n), 1-based. */
function nearestRank(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1]!;
}

describe('duration percentiles', () => {
  it('are the nearest-rank median and p90 of any sample, duplicates and ties included', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }), (minutes) => {
        const stats = durationStats(
          Float64Array.from(minutes),
          Float64Array.from(minutes, (m) => m * 3),
        );
        expect(stats).toEqual({
          count: minutes.length,
          business: { median: nearestRank(minutes, 0.5), p90: nearestRank(minutes, 0.9) },
          calendar: { median: nearestRank(minutes, 0.5) * 3, p90: nearestRank(minutes, 0.9) * 3 },
        });
      }),
    );
  });

  it('takes a real value, not an average: the median of 10 and 20 is 10', () => {
    expect(durationStats(Float64Array.of(20, 10), Float64Array.of(20, 10)).business).toEqual({
      median: 10,
      p90: 20,
    });
  });

  it('has no percentiles without a sample', () => {
    expect(durationStats(new Float64Array(0), new Float64Array(0))).toEqual({
      count: 0,
      business: null,
      calendar: null,
    });
  });
});
