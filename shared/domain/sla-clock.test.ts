import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateSla } from './sla-clock';
import {
  CALENDAR_24X7,
  CALENDAR_SPANISH_SPLIT,
  CRITICAL_24X7_SLA_POLICY,
  DEFAULT_SLA_POLICY,
} from './presets';
import { PAPER_POLICY, paperTime } from './testing/paper-policy';
import type { Priority, SlaPolicy, SlaTimeline, TicketStatus } from './types';

const POLICY: SlaPolicy = PAPER_POLICY;

const t = paperTime;

function timeline(
  changes: Array<[string, TicketStatus]>,
  options: { priority?: Priority; firstResponseAt?: string | null } = {},
): SlaTimeline {
  return {
    createdAt: t(changes[0]![0]),
    priority: options.priority ?? 3,
    firstResponseAt: options.firstResponseAt ? t(options.firstResponseAt) : null,
    statusChanges: changes.map(([at, status]) => ({ at: t(at), status })),
  };
}

const WORKED = timeline([
  ['mon 09:00', 'new'],
  ['mon 10:00', 'assigned'],
  ['mon 11:00', 'in_progress'],
  ['mon 12:00', 'pending'],
  ['tue 10:00', 'in_progress'],
  ['tue 12:00', 'resolved'],
]);

describe('resolution clock', () => {
  it('counts new, assigned and in_progress, pauses in pending, stops when resolved', () => {
    expect(evaluateSla(WORKED, POLICY, t('mon 11:30')).resolution).toEqual({
      status: 'running',
      health: 'ok',
      targetMinutes: 600,
      elapsedMinutes: 150,
      remainingMinutes: 450,
      dueAt: t('tue 11:00'), // 450 min left: 330 today (to 17:00), 120 tomorrow
    });
    expect(evaluateSla(WORKED, POLICY, t('mon 14:00')).resolution).toEqual({
      status: 'paused',
      health: 'ok',
      targetMinutes: 600,
      elapsedMinutes: 180,
      remainingMinutes: 420,
      dueAt: null,
    });
    // Still 180 the next morning: pending does not count, even in business hours.
    expect(evaluateSla(WORKED, POLICY, t('tue 09:59')).resolution.elapsedMinutes).toBe(180);
    expect(evaluateSla(WORKED, POLICY, t('tue 11:00')).resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 240,
      dueAt: t('tue 17:00'), // 360 min left: exactly the rest of Tuesday, so closing time, not Wednesday 09:00
    });
    expect(evaluateSla(WORKED, POLICY, t('fri 12:00')).resolution).toEqual({
      status: 'stopped',
      health: 'ok',
      targetMinutes: 600,
      elapsedMinutes: 300,
      remainingMinutes: 300,
      dueAt: null,
    });
  });

  it('resumes on reopen from what it had counted', () => {
    const reopened = timeline([
      ['mon 09:00', 'new'],
      ['mon 11:00', 'resolved'],
      ['tue 09:00', 'in_progress'],
    ]);
    expect(evaluateSla(reopened, POLICY, t('mon 16:00')).resolution).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 120,
    });
    expect(evaluateSla(reopened, POLICY, t('tue 10:00')).resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 180,
      dueAt: t('tue 17:00'),
    });
  });

  it('stays stopped in closed and cancelled', () => {
    const closed = timeline([
      ['mon 09:00', 'new'],
      ['mon 10:00', 'resolved'],
      ['mon 11:00', 'closed'],
    ]);
    expect(evaluateSla(closed, POLICY, t('wed 09:00')).resolution).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 60,
    });
    const cancelled = timeline([
      ['mon 09:00', 'new'],
      ['mon 09:30', 'cancelled'],
    ]);
    expect(evaluateSla(cancelled, POLICY, t('wed 09:00')).resolution).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 30,
    });
  });

  it('treats a timeline with no status changes as new since creation', () => {
    const bare: SlaTimeline = { createdAt: t('mon 09:00'), priority: 3, statusChanges: [] };
    expect(evaluateSla(bare, POLICY, t('mon 10:00')).resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 60,
      dueAt: t('tue 11:00'),
    });
  });

  it('dates a zero target to creation', () => {
    const zero: SlaPolicy = {
      ...POLICY,
      targets: { ...POLICY.targets, 3: { firstResponseMinutes: 0, resolutionMinutes: 0 } },
    };
    const clocks = evaluateSla(timeline([['sat 09:00', 'new']]), zero, t('sat 10:00'));
    expect(clocks.resolution).toMatchObject({ elapsedMinutes: 0, health: 'warning', dueAt: t('sat 09:00') });
    expect(clocks.firstResponse).toMatchObject({
      elapsedMinutes: 0,
      health: 'warning',
      dueAt: t('sat 09:00'),
    });
  });

  it('is paused from the start for a ticket created pending', () => {
    const waiting = timeline([['mon 09:00', 'pending']]);
    expect(evaluateSla(waiting, POLICY, t('tue 12:00')).resolution).toMatchObject({
      status: 'paused',
      elapsedMinutes: 0,
      dueAt: null,
    });
  });

  it('re-targets from createdAt when the priority changes', () => {
    const open = timeline([['mon 09:00', 'new']]);
    const asP3 = evaluateSla(open, POLICY, t('mon 13:00')).resolution;
    const asP1 = evaluateSla({ ...open, priority: 1 }, POLICY, t('mon 13:00')).resolution;
    expect(asP3).toMatchObject({
      targetMinutes: 600,
      elapsedMinutes: 240,
      health: 'ok',
      dueAt: t('tue 11:00'),
    });
    // Raised to P1 after four hours: the 4 h target counts from creation, so it is due now.
    expect(asP1).toMatchObject({
      targetMinutes: 240,
      elapsedMinutes: 240,
      remainingMinutes: 0,
      health: 'warning',
    });
    expect(asP1.dueAt).toEqual(t('mon 13:00'));
    const firstResponse = evaluateSla({ ...open, priority: 5 }, POLICY, t('mon 13:00')).firstResponse;
    expect(firstResponse).toMatchObject({ targetMinutes: 480, elapsedMinutes: 240, dueAt: t('mon 17:00') });
  });

  it('ignores everything after now', () => {
    // At mon 10:30 the ticket has not been resolved yet, whatever the timeline says later.
    expect(evaluateSla(WORKED, POLICY, t('mon 10:30')).resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 90,
    });
    // A change exactly at now has happened.
    expect(evaluateSla(WORKED, POLICY, t('mon 12:00')).resolution).toMatchObject({
      status: 'paused',
      elapsedMinutes: 180,
    });
    // now before creation: nothing counted yet.
    expect(evaluateSla(WORKED, POLICY, t('mon 08:00')).resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 0,
      dueAt: t('tue 11:00'),
    });
  });

  it('counts nothing outside business hours', () => {
    const open = timeline([['fri 16:00', 'new']]);
    const clock = evaluateSla(open, POLICY, new Date('2026-06-08T08:00:00Z')).resolution; // Monday 08:00
    expect(clock).toMatchObject({ elapsedMinutes: 60, dueAt: new Date('2026-06-09T10:00:00Z') });
  });

  it('tolerates timestamps before creation or out of order (they make empty segments)', () => {
    const odd: SlaTimeline = {
      createdAt: t('mon 10:00'),
      priority: 3,
      statusChanges: [
        { at: t('mon 09:00'), status: 'new' },
        { at: t('mon 08:00'), status: 'assigned' },
        { at: t('mon 12:00'), status: 'pending' },
        { at: t('mon 11:00'), status: 'in_progress' },
      ],
    };
    // new/assigned 10:00–12:00 counts; then pending 12:00–12:00 (empty); in_progress from 12:00.
    expect(evaluateSla(odd, POLICY, t('mon 13:00')).resolution).toMatchObject({
      status: 'running',
      elapsedMinutes: 180,
    });
  });
});

