import type { TicketStatus } from '../domain/types';
import type { ReportDay } from './report-period';

/**
 * The backlog day by day: open tickets at the end of each day by status, and tickets
 * created and resolved during it. Built with difference arrays: each status a ticket held
 * adds one from the first day that ends inside the span to the first that ends after it,
 * so a ticket costs its few status changes, not one step per day.
 */

export const BACKLOG_STATUSES = ['new', 'assigned', 'in_progress', 'pending'] as const;
export type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

export interface BacklogDay {
  date: string;
  /** Tickets in each open status at the day's end (changes at its last instant excluded). */
  open: Record<BacklogStatus, number>;
  created: number;
  /** Changes to 'resolved' during the day: a ticket resolved, reopened and resolved again counts twice. */
  resolved: number;
}

const STATUS_INDEX: Partial<Record<TicketStatus, number>> = { new: 0, assigned: 1, in_progress: 2, pending: 3 };

export class BacklogSeries {
  private readonly ends: number[];
  /** Per status, a difference array over the days (one longer). */
  private readonly deltas: Int32Array[];
  private readonly created: Int32Array;
  private readonly resolved: Int32Array;

  constructor(private readonly days: readonly ReportDay[]) {
    this.ends = days.map((day) => day.endMs);
    this.deltas = BACKLOG_STATUSES.map(() => new Int32Array(days.length + 1));
    this.created = new Int32Array(days.length);
    this.resolved = new Int32Array(days.length);
  }

  /** The first day whose end is after `ms` (days.length when none). */
  private dayEndingAfter(ms: number): number {
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! > ms) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  private dayOf(ms: number): number | null {
    if (this.days.length === 0 || ms < this.days[0]!.startMs) return null;
    const day = this.dayEndingAfter(ms);
    return day < this.days.length ? day : null;
  }

  add(history: ReadonlyArray<{ at: number; status: TicketStatus }>): void {
    if (history.length === 0) return;
    const created = this.dayOf(history[0]!.at);
    if (created !== null) this.created[created]!++;
    for (let i = 0; i < history.length; i++) {
      const { at, status } = history[i]!;
      if (status === 'resolved' && i > 0) {
        const day = this.dayOf(at);
        if (day !== null) this.resolved[day]!++;
      }
      const index = STATUS_INDEX[status];
      if (index === undefined) continue;
      const until = i + 1 < history.length ? history[i + 1]!.at : Infinity;
      const first = this.dayEndingAfter(at);
      const after = this.dayEndingAfter(until);
      if (first < after) {
        this.deltas[index]![first]!++;
        this.deltas[index]![after]!--;
      }
    }
  }

  build(): BacklogDay[] {
    const running = BACKLOG_STATUSES.map(() => 0);
    return this.days.map((day, d) => {
      const open = {} as Record<BacklogStatus, number>;
      BACKLOG_STATUSES.forEach((status, s) => {
        running[s]! += this.deltas[s]![d]!;
        open[status] = running[s]!;
      });
      return { date: day.date, open, created: this.created[d]!, resolved: this.resolved[d]! };
    });
  }
}
