/**
 * Median and 90th percentile of how long something took, in business and calendar
 * minutes side by side over the same tickets. Nearest-rank percentiles: each figure is a
 * time some ticket really took, not an interpolation between two.
 */

export interface Percentiles {
  median: number;
  p90: number;
}

export interface DurationStats {
  /** Tickets measured. */
  count: number;
  /** Null when no ticket was measured. */
  business: Percentiles | null;
  calendar: Percentiles | null;
}

/**
 * The value at rank k (0-based) as if the values were sorted, by quickselect (Hoare): linear
 * time where a sort is n log n, which at 100,000 tickets was most of a report's cost.
 * Reorders the values.
 */
function select(values: Float64Array, k: number, from = 0): number {
  let lo = from;
  let hi = values.length - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i++] = values[j]!;
        values[j--] = swap;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k]!;
}

const rankIndex = (n: number, q: number): number => Math.max(1, Math.ceil(q * n)) - 1;

/** Nearest rank: the value at rank ceil(q × n) of the sorted values (1-based). Reorders the values. */
function percentilesOf(values: Float64Array): Percentiles | null {
  if (values.length === 0) return null;
  const medianAt = rankIndex(values.length, 0.5);
  const median = select(values, medianAt);
  // Everything from the median's place on is ≥ it, so the p90 is selected among those.
  return { median, p90: select(values, rankIndex(values.length, 0.9), medianAt) };
}

/** The stats of paired samples (business[i] and calendar[i] are one ticket); reorders both. */
export function durationStats(business: Float64Array, calendar: Float64Array): DurationStats {
  return { count: business.length, business: percentilesOf(business), calendar: percentilesOf(calendar) };
}
