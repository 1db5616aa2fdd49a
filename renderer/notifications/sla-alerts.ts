import { addBusinessMinutes, evaluateSla, toSlaTimeline } from '../../shared/index';
import type { SlaClock, SlaPolicy, Ticket } from '../../shared/index';

/** The ticket fields the watcher reads; CachedTicket (renderer/data/db.ts) has them all. */
export type WatchedTicket = Pick<
  Ticket,
  'id' | 'number' | 'title' | 'status' | 'priority' | 'createdAt' | 'firstResponseAt' | 'statusHistory' | 'slaPolicyId' | 'assigneeId' | 'teamId'
>;

export type SlaClockName = 'firstResponse' | 'resolution';
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
  /** Some clock that is not stopped is in warning or breached: counts for the tray. */
  needsAttention: boolean;
  clocks: ClockAlert[];
}

const CLOCKS: readonly SlaClockName[] = ['firstResponse', 'resolution'];

/**
 * Waking exactly on the computed instant can land a millisecond short of the threshold
 * (business time is rounded to whole ms); a second later is still "as it happens" for a person.
 */
export const CROSSING_MARGIN_MS = 1_000;

/**
 * The SLA state of one ticket at `now`, by the shared rules (evaluateSla), so the console
 * warns offline exactly when the server would. Only running clocks raise alerts: a paused
 * clock cannot cross a threshold, and a stopped one crossed it in the past.
 */
export function ticketAlerts(ticket: WatchedTicket, policy: SlaPolicy, now: Date): TicketAlerts {
  const evaluation = evaluateSla(toSlaTimeline(ticket), policy, now);
  const clocks = CLOCKS.map((name) => clockAlert(name, evaluation[name], policy, now));
  const needsAttention = CLOCKS.some((name) => evaluation[name].status !== 'stopped' && evaluation[name].health !== 'ok');
  return { needsAttention, clocks };
}

function clockAlert(clock: SlaClockName, state: SlaClock, policy: SlaPolicy, now: Date): ClockAlert {
  if (state.status !== 'running') return { clock, crossed: null, dueAt: state.dueAt, nextCrossingAt: null };
  if (state.health === 'breached') return { clock, crossed: 'breach', dueAt: state.dueAt, nextCrossingAt: null };
  const breachAt = state.dueAt ? new Date(state.dueAt.getTime() + CROSSING_MARGIN_MS) : null;
  if (state.health === 'warning') return { clock, crossed: 'warning', dueAt: state.dueAt, nextCrossingAt: breachAt };
  // Still ok: the warning comes after warnAtFraction of the target, in business time from now.
  const untilWarning = policy.warnAtFraction * state.targetMinutes - state.elapsedMinutes;
  const warnAt = addBusinessMinutes(policy.calendar, now, Math.max(0, untilWarning));
  return { clock, crossed: null, dueAt: state.dueAt, nextCrossingAt: new Date(warnAt.getTime() + CROSSING_MARGIN_MS) };
}
