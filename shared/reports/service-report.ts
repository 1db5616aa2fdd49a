import { z } from 'zod';
import { prioritySchema } from '../entities/primitives';
import { ticketChannelSchema } from '../entities/ticket';
import type { BacklogDay } from './backlog-series';
import type { DurationStats } from './duration-stats';
import type { ReportPeriod } from './report-period';
import type { SatisfactionFigures } from './satisfaction';
import type { SlaReportGroup, SlaReportGroupBy } from './sla-report';

/**
 * The console's service report over the facts of the cached tickets (report-facts.ts): SLA
 * compliance, backlog, response and resolution times, satisfaction and volume, for the
 * tickets created in the period that pass the filters (the backlog follows every ticket
 * that passes the filters, whenever it was created). No SLA evaluation: that was done once
 * per ticket when its facts were made (report-facts.ts); the pass itself is ReportIndex's.
 * The SLA figures are computeSlaReport's, group for group. Breaches are listed newest first,
 * comments newest first.
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
