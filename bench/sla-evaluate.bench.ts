import { compared, type BenchResult } from './bench-result';
import { seededRandom } from '../e2e/chaos/seeded-random';
import type {
  BusinessCalendar,
  Priority,
  SlaPolicy,
  SlaTimeline,
  TicketStatus,
} from '../shared/domain/index';
import {
  CALENDAR_24X7,
  CALENDAR_SPANISH_SPLIT,
  DEFAULT_SLA_POLICY,
  evaluateSla,
} from '../shared/domain/index';

/**
 * evaluateSla over 100,000 ticket timelines, split-day calendar against 24×7.
 *
 * The console evaluates every open ticket of the agent's queue on each tick (offline
 * too) and the backend evaluates on every change, so the per-ticket cost is what
 * matters; the goal is ≤ 2 µs a ticket on the split-day calendar. The 24×7 run uses
 * the same timelines and the same code path, so the ratio isolates what a realistic
 * calendar (two intervals a day, weekends, holidays, DST) costs.
 */

const TICKETS = 100_000;
const REPETITIONS = 5;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The five status changes after creation, in a few realistic shapes. */
const PATHS: readonly (readonly TicketStatus[])[] = [
  ['new', 'assigned', 'in_progress', 'pending', 'in_progress', 'resolved'],
  ['new', 'assigned', 'in_progress', 'resolved', 'in_progress', 'resolved'], // reopened once
  ['new', 'in_progress', 'pending', 'in_progress', 'pending', 'in_progress'], // still open
  ['new', 'assigned', 'new', 'assigned', 'in_progress', 'pending'], // bounced, now waiting
  ['new', 'assigned', 'in_progress', 'pending', 'in_progress', 'cancelled'],
];

export function buildTimelines(count: number, now: number): SlaTimeline[] {
  const next = seededRandom(42); // deterministic, so every run measures the same tickets
  const timelines: SlaTimeline[] = [];
  for (let i = 0; i < count; i++) {
    // Created within the last 8 weeks; each step 10 minutes to ~4 days after the previous.
    const createdAt = now - Math.floor(next() * 8 * 7 * DAY);
    const path = PATHS[i % PATHS.length]!;
    let at = createdAt;
    const statusChanges = path.map((status, step) => {
      if (step > 0) at += 10 * MINUTE + Math.floor(next() * next() * 4 * DAY);
      return { at: new Date(at), status };
    });
    timelines.push({
      createdAt: new Date(createdAt),
      priority: (1 + (i % 5)) as Priority,
      firstResponseAt: next() < 0.8 ? new Date(createdAt + Math.floor(next() * 6 * HOUR)) : null,
      statusChanges,
    });
  }
  return timelines;
}

/** One pass over every timeline: µs per ticket. */
function microsPerTicket(timelines: readonly SlaTimeline[], policy: SlaPolicy, now: Date): number {
  let sink = 0;
  const start = performance.now();
  for (const timeline of timelines) sink += evaluateSla(timeline, policy, now).resolution.elapsedMinutes;
  const elapsed = performance.now() - start;
  if (!Number.isFinite(sink)) throw new Error('unreachable: keeps the loop from being optimised away');
  return (elapsed * 1000) / timelines.length;
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[sorted.length >> 1]!;
}

function policyOn(calendar: BusinessCalendar): SlaPolicy {
  return { ...DEFAULT_SLA_POLICY, id: `bench-${calendar.timeZone}`, calendar };
}

export async function run(): Promise<BenchResult[]> {
  const now = new Date(Date.UTC(2026, 4, 20, 10, 30)); // a Wednesday morning in Madrid
  const timelines = buildTimelines(TICKETS, now.getTime());
  const roundTheClock = policyOn(CALENDAR_24X7);
  const splitDay = policyOn(CALENDAR_SPANISH_SPLIT);
  // Warm-up: JIT, and each calendar's cached days.
  microsPerTicket(timelines, roundTheClock, now);
  microsPerTicket(timelines, splitDay, now);
  // Interleaved, so drift in the machine (GC, frequency) hits both alike.
  const baselineSamples: number[] = [];
  const splitDaySamples: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) {
    baselineSamples.push(microsPerTicket(timelines, roundTheClock, now));
    splitDaySamples.push(microsPerTicket(timelines, splitDay, now));
  }
  const baseline = round(median(baselineSamples));
  return compared(
    {
      name: 'sla.evaluate.split_day',
      value: round(median(splitDaySamples)),
      unit: 'us_per_ticket',
      n: TICKETS,
    },
    { name: 'sla.evaluate.24x7', value: baseline, n: TICKETS },
  );
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