describe('health boundaries (target 600, warning at 0.8 × 600 = 480)', () => {
  const open = timeline([['mon 09:00', 'new']]);
  it('is ok just below the warning threshold', () => {
    expect(evaluateSla(open, POLICY, new Date('2026-06-01T16:59:59.999Z')).resolution.health).toBe('ok');
  });
  it('warns at exactly the threshold', () => {
    expect(evaluateSla(open, POLICY, t('mon 17:00')).resolution).toMatchObject({
      elapsedMinutes: 480,
      health: 'warning',
    });
  });
  it('warns, not breaches, at exactly the target, and dates the target to that instant', () => {
    expect(evaluateSla(open, POLICY, t('tue 11:00')).resolution).toEqual({
      status: 'running',
      health: 'warning',
      targetMinutes: 600,
      elapsedMinutes: 600,
      remainingMinutes: 0,
      dueAt: t('tue 11:00'),
    });
  });
  it('breaches one millisecond later, and dueAt stays when the target was reached', () => {
    const clock = evaluateSla(open, POLICY, new Date('2026-06-02T11:00:00.001Z')).resolution;
    expect(clock).toMatchObject({ health: 'breached', dueAt: t('tue 11:00') });
    expect(clock.remainingMinutes).toBeLessThan(0);
    expect(evaluateSla(open, POLICY, t('wed 20:00')).resolution).toMatchObject({
      health: 'breached',
      elapsedMinutes: 1440,
      remainingMinutes: -840,
      dueAt: t('tue 11:00'),
    });
  });
  it('dates a target reached at closing time to the closing time, not the next opening', () => {
    const p2 = { ...open, priority: 2 as const }; // 480 min: all of Monday
    expect(evaluateSla(p2, POLICY, t('tue 08:00')).resolution).toMatchObject({
      health: 'warning',
      elapsedMinutes: 480,
      dueAt: t('mon 17:00'),
    });
  });
  it('dates a breach across pauses by walking the counted segments', () => {
    const paused = timeline([
      ['mon 09:00', 'new'],
      ['mon 12:00', 'pending'],
      ['tue 09:00', 'in_progress'],
    ]);
    // 180 on Monday, then 420 more from Tuesday 09:00 → Tuesday 16:00.
    expect(evaluateSla(paused, POLICY, t('wed 12:00')).resolution).toMatchObject({
      health: 'breached',
      elapsedMinutes: 180 + 480 + 180,
      dueAt: t('tue 16:00'),
    });
  });
  it('warns while paused too', () => {
    const paused = timeline([
      ['mon 09:00', 'new'],
      ['tue 11:00', 'pending'],
    ]);
    expect(evaluateSla(paused, POLICY, t('wed 12:00')).resolution).toMatchObject({
      status: 'paused',
      health: 'warning',
      elapsedMinutes: 600,
      dueAt: null,
    });
  });
  it('keeps ok or breached once stopped, never warning', () => {
    const stoppedInWarning = timeline([
      ['mon 09:00', 'new'],
      ['tue 10:00', 'resolved'],
    ]);
    expect(evaluateSla(stoppedInWarning, POLICY, t('wed 09:00')).resolution).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 540,
      health: 'ok',
    });
    const stoppedAtTarget = timeline([
      ['mon 09:00', 'new'],
      ['tue 11:00', 'resolved'],
    ]);
    expect(evaluateSla(stoppedAtTarget, POLICY, t('wed 09:00')).resolution).toMatchObject({
      health: 'ok',
      elapsedMinutes: 600,
    });
    const stoppedBreached = timeline([
      ['mon 09:00', 'new'],
      ['tue 11:01', 'resolved'],
    ]);
    expect(evaluateSla(stoppedBreached, POLICY, t('wed 09:00')).resolution).toMatchObject({
      health: 'breached',
      dueAt: null,
    });
  });
  it('warns when a decimal threshold is not exact in binary (0.1 × 3 = 0.30000000000000004)', () => {
    const policy: SlaPolicy = {
      ...POLICY,
      warnAtFraction: 0.1,
      targets: { ...POLICY.targets, 1: { firstResponseMinutes: 3, resolutionMinutes: 240 } },
    };
    const p1 = timeline([['mon 09:00', 'pending']], { priority: 1 }); // warning at 0.3 min = 18 s
    expect(evaluateSla(p1, policy, t('mon 09:00:18')).firstResponse.health).toBe('warning');
    expect(evaluateSla(p1, policy, new Date('2026-06-01T09:00:17.999Z')).firstResponse.health).toBe('ok');
  });
});

