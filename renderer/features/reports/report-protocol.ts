import type { ReportFactTicket, ServiceReport, ServiceReportQuery } from '../../../shared/reports/index';
import type { SlaPolicy } from '../../../shared/index';

/** Messages between the Reports view and its worker (report.worker.ts). */
export type ToReportWorker =
  | { type: 'reset'; policies: SlaPolicy[]; nowMs: number }
  | { type: 'tickets'; tickets: ReportFactTicket[] }
  /** Tickets changed since the load (judged at its `now`), and ids no longer cached. */
  | { type: 'update'; tickets: ReportFactTicket[]; removedIds: string[] }
  | { type: 'compute'; id: number; query: ServiceReportQuery };

export type FromReportWorker =
  | { type: 'report'; id: number; report: ServiceReport; computeMs: number }
  | { type: 'failed'; id: number; message: string };

/**
 * The span from asking for a report to its answer, as a User Timing measure: a trace, or a
 * page watching `measure` entries, sees when a report was computing (the view may be gone).
 */
export const REPORT_MEASURE = 'mesa:report';
