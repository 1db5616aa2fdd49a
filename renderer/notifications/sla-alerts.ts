import { slaState, toSlaTimeline } from '../../shared/index';
import type { SlaClockName, SlaPolicy, SlaState, Ticket } from '../../shared/index';

/** The ticket fields the watcher reads; TicketHead (renderer/data/rows.ts) has them all. */
export type WatchedTicket = Pick<
  Ticket,
  | 'id'
  | 'number'
  | 'title'
  | 'status'
  | 'priority'
  | 'createdAt'
  | 'firstResponseAt'
  | 'statusHistory'
  | 'slaPolicyId'
  | 'assigneeId'
  | 'teamId'
>;

export type { SlaClockName };
export type SlaThreshold = 'warning' | 'breach';

export interface ClockAlert {
  clock: SlaClockName;
  /** The most severe threshold this running clock has crossed, or null. */
  crossed: SlaThreshold | null;
  dueAt: Date | null;
  /** When this clock will cross its next threshold, if it keeps running. */
  nextCrossingAt: Date | null;
}

export interface TicketAlerts {
  /** The ticket's SLA state is in warning or breached: it is in "Breaching soon". */
  needsAttention: boolean;
  clocks: ClockAlert[];
}

/**
 * Waking exactly on the computed instant can land a millisecond short of the threshold
 * (business time is rounded to whole ms); a second later is still "as it happens" for a person.
 */
export const CROSSING_MARGIN_MS = 1_000;

/**
 * What one ticket tells the agent at `now`: its SLA state (shared/domain/sla-state.ts, the
 * clock its badge shows and "Breaching soon" lists it by), by the shared rules, so the
 * console warns offline exactly when the server would. Only a running clock raises
 * alerts: a paused clock cannot cross a threshold, and a stopped one crossed it in the past.
 */
export function ticketAlerts(ticket: WatchedTicket, policy: SlaPolicy, now: Date): TicketAlerts {
  const state = slaState(toSlaTimeline(ticket), policy, now);
  const needsAttention = state.status === 'running' && state.health !== 'ok';
  return { needsAttention, clocks: [clockAlert(state)] };
}

function clockAlert(state: SlaState): ClockAlert {
  const { clock, dueAt } = state;
  if (state.status !== 'running') return { clock, crossed: null, dueAt, nextCrossingAt: null };
  if (state.health === 'breached') return { clock, crossed: 'breach', dueAt, nextCrossingAt: null };
  const next = state.health === 'warning' ? dueAt : state.warnAt;
  return {
    clock,
    crossed: state.health === 'warning' ? 'warning' : null,
    dueAt,
    nextCrossingAt: next ? new Date(next.getTime() + CROSSING_MARGIN_MS) : null,
  };
}
