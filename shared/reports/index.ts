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
export { BACKLOG_STATUSES, type BacklogDay, type BacklogStatus } from './backlog-series';
export { type DurationStats, type Percentiles } from './duration-stats';
export { toReportFact, type ClockFact, type ReportFact, type ReportFactTicket } from './report-facts';
export {
  REPORT_PRESETS,
  reportPeriod,
  reportPeriodChoiceSchema,
  type PeriodError,
  type ReportDay,
  type ReportPeriod,
  type ReportPeriodChoice,
  type ReportPreset,
} from './report-period';
export { type FeedbackComment, type SatisfactionFigures } from './satisfaction';
export { computeServiceReport, ReportIndex } from './report-index';
export {
  reportFiltersSchema,
  type CountByKey,
  type ReportBreach,
  type ReportFilters,
  type ServiceReport,
  type ServiceReportQuery,
} from './service-report';
