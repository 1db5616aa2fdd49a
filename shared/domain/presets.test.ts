import { describe, expect, it } from 'vitest';
import * as domain from './index';
import {
  CALENDAR_24X7,
  CALENDAR_OFFICE_HOURS,
  CALENDAR_SPANISH_SPLIT,
  CRITICAL_24X7_SLA_POLICY,
  DEFAULT_SLA_POLICY,
  SLA_POLICIES,
} from './presets';
import { businessMinutesBetween } from './business-calendar';
import type { Priority } from './types';

// An ordinary week (Monday 2026-06-01 00:00 to Monday 2026-06-08 00:00 in Madrid, CEST).
const weekStart = new Date('2026-05-31T22:00:00Z');
const weekEnd = new Date('2026-06-07T22:00:00Z');

describe('preset calendars', () => {
  it.each([
    ['CALENDAR_24X7', CALENDAR_24X7, 7 * 24 * 60],
    ['CALENDAR_OFFICE_HOURS', CALENDAR_OFFICE_HOURS, 5 * 8 * 60],
    ['CALENDAR_SPANISH_SPLIT', CALENDAR_SPANISH_SPLIT, 4 * 8 * 60 + 7 * 60],
  ])('%s has %i business minutes in an ordinary week', (_, calendar, minutes) => {
    expect(businessMinutesBetween(calendar, weekStart, weekEnd)).toBe(minutes);
  });

  it('lists Spain’s national holidays for 2026 and 2027 as valid dates', () => {
    const holidays = CALENDAR_SPANISH_SPLIT.holidays ?? [];
    expect(holidays.filter((d) => d.startsWith('2026'))).toHaveLength(10);
    expect(holidays.filter((d) => d.startsWith('2027'))).toHaveLength(10);
    expect(holidays).toContain('2026-04-03'); // Good Friday 2026
    expect(holidays).toContain('2027-03-26'); // Good Friday 2027
    for (const day of holidays) expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
  });

  it('are frozen all the way down (business time is cached per calendar object)', () => {
    expect(Object.isFrozen(CALENDAR_SPANISH_SPLIT)).toBe(true);
    expect(Object.isFrozen(CALENDAR_SPANISH_SPLIT.week)).toBe(true);
    expect(Object.isFrozen(CALENDAR_SPANISH_SPLIT.week.mon)).toBe(true);
    expect(Object.isFrozen(CALENDAR_SPANISH_SPLIT.week.mon?.[0])).toBe(true);
    expect(Object.isFrozen(CALENDAR_SPANISH_SPLIT.holidays)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SLA_POLICY.targets[3])).toBe(true);
  });
});

describe('preset SLA policies', () => {
  it('are indexed by id', () => {
    expect(Object.keys(SLA_POLICIES).sort()).toEqual(['critical-24x7', 'default']);
    for (const [id, policy] of Object.entries(SLA_POLICIES)) expect(policy.id).toBe(id);
    expect(SLA_POLICIES.default).toBe(DEFAULT_SLA_POLICY);
    expect(SLA_POLICIES['critical-24x7']).toBe(CRITICAL_24X7_SLA_POLICY);
  });

  it('default: split-day calendar, warning at 80 %, the documented targets', () => {
    expect(DEFAULT_SLA_POLICY).toMatchObject({
      id: 'default',
      warnAtFraction: 0.8,
      calendar: CALENDAR_SPANISH_SPLIT,
    });
    expect(DEFAULT_SLA_POLICY.targets).toEqual({
      1: { firstResponseMinutes: 15, resolutionMinutes: 240 },
      2: { firstResponseMinutes: 30, resolutionMinutes: 480 },
      3: { firstResponseMinutes: 120, resolutionMinutes: 1440 },
      4: { firstResponseMinutes: 240, resolutionMinutes: 2400 },
      5: { firstResponseMinutes: 960, resolutionMinutes: 4800 },
    });
  });

  it('critical-24x7: P1 is 15 min / 4 h round the clock', () => {
    expect(CRITICAL_24X7_SLA_POLICY.calendar).toBe(CALENDAR_24X7);
    expect(CRITICAL_24X7_SLA_POLICY.targets[1]).toEqual({ firstResponseMinutes: 15, resolutionMinutes: 240 });
  });

  it('have first response before resolution, and targets that grow as priority falls', () => {
    for (const policy of Object.values(SLA_POLICIES)) {
      for (const p of [1, 2, 3, 4, 5] as Priority[]) {
        const target = policy.targets[p];
        expect(target.firstResponseMinutes).toBeLessThan(target.resolutionMinutes);
        if (p > 1) {
          const higher = policy.targets[(p - 1) as Priority];
          expect(target.firstResponseMinutes).toBeGreaterThan(higher.firstResponseMinutes);
          expect(target.resolutionMinutes).toBeGreaterThan(higher.resolutionMinutes);
        }
      }
    }
  });
});

describe('the domain index', () => {
  it('exports the contract functions and constants', () => {
    for (const name of [
      'priorityOf',
      'checkTransition',
      'allowedNextStatuses',
      'addBusinessMinutes',
      'businessMinutesBetween',
      'evaluateSla',
      'suggestAssignees',
    ]) {
      expect(typeof (domain as Record<string, unknown>)[name]).toBe('function');
    }
    expect(domain.TICKET_STATUSES).toHaveLength(7);
    expect(domain.REOPEN_WINDOW_DAYS).toBe(7);
    expect(domain.ALLOWED_TRANSITIONS.resolved).toContain('closed');
    expect(domain.SLA_POLICIES.default).toBe(domain.DEFAULT_SLA_POLICY);
  });
});