describe('first-response clock', () => {
  it('counts from createdAt and is not paused by pending', () => {
    const waiting = timeline([
      ['mon 09:00', 'new'],
      ['mon 09:10', 'pending'],
    ]);
    expect(evaluateSla(waiting, POLICY, t('mon 09:50')).firstResponse).toEqual({
      status: 'running',
      health: 'warning',
      targetMinutes: 60,
      elapsedMinutes: 50,
      remainingMinutes: 10,
      dueAt: t('mon 10:00'),
    });
    expect(evaluateSla(waiting, POLICY, t('mon 10:30')).firstResponse).toMatchObject({
      status: 'running',
      health: 'breached',
      elapsedMinutes: 90,
      dueAt: t('mon 10:00'),
    });
  });

  it('stops at firstResponseAt', () => {
    const answered = timeline([['mon 09:00', 'new']], { firstResponseAt: 'mon 09:20' });
    expect(evaluateSla(answered, POLICY, t('tue 12:00')).firstResponse).toEqual({
      status: 'stopped',
      health: 'ok',
      targetMinutes: 60,
      elapsedMinutes: 20,
      remainingMinutes: 40,
      dueAt: null,
    });
    const late = timeline([['mon 09:00', 'new']], { firstResponseAt: 'mon 11:00' });
    expect(evaluateSla(late, POLICY, t('tue 12:00')).firstResponse).toMatchObject({
      status: 'stopped',
      health: 'breached',
    });
    const warnedThenAnswered = timeline([['mon 09:00', 'new']], { firstResponseAt: 'mon 09:55' });
    expect(evaluateSla(warnedThenAnswered, POLICY, t('tue 12:00')).firstResponse.health).toBe('ok');
  });

  it('stops at the first change to resolved or cancelled when that comes first', () => {
    const resolvedFirst = timeline(
      [
        ['mon 09:00', 'new'],
        ['mon 09:45', 'resolved'],
        ['mon 10:00', 'in_progress'],
      ],
      { firstResponseAt: 'mon 11:00' },
    );
    expect(evaluateSla(resolvedFirst, POLICY, t('tue 12:00')).firstResponse).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 45,
      health: 'ok',
    });
    const cancelled = timeline([
      ['mon 09:00', 'new'],
      ['mon 09:40', 'cancelled'],
    ]);
    expect(evaluateSla(cancelled, POLICY, t('tue 12:00')).firstResponse).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 40,
    });
    const respondedFirst = timeline(
      [
        ['mon 09:00', 'new'],
        ['mon 09:45', 'resolved'],
      ],
      { firstResponseAt: 'mon 09:20' },
    );
    expect(evaluateSla(respondedFirst, POLICY, t('tue 12:00')).firstResponse.elapsedMinutes).toBe(20);
  });

  it('is not stopped by pending, assigned or closed', () => {
    const busy = timeline([
      ['mon 09:00', 'new'],
      ['mon 09:05', 'assigned'],
      ['mon 09:10', 'in_progress'],
      ['mon 09:15', 'pending'],
    ]);
    expect(evaluateSla(busy, POLICY, t('mon 09:30')).firstResponse).toMatchObject({
      status: 'running',
      elapsedMinutes: 30,
    });
  });

  it('ignores a first response or a resolution after now', () => {
    const later = timeline(
      [
        ['mon 09:00', 'new'],
        ['mon 12:00', 'resolved'],
      ],
      { firstResponseAt: 'mon 11:00' },
    );
    expect(evaluateSla(later, POLICY, t('mon 09:30')).firstResponse).toMatchObject({
      status: 'running',
      elapsedMinutes: 30,
      dueAt: t('mon 10:00'),
    });
    expect(evaluateSla(later, POLICY, t('mon 11:00')).firstResponse).toMatchObject({
      status: 'stopped',
      elapsedMinutes: 120,
    });
  });
});

