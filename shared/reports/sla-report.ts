import { evaluateSla } from '../domain/sla-clock';
import type { SlaClock, SlaPolicy } from '../domain/types';
import type { Ticket } from '../entities/ticket';
import { toSlaTimeline } from '../sync/ticket-sla';

/**
 * SLA compliance over the tickets created in [from, to), each clock judged by the shared
 * SLA rules at `now`. The backend (GET /api/v1/reports/sla) and the console run this same
 * function over the same ticket data, so their figures agree by construction.
 */

export type SlaReportGroupBy = 'team' | 'agent' | 'category' | 'priority';

/** What a report needs of a ticket: the pulled data both sides hold (statusHistory carries pending pauses and reopens). */
export type ReportTicket = Pick<
  Ticket,
  | 'createdAt'
  | 'priority'
  | 'firstResponseAt'
  | 'statusHistory'
  | 'teamId'
  | 'assigneeId'
  | 'category'
  | 'slaPolicyId'
>;

export interface ClockCounts {
  met: number;
  breached: number;
  running: number;
  /** met / (met + breached); null when both are 0. */
  compliance: number | null;
}

export interface SlaReportGroup {
  key: string;
  tickets: number;
  firstResponse: ClockCounts;
  resolution: ClockCounts;
}

export interface SlaReport {
  from: string;
  to: string;
  groupBy: SlaReportGroupBy;
  total: SlaReportGroup;
  groups: SlaReportGroup[];
}

export interface SlaReportInput {
  tickets: Iterable<ReportTicket>;
  /** Policies by id; a ticket is judged by the policy its `slaPolicyId` names. */
  policies: ReadonlyMap<string, SlaPolicy>;
  from: Date;
  to: Date;
  groupBy: SlaReportGroupBy;
  now: Date;
}

export type ClockOutcome = 'met' | 'breached' | 'running';

/**
 * met = stopped within its target; breached = past its target, stopped or not (a clock
 * still running past its due time can no longer be met); running = not yet due, paused
 * included. The boundary is evaluateSla's own health, so "met" means what the badge says.
 */
export function clockOutcome(clock: SlaClock): ClockOutcome {
  if (clock.health === 'breached') return 'breached';
  return clock.status === 'stopped' ? 'met' : 'running';
}

/**
 * The group a ticket falls in: who or what holds it at `now` (a ticket that moved team
 * counts for the team it ended with). Unassigned and team-less tickets have the key ''.
 */
export function groupKeyOf(
  ticket: Pick<ReportTicket, 'teamId' | 'assigneeId' | 'category' | 'priority'>,
  groupBy: SlaReportGroupBy,
): string {
  switch (groupBy) {
    case 'team':
      return ticket.teamId ?? '';
    case 'agent':
      return ticket.assigneeId ?? '';
    case 'category':
      return ticket.category;
    case 'priority':
      return String(ticket.priority);
  }
}

/** Counts of one group as a report accumulates them (the service report reuses them). */
export interface Tally {
  tickets: number;
  firstResponse: Record<ClockOutcome, number>;
  resolution: Record<ClockOutcome, number>;
}

export const emptyTally = (): Tally => ({
  tickets: 0,
  firstResponse: { met: 0, breached: 0, running: 0 },
  resolution: { met: 0, breached: 0, running: 0 },
});

const countsOf = ({ met, breached, running }: Record<ClockOutcome, number>): ClockCounts => ({
  met,
  breached,
  running,
  compliance: met + breached === 0 ? null : met / (met + breached),
});

export const groupOf = (key: string, tally: Tally): SlaReportGroup => ({
  key,
  tickets: tally.tickets,
  firstResponse: countsOf(tally.firstResponse),
  resolution: countsOf(tally.resolution),
});

export type SlaReportOptions = Omit<SlaReportInput, 'tickets'>;

/**
 * A report fed a ticket at a time, so a caller with many tickets can take them in pages
 * and yield between them (the backend must not block its other requests, nor the
 * console its queue). A ticket without a known policy (none applied, or since deleted)
 * counts in `tickets` but in neither clock: it has no due time to meet or breach.
 */
export class SlaReportBuilder {
  private readonly from: number;
  private readonly to: number;
  private readonly total = emptyTally();
  private readonly byKey = new Map<string, Tally>();

  constructor(private readonly options: SlaReportOptions) {
    this.from = options.from.getTime();
    this.to = options.to.getTime();
  }

  add(ticket: ReportTicket): void {
    const createdAt = Date.parse(ticket.createdAt);
    if (!(createdAt >= this.from && createdAt < this.to)) return;
    const key = groupKeyOf(ticket, this.options.groupBy);
    let tally = this.byKey.get(key);
    if (tally === undefined) this.byKey.set(key, (tally = emptyTally()));
    tally.tickets++;
    this.total.tickets++;
    const policy = ticket.slaPolicyId === null ? undefined : this.options.policies.get(ticket.slaPolicyId);
    if (policy === undefined) return;
    const sla = evaluateSla(toSlaTimeline(ticket), policy, this.options.now);
    const firstResponse = clockOutcome(sla.firstResponse);
    const resolution = clockOutcome(sla.resolution);
    tally.firstResponse[firstResponse]++;
    tally.resolution[resolution]++;
    this.total.firstResponse[firstResponse]++;
    this.total.resolution[resolution]++;
  }

  build(): SlaReport {
    const groups = groupsOf(this.byKey);
    return {
      from: this.options.from.toISOString(),
      to: this.options.to.toISOString(),
      groupBy: this.options.groupBy,
      total: groupOf('', this.total),
      groups,
    };
  }
}

/** The groups of a report, in key order. */
export function groupsOf(byKey: ReadonlyMap<string, Tally>): SlaReportGroup[] {
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, tally]) => groupOf(key, tally));
}

export function computeSlaReport(input: SlaReportInput): SlaReport {
  const builder = new SlaReportBuilder(input);
  for (const ticket of input.tickets) builder.add(ticket);
  return builder.build();
}
