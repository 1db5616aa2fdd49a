import { addBusinessMinutes, evaluateSla, toSlaTimeline, type SlaClock, type SlaPolicy, type Ticket } from '../../../shared/index';

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

type SlaFields = Pick<Ticket, 'createdAt' | 'updatedAt' | 'priority' | 'firstResponseAt' | 'statusHistory' | 'sla'>;

function fromClock(clock: SlaClock, policy: SlaPolicy, now: Date): LiveClock {
  const warnMinutes = policy.warnAtFraction * clock.targetMinutes;
  let warnAtMs: number | null = null;
  if (clock.status === 'running') {
    warnAtMs = clock.elapsedMinutes >= warnMinutes ? now.getTime() : addBusinessMinutes(policy.calendar, now, warnMinutes - clock.elapsedMinutes).getTime();
  }
  return {
    status: clock.status,
    health: clock.health,
    targetMinutes: clock.targetMinutes,
    elapsedMinutes: clock.elapsedMinutes,
    remainingMinutes: clock.remainingMinutes,
    dueAtMs: clock.dueAt ? clock.dueAt.getTime() : null,
    warnAtMs,
  };
}

/** Without the policy (not synced yet) the server's last evaluation is the best we have. */
function fromWire(clock: NonNullable<Ticket['sla']>['firstResponse']): LiveClock {
  const dueAtMs = clock.dueAt ? Date.parse(clock.dueAt) : null;
  return {
    status: clock.status,
    health: clock.health,
    targetMinutes: clock.targetMinutes,
    elapsedMinutes: clock.elapsedMinutes,
    remainingMinutes: clock.remainingMinutes,
    dueAtMs,
    // Wall-clock approximation of the usual 80 % warning; exact once the policy arrives.
    warnAtMs: dueAtMs === null ? null : dueAtMs - 0.2 * clock.targetMinutes * 60_000,
  };
}

/** Both clocks of a ticket at `now`, run locally with the shared rules (offline too). */
export function liveClocks(ticket: SlaFields, policy: SlaPolicy | null | undefined, when: Date): LiveClocks | null {
  // Callers pass a clock rounded down for cheap re-renders; a change made seconds ago must
  // still count (evaluateSla ignores anything after `now`), so never evaluate before it.
  const now = new Date(Math.max(when.getTime(), Date.parse(ticket.updatedAt) || 0));
  if (policy) {
    try {
      const { firstResponse, resolution } = evaluateSla(toSlaTimeline(ticket), policy, now);
      return { firstResponse: fromClock(firstResponse, policy, now), resolution: fromClock(resolution, policy, now) };
    } catch {
      // A malformed calendar must not blank the queue; fall back to the server's copy.
    }
  }
  if (ticket.sla) return { firstResponse: fromWire(ticket.sla.firstResponse), resolution: fromWire(ticket.sla.resolution) };
  return null;
}

/** The health a clock has at `now`: a running clock turns warning, then breached, on time. */
export function healthAt(clock: LiveClock, now: number): Health {
  if (clock.status !== 'running') return clock.health;
  if (clock.dueAtMs !== null && now > clock.dueAtMs) return 'breached';
  if (clock.warnAtMs !== null && now >= clock.warnAtMs) return 'warning';
  return clock.health === 'breached' ? 'breached' : 'ok';
}

/** The clock that matters most in a list: the resolution clock, unless first response is the one at risk. */
export function headlineClock(clocks: LiveClocks, now: number): { clock: LiveClock; which: 'firstResponse' | 'resolution' } {
  const order: Record<Health, number> = { breached: 2, warning: 1, ok: 0 };
  const fr = clocks.firstResponse;
  if (fr.status === 'running' && order[healthAt(fr, now)] > order[healthAt(clocks.resolution, now)]) {
    return { clock: fr, which: 'firstResponse' };
  }
  if (clocks.resolution.status === 'stopped' && fr.status === 'running') return { clock: fr, which: 'firstResponse' };
  return { clock: clocks.resolution, which: 'resolution' };
}
