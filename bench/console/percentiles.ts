/**
 * Nearest-rank percentile: the smallest sample with at least p% of the samples at or below
 * it, so every figure reported is a latency that was really measured (no interpolation
 * between two presses). Throws on no samples: a figure over nothing is a harness bug.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile out of range: ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.ceil((sorted.length * p) / 100) - 1]!;
}

export interface Spread {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

export function spread(samples: readonly number[]): Spread {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    max: percentile(samples, 100),
    n: samples.length,
  };
}
