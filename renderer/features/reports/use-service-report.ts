import { startTransition, useEffect, useMemo, useState } from 'react';
import {
  reportPeriod,
  type PeriodError,
  type ReportFilters,
  type ReportPeriodChoice,
  type ServiceReport,
  type ServiceReportQuery,
} from '../../../shared/reports/index';
import { agentTimeZone } from '../../i18n/format';
import { reportClient } from './report-client';

export type ReportState =
  | { kind: 'loading' }
  | { kind: 'invalid'; error: PeriodError }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; report: ServiceReport; judgedAtMs: number; updating: boolean };

type Answer = { query: ServiceReportQuery } & (
  { ok: true; report: ServiceReport; judgedAtMs: number } | { ok: false; message: string }
);

/**
 * The report for a period and filters at `nowMs`, computed in the worker. The previous
 * report stays on screen (marked as updating) until the new one arrives, and an answer to
 * a query that has since changed is dropped. The answer renders as a transition: React
 * renders the sections in slices, with the agent's input handled between them.
 */
export function useServiceReport(
  choice: ReportPeriodChoice,
  filters: ReportFilters,
  nowMs: number,
): ReportState {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const asked = useMemo(() => {
    const result = reportPeriod(choice, new Date(nowMs), agentTimeZone());
    return result.ok ? { ok: true as const, query: { period: result.period, filters } } : result;
  }, [choice, filters, nowMs]);

  useEffect(() => {
    if (!asked.ok) return;
    const { query } = asked;
    let current = true;
    const show = (next: Answer) => {
      if (current) startTransition(() => setAnswer(next));
    };
    reportClient()
      .compute(query, nowMs)
      .then(
        ({ report, judgedAtMs }) => show({ query, ok: true, report, judgedAtMs }),
        (error: unknown) =>
          show({ query, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [asked, nowMs]);

  if (!asked.ok) return { kind: 'invalid', error: asked.error };
  if (!answer) return { kind: 'loading' };
  if (!answer.ok) return { kind: 'failed', message: answer.message };
  return {
    kind: 'ready',
    report: answer.report,
    judgedAtMs: answer.judgedAtMs,
    updating: answer.query !== asked.query,
  };
}