describe('presets', () => {
  it('runs round the clock on the critical 24×7 policy', () => {
    const p1: SlaTimeline = {
      createdAt: new Date('2026-06-06T22:00:00Z'), // a Saturday night
      priority: 1,
      statusChanges: [{ at: new Date('2026-06-06T22:00:00Z'), status: 'new' }],
    };
    const clocks = evaluateSla(p1, CRITICAL_24X7_SLA_POLICY, new Date('2026-06-07T01:12:00Z'));
    expect(clocks.resolution).toMatchObject({
      elapsedMinutes: 192,
      health: 'warning',
      dueAt: new Date('2026-06-07T02:00:00Z'),
    });
    expect(clocks.firstResponse).toMatchObject({
      health: 'breached',
      dueAt: new Date('2026-06-06T22:15:00Z'),
    });
    expect(CRITICAL_24X7_SLA_POLICY.calendar).toBe(CALENDAR_24X7);
  });

  it('waits for Monday on the default split-day policy', () => {
    const p1: SlaTimeline = {
      createdAt: new Date('2026-06-06T20:00:00Z'), // Saturday 22:00 in Madrid
      priority: 1,
      statusChanges: [{ at: new Date('2026-06-06T20:00:00Z'), status: 'new' }],
    };
    const clocks = evaluateSla(p1, DEFAULT_SLA_POLICY, new Date('2026-06-07T20:00:00Z'));
    expect(clocks.resolution).toMatchObject({
      elapsedMinutes: 0,
      health: 'ok',
      dueAt: new Date('2026-06-08T11:00:00Z'),
    });
    expect(clocks.firstResponse.dueAt).toEqual(new Date('2026-06-08T07:15:00Z'));
    expect(DEFAULT_SLA_POLICY.calendar).toBe(CALENDAR_SPANISH_SPLIT);
  });
});

