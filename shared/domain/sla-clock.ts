import type { SlaClock, SlaEvaluation, SlaPolicy, SlaTimeline, TicketStatus } from './types';
import type { CompiledCalendar } from './calendar-days';
import { compileCalendar } from './calendar-days';
import { addBusinessMs, businessMsBetween, minutesToMs } from './business-calendar';
import { MINUTE_MS, epochMs } from './zone-clock';

/**
 * SLA clocks (docs/domain-rules.md), evaluated from a ticket's timeline at a given `now`.
 *
 * - Resolution: counts business time in new / assigned / in_progress, is paused in
 *   pending, stopped in resolved / closed / cancelled; a reopen resumes from what it had.
 * - First response: counts from createdAt regardless of status, stops at firstResponseAt
 *   or at the first change to resolved / cancelled, whichever comes first.
 * - Targets are those of the *current* priority, always counted from createdAt, so a
 *   priority change re-targets the whole history rather than starting a new clock.
 * - Nothing after `now` counts: later status changes and a later first response are
 *   ignored, so the same function tells the backend and the offline console the same story.
 */

type ClockStatus = SlaClock['status'];

/**
 * Slack for the warning threshold: warnAtFraction × target is a binary product that can
 * land just above its decimal value (0.1 × 3 = 0.30000000000000004), and an elapsed time
 * equal to the threshold in decimal must still warn. 1e-9 min (60 ns) is far below the
 * 1 ms resolution of elapsed times, so it never moves a real boundary.
 */
const WARN_EPSILON_MINUTES = 1e-9;

export function evaluateSla(timeline: SlaTimeline, policy: SlaPolicy, now: Date): SlaEvaluation {
  const target = policy.targets[timeline.priority];
  if (target === undefined)
    throw new RangeError(`The SLA policy has no target for priority ${timeline.priority}.`);
  const calendar = compileCalendar(policy.calendar);
  const createdAt = epochMs(timeline.createdAt, 'createdAt');
  const nowMs = epochMs(now, 'now');
  return {
    firstResponse: firstResponseClock(
      calendar,
      timeline,
      createdAt,
      nowMs,
      target.firstResponseMinutes,
      policy,
    ),
    resolution: resolutionClock(calendar, timeline, createdAt, nowMs, target.resolutionMinutes, policy),
  };
}

function firstResponseClock(
  calendar: CompiledCalendar,
  timeline: SlaTimeline,
  createdAt: number,
  now: number,
  targetMinutes: number,
  policy: SlaPolicy,
): SlaClock {
  let stopAt = timeline.firstResponseAt
    ? Math.max(epochMs(timeline.firstResponseAt, 'firstResponseAt'), createdAt)
    : Infinity;
  const changes = timeline.statusChanges;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i]!;
    if (change.status === 'resolved' || change.status === 'cancelled') {
      // The first change is the status at creation, whatever its own timestamp says.
      const at = i === 0 ? createdAt : Math.max(epochMs(change.at, 'statusChanges[].at'), createdAt);
      if (at < stopAt) stopAt = at;
      break;
    }
  }
  const stopped = stopAt <= now;
  const elapsed = businessMsBetween(calendar, createdAt, stopped ? stopAt : now);
  let dueAt: Date | null = null;
  if (!stopped) {
    const targetMs = minutesToMs(targetMinutes);
    // Nothing pauses it, so the target falls targetMs business ms after creation, past or future.
    dueAt = new Date(
      elapsed < targetMs
        ? addBusinessMs(calendar, Math.max(now, createdAt), targetMs - elapsed)
        : targetMs === 0
          ? createdAt
          : addBusinessMs(calendar, createdAt, targetMs),
    );
  }
  return clockOf(stopped ? 'stopped' : 'running', targetMinutes, elapsed, policy.warnAtFraction, dueAt);
}

function resolutionClock(
  calendar: CompiledCalendar,
  timeline: SlaTimeline,
  createdAt: number,
  now: number,
  targetMinutes: number,
  policy: SlaPolicy,
): SlaClock {
  const targetMs = minutesToMs(targetMinutes);
  const changes = timeline.statusChanges;
  let state = stateOf(changes.length > 0 ? changes[0]!.status : 'new');
  let statusSince = createdAt;
  // Consecutive counting statuses (new → assigned → in_progress) form one run, measured once.
  let runStart = createdAt;
  let elapsed = 0;
  // Where the count reached the target, if it did: the run's start and what it still needed.
  let reachedFrom = createdAt;
  let reachedAfter = 0;
  for (let i = 1; ; i++) {
    // Past the last change, or at the first one after now, the status lasts until now and the walk ends.
    let change = i < changes.length ? changes[i]! : null;
    let at = change === null ? now : epochMs(change.at, 'statusChanges[].at');
    if (at > now) {
      change = null;
      at = now;
    }
    // Out-of-order or pre-creation timestamps make empty segments rather than negative ones.
    const statusEnd = at > statusSince ? at : statusSince;
    const next = change === null ? null : stateOf(change.status);
    if (state === 'running' && next !== 'running') {
      const counted = businessMsBetween(calendar, runStart, statusEnd);
      if (elapsed < targetMs && elapsed + counted >= targetMs) {
        reachedFrom = runStart;
        reachedAfter = targetMs - elapsed;
      }
      elapsed += counted;
    }
    if (next === null) break;
    if (state !== 'running' && next === 'running') runStart = statusEnd;
    state = next;
    statusSince = statusEnd;
  }

  let dueAt: Date | null = null;
  if (state === 'running') {
    dueAt = new Date(
      elapsed < targetMs
        ? addBusinessMs(calendar, Math.max(now, statusSince), targetMs - elapsed)
        : targetMs === 0
          ? createdAt
          : addBusinessMs(calendar, reachedFrom, reachedAfter),
    );
  }
  return clockOf(state, targetMinutes, elapsed, policy.warnAtFraction, dueAt);
}

function clockOf(
  status: ClockStatus,
  targetMinutes: number,
  elapsedMs: number,
  warnAtFraction: number,
  dueAt: Date | null,
): SlaClock {
  const elapsedMinutes = elapsedMs / MINUTE_MS;
  let health: SlaClock['health'] = 'ok';
  if (elapsedMinutes > targetMinutes) health = 'breached';
  // A stopped clock keeps the health it stopped with: ok or breached, never warning.
  else if (status !== 'stopped' && elapsedMinutes >= warnAtFraction * targetMinutes - WARN_EPSILON_MINUTES) {
    health = 'warning';
  }
  return {
    status,
    health,
    targetMinutes,
    elapsedMinutes,
    remainingMinutes: targetMinutes - elapsedMinutes,
    dueAt,
  };
}

/** What the resolution clock does in each status (a switch: this runs for every status change of every ticket). */
function stateOf(status: TicketStatus): ClockStatus {
  switch (status) {
    case 'new':
    case 'assigned':
    case 'in_progress':
      return 'running';
    case 'pending':
      return 'paused';
    case 'resolved':
    case 'closed':
    case 'cancelled':
      return 'stopped';
    default:
      throw new RangeError(`Unknown ticket status ${JSON.stringify(status)} in the timeline.`);
  }
}
