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

/** The value at rank ceil(q × n) of the sorted values (1-based). */
export function nearestRank(sorted: ArrayLike<number>, q: number): number {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1]!;
}

function percentilesOf(values: number[]): Percentiles | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return { median: nearestRank(sorted, 0.5), p90: nearestRank(sorted, 0.9) };
}

/** Collects durations, then gives their percentiles. */
export class DurationSample {
  private readonly business: number[] = [];
  private readonly calendar: number[] = [];

  add(businessMinutes: number, calendarMinutes: number): void {
    this.business.push(businessMinutes);
    this.calendar.push(calendarMinutes);
  }

  stats(): DurationStats {
    return {
      count: this.business.length,
      business: percentilesOf(this.business),
      calendar: percentilesOf(this.calendar),
    };
  }
}
