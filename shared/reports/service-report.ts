import { z } from 'zod';
import { prioritySchema } from '../entities/primitives';
import { ticketChannelSchema } from '../entities/ticket';
import { BacklogSeries, type BacklogDay } from './backlog-series';
import { DurationSample, type DurationStats } from './duration-stats';
import type { ClockFact, ReportFact } from './report-facts';
import type { ReportPeriod } from './report-period';
import { SatisfactionTally, type SatisfactionFigures } from './satisfaction';
import {
  emptyTally,
  groupKeyOf,
  groupOf,
  groupsOf,
  type ClockOutcome,
  type SlaReportGroup,
  type SlaReportGroupBy,
  type Tally,
} from './sla-report';

/**
 * The console's service report over the facts of the cached tickets (report-facts.ts): SLA
 * compliance, backlog, response and resolution times, satisfaction and volume, for the
 * tickets created in the period that pass the filters (the backlog follows every ticket
 * that passes the filters, whenever it was created). One pass over the facts, no SLA
 * evaluation: that was done once per ticket when its facts were made. The SLA figures are
 * computeSlaReport's, group for group.
 */

export const reportFiltersSchema = z.object({
  team: z.string().nullable().optional(),
  /** '' for unassigned tickets. */
  agent: z.string().nullable().optional(),
  category: z.string().nullable().optional(),
  priority: prioritySchema.nullable().optional(),
  channel: ticketChannelSchema.nullable().optional(),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export interface ReportBreach {
  ticketId: string;
  number: string | null;
  title: string;
  priority: number;
  createdMs: number;
  clocks: Array<'firstResponse' | 'resolution'>;
}

export interface CountByKey {
  key: string;
  tickets: number;
}

export interface ServiceReport {
  fromMs: number;
  toMs: number;
  /** Tickets created in the period that pass the filters. */
  tickets: number;
  sla: {
    total: SlaReportGroup;
    by: Record<SlaReportGroupBy, SlaReportGroup[]>;
    /** Newest first, up to the limit; breachCount is all of them. */
    breaches: ReportBreach[];
    breachCount: number;
  };
  backlog: BacklogDay[];
  times: { firstResponse: DurationStats; resolution: DurationStats };
  satisfaction: SatisfactionFigures;
  volume: { byChannel: CountByKey[]; byCategory: CountByKey[] };
}

export interface ServiceReportQuery {
  period: ReportPeriod;
  filters: ReportFilters;
  breachLimit?: number;
  commentLimit?: number;
}

const GROUPINGS: readonly SlaReportGroupBy[] = ['team', 'agent', 'category', 'priority'];
const MINUTE_MS = 60_000;

export function passesFilters(fact: ReportFact, filters: ReportFilters): boolean {
  const { team, agent, category, priority, channel } = filters;
  return (
    (team == null || (fact.teamId ?? '') === team) &&
    (agent == null || (fact.assigneeId ?? '') === agent) &&
    (category == null || fact.category === category) &&
    (priority == null || fact.priority === priority) &&
    (channel == null || fact.channel === channel)
  );
}

function tallyClocks(tally: Tally, firstResponse: ClockOutcome, resolution: ClockOutcome): void {
  tally.firstResponse[firstResponse]++;
  tally.resolution[resolution]++;
}

function countsOf(counts: Map<string, number>): CountByKey[] {
  return [...counts.entries()]
    .map(([key, tickets]) => ({ key, tickets }))
    .sort((a, b) => b.tickets - a.tickets || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function increment(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function measure(sample: DurationSample, fact: ReportFact, clock: ClockFact | null): void {
  if (clock?.stoppedMs == null) return;
  sample.add(clock.businessMinutes, (clock.stoppedMs - fact.createdMs) / MINUTE_MS);
}

export function computeServiceReport(facts: Iterable<ReportFact>, query: ServiceReportQuery): ServiceReport {
  const { period, filters } = query;
  const total = emptyTally();
  const by = new Map(GROUPINGS.map((groupBy) => [groupBy, new Map<string, Tally>()]));
  const breaches: ReportBreach[] = [];
  const backlog = new BacklogSeries(period.days);
  const firstResponse = new DurationSample();
  const resolution = new DurationSample();
  const satisfaction = new SatisfactionTally(query.commentLimit ?? 10);
  const byChannel = new Map<string, number>();
  const byCategory = new Map<string, number>();

  for (const fact of facts) {
    if (!passesFilters(fact, filters)) continue;
    backlog.add(fact.history);
    if (!(fact.createdMs >= period.fromMs && fact.createdMs < period.toMs)) continue;
    total.tickets++;
    const tallies = GROUPINGS.map((groupBy) => {
      const groups = by.get(groupBy)!;
      const key = groupKeyOf(fact, groupBy);
      let tally = groups.get(key);
      if (!tally) groups.set(key, (tally = emptyTally()));
      tally.tickets++;
      return tally;
    });
    increment(byChannel, fact.channel);
    increment(byCategory, fact.category);
    satisfaction.add(fact);
    if (!fact.firstResponse || !fact.resolution) continue;
    const outcomes = [fact.firstResponse.outcome, fact.resolution.outcome] as const;
    tallyClocks(total, ...outcomes);
    for (const tally of tallies) tallyClocks(tally, ...outcomes);
    measure(firstResponse, fact, fact.firstResponse);
    if (fact.status === 'resolved' || fact.status === 'closed') measure(resolution, fact, fact.resolution);
    const clocks = (['firstResponse', 'resolution'] as const).filter((clock) => fact[clock]!.outcome === 'breached');
    if (clocks.length) {
      breaches.push({ ticketId: fact.id, number: fact.number, title: fact.title, priority: fact.priority, createdMs: fact.createdMs, clocks });
    }
  }

  breaches.sort((a, b) => b.createdMs - a.createdMs || (a.ticketId < b.ticketId ? -1 : 1));
  return {
    fromMs: period.fromMs,
    toMs: period.toMs,
    tickets: total.tickets,
    sla: {
      total: groupOf('', total),
      by: Object.fromEntries(GROUPINGS.map((groupBy) => [groupBy, groupsOf(by.get(groupBy)!)])) as ServiceReport['sla']['by'],
      breaches: breaches.slice(0, query.breachLimit ?? 50),
      breachCount: breaches.length,
    },
    backlog: backlog.build(),
    times: { firstResponse: firstResponse.stats(), resolution: resolution.stats() },
    satisfaction: satisfaction.build(),
    volume: { byChannel: countsOf(byChannel), byCategory: countsOf(byCategory) },
  };
}
