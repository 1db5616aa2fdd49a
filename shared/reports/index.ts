/** Service reports computed from the tickets both the backend and the console hold. */
export {
  clockOutcome,
  computeSlaReport,
  SlaReportBuilder,
  groupKeyOf,
  type ClockCounts,
  type ClockOutcome,
  type ReportTicket,
  type SlaReport,
  type SlaReportGroup,
  type SlaReportGroupBy,
  type SlaReportInput,
  type SlaReportOptions,
} from './sla-report';
export {
  SLA_REPORT_MAX_DAYS,
  slaReportGroupBySchema,
  slaReportQuerySchema,
  slaReportSchema,
  type SlaReportQuery,
} from './sla-report-wire';
