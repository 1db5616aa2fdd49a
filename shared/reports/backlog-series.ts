import { TICKET_STATUSES } from '../domain/ticket-lifecycle';
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

/** A status as stored in the report's columns: its place in TICKET_STATUSES. */
export const statusCode = (status: (typeof TICKET_STATUSES)[number]): number =>
  TICKET_STATUSES.indexOf(status);
const RESOLVED = statusCode('resolved');
/** Backlog row of each status code; -1 for the statuses that are not open. */
const BACKLOG_ROW = TICKET_STATUSES.map((status) => (BACKLOG_STATUSES as readonly string[]).indexOf(status));

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

  /** One ticket's status changes: entries [start, end) of the instants and status codes. */
  add(ats: Float64Array, statuses: Uint8Array, start: number, end: number): void {
    if (start === end) return;
    const created = this.dayOf(ats[start]!);
    if (created !== null) this.created[created]!++;
    for (let i = start; i < end; i++) {
      const at = ats[i]!;
      const status = statuses[i]!;
      if (status === RESOLVED && i > start) {
        const day = this.dayOf(at);
        if (day !== null) this.resolved[day]!++;
      }
      const row = BACKLOG_ROW[status]!;
      if (row < 0) continue;
      const until = i + 1 < end ? ats[i + 1]! : Infinity;
      const first = this.dayEndingAfter(at);
      const after = this.dayEndingAfter(until);
      if (first < after) {
        this.deltas[row]![first]!++;
        this.deltas[row]![after]!--;
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
