import {
  slaClocks,
  slaClocksFromWire,
  slaHealthAt,
  ticketSlaState,
  toSlaTimeline,
  type SlaClock,
  type SlaClockName,
  type SlaPolicy,
  type SlaState,
  type Ticket,
} from '../../../shared/index';

export type Health = SlaClock['health'];

/**
 * An SLA clock evaluated once, with the instants at which its health will change.
 * A running clock's due and warning instants do not move until the ticket changes, so a
 * countdown only compares numbers each tick instead of re-running the business calendar.
 */
export interface LiveClock {
  status: SlaClock['status'];
  /** Health when evaluated; for a running clock healthAt() moves it along with time. */
  health: Health;
  targetMinutes: number;
  elapsedMinutes: number;
  remainingMinutes: number;
  dueAtMs: number | null;
  warnAtMs: number | null;
}

export interface LiveClocks {
  firstResponse: LiveClock;
  resolution: LiveClock;
}

type SlaFields = Pick<
  Ticket,
  'createdAt' | 'updatedAt' | 'status' | 'priority' | 'firstResponseAt' | 'statusHistory' | 'sla'
>;

function liveClockOf(state: Omit<SlaState, 'clock'>): LiveClock {
  return {
    status: state.status,
    health: state.health,
    targetMinutes: state.targetMinutes,
    elapsedMinutes: state.elapsedMinutes,
    remainingMinutes: state.remainingMinutes,
    dueAtMs: state.dueAt ? state.dueAt.getTime() : null,
    warnAtMs: state.warnAt ? state.warnAt.getTime() : null,
  };
}

/**
 * Callers pass a clock rounded down for cheap re-renders; a change made seconds ago must
 * still count (evaluateSla ignores anything after `now`), so never evaluate before it.
 */
function evaluationTime(ticket: SlaFields, when: Date): Date {
  return new Date(Math.max(when.getTime(), Date.parse(ticket.updatedAt) || 0));
}

/**
 * The ticket's SLA state (shared/domain/sla-state.ts) as a countdown: the one clock the row
 * badge, the ticket header, the "SLA due" order and "Breaching soon" all go by.
 */
export interface LiveSlaState {
  clock: LiveClock;
  which: SlaClockName;
}

export function liveSlaState(
  ticket: SlaFields,
  policy: SlaPolicy | null | undefined,
  when: Date,
): LiveSlaState | null {
  const state = ticketSlaState(ticket, policy, evaluationTime(ticket, when));
  return state ? { clock: liveClockOf(state), which: state.clock } : null;
}

/** Both clocks of a ticket at `now`, run locally with the shared rules (offline too), for the ticket view. */
export function liveClocks(
  ticket: SlaFields,
  policy: SlaPolicy | null | undefined,
  when: Date,
): LiveClocks | null {
  const now = evaluationTime(ticket, when);
  if (policy) {
    try {
      const { firstResponse, resolution } = slaClocks(toSlaTimeline(ticket), policy, now);
      return { firstResponse: liveClockOf(firstResponse), resolution: liveClockOf(resolution) };
    } catch {
      // A malformed calendar must not blank the view; fall back to the server's copy.
    }
  }
  if (!ticket.sla) return null;
  // Without the policy (not synced yet) the server's last evaluation is the best we have.
  const { firstResponse, resolution } = slaClocksFromWire(ticket.sla);
  return { firstResponse: liveClockOf(firstResponse), resolution: liveClockOf(resolution) };
}

/** The health a clock has at `now`: a running clock turns warning, then breached, on time. */
export function healthAt(clock: LiveClock, now: number): Health {
  return slaHealthAt(
    {
      status: clock.status,
      health: clock.health,
      dueAt: clock.dueAtMs === null ? null : new Date(clock.dueAtMs),
      warnAt: clock.warnAtMs === null ? null : new Date(clock.warnAtMs),
    },
    new Date(now),
  );
}