describe('refusals', () => {
  it('throws RangeError for a priority the policy has no target for', () => {
    expect(() => evaluateSla({ ...WORKED, priority: 7 as Priority }, POLICY, t('mon 10:00'))).toThrow(
      RangeError,
    );
  });
  it('throws RangeError for an unknown status or an invalid date', () => {
    const bad = { ...WORKED, statusChanges: [{ at: t('mon 09:00'), status: 'archived' as TicketStatus }] };
    expect(() => evaluateSla(bad, POLICY, t('mon 10:00'))).toThrow(RangeError);
    expect(() => evaluateSla(WORKED, POLICY, new Date(NaN))).toThrow(RangeError);
  });
});

describe('properties', () => {
  const statusArb = fc.constantFrom<TicketStatus>(
    'new',
    'assigned',
    'in_progress',
    'pending',
    'resolved',
    'closed',
    'cancelled',
  );
  const timelineArb = fc
    .record({
      createdAt: fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 1) }),
      priority: fc.constantFrom<Priority>(1, 2, 3, 4, 5),
      gaps: fc.array(fc.integer({ min: 0, max: 4 * 86_400_000 }), { maxLength: 6 }),
      statuses: fc.array(statusArb, { minLength: 7, maxLength: 7 }),
      firstResponseAfter: fc.option(fc.integer({ min: 0, max: 3 * 86_400_000 })),
    })
    .map(({ createdAt, priority, gaps, statuses, firstResponseAfter }): SlaTimeline => {
      let at = createdAt;
      const statusChanges = [{ at: new Date(createdAt), status: statuses[0]! }];
      gaps.forEach((gap, i) => {
        at += gap;
        statusChanges.push({ at: new Date(at), status: statuses[i + 1]! });
      });
      const firstResponseAt = firstResponseAfter === null ? null : new Date(createdAt + firstResponseAfter);
      return { createdAt: new Date(createdAt), priority, firstResponseAt, statusChanges };
    });
  const policyArb = fc.constantFrom(POLICY, DEFAULT_SLA_POLICY, CRITICAL_24X7_SLA_POLICY);

  it('elapsed never decreases as now grows', () => {
    fc.assert(
      fc.property(
        timelineArb,
        policyArb,
        fc.integer({ min: -86_400_000, max: 30 * 86_400_000 }),
        fc.integer({ min: 0, max: 10 * 86_400_000 }),
        (timeline, policy, offset, step) => {
          const earlier = new Date(timeline.createdAt.getTime() + offset);
          const later = new Date(earlier.getTime() + step);
          const a = evaluateSla(timeline, policy, earlier);
          const b = evaluateSla(timeline, policy, later);
          expect(b.resolution.elapsedMinutes).toBeGreaterThanOrEqual(a.resolution.elapsedMinutes);
          expect(b.firstResponse.elapsedMinutes).toBeGreaterThanOrEqual(a.firstResponse.elapsedMinutes);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is self-consistent: remaining = target − elapsed, dueAt only when running, breached iff elapsed > target', () => {
    fc.assert(
      fc.property(
        timelineArb,
        policyArb,
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (timeline, policy, offset) => {
          const now = new Date(timeline.createdAt.getTime() + offset);
          for (const clock of Object.values(evaluateSla(timeline, policy, now))) {
            expect(clock.remainingMinutes).toBe(clock.targetMinutes - clock.elapsedMinutes);
            expect(clock.dueAt !== null).toBe(clock.status === 'running');
            expect(clock.health === 'breached').toBe(clock.elapsedMinutes > clock.targetMinutes);
            if (clock.status === 'stopped') expect(clock.health).not.toBe('warning');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('dueAt of a running clock is when evaluating at dueAt shows elapsed = target', () => {
    fc.assert(
      fc.property(
        timelineArb,
        policyArb,
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (timeline, policy, offset) => {
          const now = new Date(timeline.createdAt.getTime() + offset);
          const clocks = evaluateSla(timeline, policy, now);
          for (const name of ['firstResponse', 'resolution'] as const) {
            const clock = clocks[name];
            if (clock.status !== 'running' || clock.dueAt === null) continue;
            // Evaluating at dueAt (with the timeline as known at now) shows the target just reached.
            const known = {
              ...timeline,
              statusChanges: timeline.statusChanges.filter(
                (c, i) => i === 0 || c.at.getTime() <= now.getTime(),
              ),
              firstResponseAt:
                timeline.firstResponseAt && timeline.firstResponseAt.getTime() <= now.getTime()
                  ? timeline.firstResponseAt
                  : null,
            };
            const atDue = evaluateSla(known, policy, clock.dueAt)[name];
            expect(atDue.elapsedMinutes).toBe(clock.targetMinutes);
            const justBefore = evaluateSla(known, policy, new Date(clock.dueAt.getTime() - 1))[name];
            expect(justBefore.elapsedMinutes).toBeLessThan(clock.targetMinutes);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
