import { isOpenStatus, ticketSlaState, type SlaPolicy, type Ticket } from '../../shared/index';

/**
 * The two SLA instants the queues sort and select on: the due and warning instants
 * of the ticket's SLA state (the most urgent running clock, as the row badge shows it).
 * Neither moves while time passes, so they can be stored; with no running clock the ticket
 * sorts last (Infinity is a valid key). Without the policy cached yet, the server's last
 * evaluation gives them.
 */

type SlaFields = Pick<
  Ticket,
  'status' | 'sla' | 'createdAt' | 'priority' | 'firstResponseAt' | 'statusHistory'
>;

export interface SlaKeys {
  slaDueMs: number;
  slaWarnMs: number;
}

const NONE: SlaKeys = { slaDueMs: Infinity, slaWarnMs: Infinity };

export function slaKeys(ticket: SlaFields, policy: SlaPolicy | null | undefined): SlaKeys {
  if (!isOpenStatus(ticket.status)) return NONE;
  const state = ticketSlaState(ticket, policy, lastEventOf(ticket));
  if (!state || state.status !== 'running' || !state.dueAt) return NONE;
  const slaDueMs = state.dueAt.getTime();
  return { slaDueMs, slaWarnMs: Math.min(state.warnAt?.getTime() ?? slaDueMs, slaDueMs) };
}

/** The instants depend on the timeline only: evaluated as of its last event, the wall clock cannot move them. */
function lastEventOf(ticket: SlaFields): Date {
  let last = Date.parse(ticket.createdAt);
  for (const change of ticket.statusHistory) last = Math.max(last, Date.parse(change.at));
  if (ticket.firstResponseAt) last = Math.max(last, Date.parse(ticket.firstResponseAt));
  return new Date(Number.isFinite(last) ? last : 0);
}
