/** The domain rules of docs/domain-rules.md: pure functions, shared by the backend and the console. */
export type * from './types';
export { priorityOf } from './priority';
export {
  ALLOWED_TRANSITIONS,
  REOPEN_WINDOW_DAYS,
  TICKET_STATUSES,
  allowedNextStatuses,
  checkTransition,
} from './ticket-lifecycle';
export { addBusinessMinutes, businessMinutesBetween } from './business-calendar';
export { evaluateSla } from './sla-clock';
export {
  mostUrgentClock,
  slaClocks,
  slaHealthAt,
  slaState,
  type SlaClockName,
  type SlaState,
} from './sla-state';
export { suggestAssignees } from './assignment';
export {
  CALENDAR_24X7,
  CALENDAR_OFFICE_HOURS,
  CALENDAR_SPANISH_SPLIT,
  CRITICAL_24X7_SLA_POLICY,
  DEFAULT_SLA_POLICY,
  SLA_POLICIES,
} from './presets';
