import { DateTime } from 'luxon';
import { z } from 'zod';
import { SLA_REPORT_MAX_DAYS } from './sla-report-wire';

/**
 * A report's period as the team lead picks it: whole local days in the viewer's time zone,
 * so "last month" starts at its first midnight there, DST days included (23 or 25 hours).
 */

export const REPORT_PRESETS = ['last7', 'last30', 'last90', 'thisMonth', 'lastMonth', 'custom'] as const;
export type ReportPreset = (typeof REPORT_PRESETS)[number];

const localDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const reportPeriodChoiceSchema = z.object({
  preset: z.enum(REPORT_PRESETS),
  /** Local dates, both included; only read for 'custom'. */
  from: localDateSchema.optional(),
  to: localDateSchema.optional(),
});
export type ReportPeriodChoice = z.infer<typeof reportPeriodChoiceSchema>;

export interface ReportDay {
  /** Local date 'YYYY-MM-DD'. */
  date: string;
  startMs: number;
  endMs: number;
}

export interface ReportPeriod {
  /** First and last local dates, both included. */
  fromDate: string;
  toDate: string;
  /** [fromMs, toMs): the first day's midnight to the midnight after the last day. */
  fromMs: number;
  toMs: number;
  days: ReportDay[];
}

export type PeriodError = 'invalid_date' | 'from_after_to' | 'too_long';

const LAST_N: Partial<Record<ReportPreset, number>> = { last7: 7, last30: 30, last90: 90 };

/** The local dates [first, last] a choice names on the day `now` falls on in `timeZone`. */
function datesOf(choice: ReportPeriodChoice, today: DateTime): [DateTime, DateTime] | null {
  const n = LAST_N[choice.preset];
  if (n !== undefined) return [today.minus({ days: n - 1 }), today];
  switch (choice.preset) {
    case 'thisMonth':
      return [today.startOf('month'), today];
    case 'lastMonth': {
      const first = today.startOf('month').minus({ months: 1 });
      return [first, first.endOf('month').startOf('day')];
    }
    default: {
      const zone = today.zone;
      const from = choice.from ? DateTime.fromISO(choice.from, { zone }) : null;
      const to = choice.to ? DateTime.fromISO(choice.to, { zone }) : null;
      return from?.isValid && to?.isValid ? [from, to] : null;
    }
  }
}

/** The period of a choice, or why it cannot be one (a custom range backwards or too long). */
export function reportPeriod(
  choice: ReportPeriodChoice,
  now: Date,
  timeZone: string,
): { ok: true; period: ReportPeriod } | { ok: false; error: PeriodError } {
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const dates = datesOf(choice, today);
  if (!dates) return { ok: false, error: 'invalid_date' };
  const [first, last] = dates;
  if (first > last) return { ok: false, error: 'from_after_to' };
  if (last.diff(first, 'days').days + 1 > SLA_REPORT_MAX_DAYS) return { ok: false, error: 'too_long' };
  const days: ReportDay[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    days.push({ date: day.toISODate()!, startMs: day.toMillis(), endMs: day.plus({ days: 1 }).toMillis() });
  }
  return {
    ok: true,
    period: {
      fromDate: first.toISODate()!,
      toDate: last.toISODate()!,
      fromMs: first.toMillis(),
      toMs: last.plus({ days: 1 }).toMillis(),
      days,
    },
  };
}
