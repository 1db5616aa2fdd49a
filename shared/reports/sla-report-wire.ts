import { z } from 'zod';
import { isoDateTimeSchema } from '../entities/primitives';
import type { SlaReport } from './sla-report';

/** The longest period one request may cover: a report is computed in one pass over its tickets. */
export const SLA_REPORT_MAX_DAYS = 400;
const DAY_MS = 86_400_000;

export const slaReportGroupBySchema = z.enum(['team', 'agent', 'category', 'priority']);

export const slaReportQuerySchema = z
  .object({
    from: isoDateTimeSchema,
    to: isoDateTimeSchema,
    groupBy: slaReportGroupBySchema,
  })
  .refine((q) => Date.parse(q.from) < Date.parse(q.to), { message: 'from must be before to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= SLA_REPORT_MAX_DAYS * DAY_MS, {
    message: `the period may span at most ${SLA_REPORT_MAX_DAYS} days`,
    path: ['to'],
  });
export type SlaReportQuery = z.infer<typeof slaReportQuerySchema>;

const clockCountsSchema = z.object({
  met: z.number().int().min(0),
  breached: z.number().int().min(0),
  running: z.number().int().min(0),
  compliance: z.number().min(0).max(1).nullable(),
});

const slaReportGroupSchema = z.object({
  key: z.string(),
  tickets: z.number().int().min(0),
  firstResponse: clockCountsSchema,
  resolution: clockCountsSchema,
});

export const slaReportSchema = z.object({
  from: isoDateTimeSchema,
  to: isoDateTimeSchema,
  groupBy: slaReportGroupBySchema,
  total: slaReportGroupSchema,
  groups: z.array(slaReportGroupSchema),
}) satisfies z.ZodType<SlaReport>;
