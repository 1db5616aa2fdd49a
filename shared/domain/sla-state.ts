import { evaluateSla } from './sla-clock';
import type { SlaClock, SlaPolicy, SlaTimeline } from './types';

export type SlaClockName = 'firstResponse' | 'resolution';

/**
 * A ticket's one SLA signal: the clock every view shows, sorts and counts by (the row
 * badge, the "SLA due" order, the "Breaching soon" queue and its counts, notifications).
 *
 * `warnAt` is when the clock reaches the policy's warning fraction; like `dueAt` it is
 * set only while the clock runs, and neither moves while time passes (only a change to
 * the ticket moves them), so a cache can index them.
 */
export interface SlaState extends SlaClock {
  clock: SlaClockName;
  warnAt: Date | null;
}

/**
 * The most urgent running clock of a ticket at `now`: the one due first. A breached clock
 * is due in the past, so it always comes before one that is not. First response counts
 * every minute resolution counts (it is never paused), so with its target no longer than
 * resolution's and one warning fraction for both, it warns first too. Choosing by due
 * instant rather than by current health keeps the choice fixed as time passes.
 *
 * With no running clock, the resolution clock stands for the ticket (paused, met,
 * breached), unless it stopped while first response still runs.
 *
 * Both instants come from the ticket's own timeline (creation, status changes with their
 * pauses, first response), never from when the ticket was last saved: `warnAt` is the due
 * instant of the same clocks with their targets scaled by the warning fraction.
 */
export function slaState(timeline: SlaTimeline, policy: SlaPolicy, now: Date): SlaState {
  return mostUrgentClock(slaClocks(timeline, policy, now));
}

/** Both clocks as evaluateSla gives them, each with the instant it reaches its warning fraction. */
export function slaClocks(
  timeline: SlaTimeline,
  policy: SlaPolicy,
  now: Date,
): Record<SlaClockName, SlaState> {
  const clocks = evaluateSla(timeline, policy, now);
  const warnings = evaluateSla(timeline, warningPolicyOf(policy), now);
  return {
    firstResponse: { ...clocks.firstResponse, clock: 'firstResponse', warnAt: warnings.firstResponse.dueAt },
    resolution: { ...clocks.resolution, clock: 'resolution', warnAt: warnings.resolution.dueAt },
  };
}

/** The choice slaState makes, for clocks already evaluated (e.g. the server's copy). */
export function mostUrgentClock(clocks: Record<SlaClockName, SlaState>): SlaState {
  const fr = clocks.firstResponse;
  const res = clocks.resolution;
  if (fr.status === 'running' && fr.dueAt) {
    if (res.status !== 'running' || !res.dueAt || fr.dueAt.getTime() <= res.dueAt.getTime()) return fr;
  }
  return res;
}

/** The health the state has at `at` (≥ when it was evaluated), if nothing changes the ticket meanwhile. */
export function slaHealthAt(
  state: Pick<SlaState, 'status' | 'health' | 'dueAt' | 'warnAt'>,
  at: Date,
): SlaClock['health'] {
  if (state.status !== 'running') return state.health;
  if (state.dueAt && at.getTime() > state.dueAt.getTime()) return 'breached';
  if (state.health === 'breached') return 'breached';
  if (state.warnAt && at.getTime() >= state.warnAt.getTime()) return 'warning';
  return state.health;
}

const warningPolicies = new WeakMap<SlaPolicy, SlaPolicy>();

/** The policy whose targets are this one's warning thresholds; same calendar object, so its compiled form is shared. */
function warningPolicyOf(policy: SlaPolicy): SlaPolicy {
  let scaled = warningPolicies.get(policy);
  if (!scaled) {
    const f = policy.warnAtFraction;
    const targets = Object.fromEntries(
      Object.entries(policy.targets).map(([priority, target]) => [
        priority,
        {
          firstResponseMinutes: target.firstResponseMinutes * f,
          resolutionMinutes: target.resolutionMinutes * f,
        },
      ]),
    ) as SlaPolicy['targets'];
    scaled = { ...policy, targets, warnAtFraction: 1 };
    warningPolicies.set(policy, scaled);
  }
  return scaled;
}
