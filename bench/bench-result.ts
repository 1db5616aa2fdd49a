/** One benchmark figure (docs/benchmarks.md). A baseline is measured in the same run. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  n: number;
  baseline?: { name: string; value: number };
}

/** Two decimals: figures are compared against a baseline, not read to the microsecond. */
export const r2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * A figure measured against a same-run baseline, as the two lines docs/benchmarks.md wants:
 * the figure naming its baseline, and the baseline as a figure of its own in the same unit.
 */
export function compared(
  figure: Omit<BenchResult, 'baseline'>,
  baseline: { name: string; value: number; n: number },
): [BenchResult, BenchResult] {
  return [
    { ...figure, baseline: { name: baseline.name, value: baseline.value } },
    { name: baseline.name, value: baseline.value, unit: figure.unit, n: baseline.n },
  ];
}
