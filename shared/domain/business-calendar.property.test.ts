import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween, minutesToMs } from './business-calendar';
import type { BusinessCalendar, Weekday } from './types';

/**
 * Properties of business time over random calendars, checked against an oracle written
 * independently of the implementation: it walks real time in 15-minute slots and asks
 * Luxon what the wall clock reads in each ("is this instant inside business hours?").
 *
 * The oracle's slot walk is exact when every interval boundary is a whole hour (all the
 * zones below have offsets and transitions on quarter hours). It counts an instant by
 * what its wall clock reads, which agrees with the implementation's "interval = real
 * instants of its two ends" except for a boundary strictly inside a repeated (fall-back)
 * hour; no whole hour is, in these zones, so the generator keeps to whole hours.
 */

const ZONES = [
  'UTC',
  'Europe/Madrid',
  'America/New_York',
  'Australia/Sydney',
  'Australia/Adelaide', // +9:30 / +10:30
  'Australia/Lord_Howe', // +10:30 / +11: a half-hour DST shift
  'Asia/Kolkata', // +5:30, no DST
  'Asia/Kathmandu', // +5:45
  'America/Santiago', // DST changes at midnight: some days start at 01:00
] as const;
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE = 60_000;
const DAY = 86_400_000;
const RANGE_START = Date.UTC(2025, 0, 1);
const RANGE_END = Date.UTC(2028, 11, 31);

const hhmm = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** 0–3 intervals a day, whole hours 00:00–24:00. */
const dayHours = fc.uniqueArray(fc.integer({ min: 0, max: 24 }), { maxLength: 6 }).map((hours) => {
  const sorted = [...hours].sort((a, b) => a - b);
  const intervals: Array<[string, string]> = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) intervals.push([hhmm(sorted[i]!), hhmm(sorted[i + 1]!)]);
  return intervals;
});

const calendarArb: fc.Arbitrary<BusinessCalendar> = fc
  .record({
    timeZone: fc.constantFrom(...ZONES),
    days: fc.array(dayHours, { minLength: 7, maxLength: 7 }),
    holidays: fc.uniqueArray(fc.integer({ min: RANGE_START / DAY, max: RANGE_END / DAY + 30 }), {
      maxLength: 40,
    }),
  })
  .filter(({ days }) => days.some((intervals) => intervals.length > 0))
  .map(({ timeZone, days, holidays }) => ({
    timeZone,
    week: Object.fromEntries(WEEKDAYS.map((day, i) => [day, days[i]!])),
    holidays: holidays.map((day) => new Date(day * DAY).toISOString().slice(0, 10)),
  }));

/** Days on which some zone above changes its clocks in 2026, to make sure spans cross them often. */
const CLOCK_CHANGES_2026 = ['03-08', '03-29', '04-05', '09-06', '10-04', '10-25', '11-01'].map((d) =>
  Date.parse(`2026-${d}T00:00:00Z`),
);
const instantArb = fc.oneof(
  fc.integer({ min: RANGE_START, max: RANGE_END }),
  fc
    .tuple(fc.constantFrom(...CLOCK_CHANGES_2026), fc.integer({ min: -5 * DAY, max: 2 * DAY }))
    .map(([change, shift]) => change + shift),
);
/** Whole milliseconds, expressed in minutes: the values for which the round trip is exact. */
const wholeMsMinutes = (maxDays: number) =>
  fc.integer({ min: 0, max: maxDays * 8 * 60 * MINUTE }).map((ms) => ms / MINUTE);

function isBusinessInstant(calendar: BusinessCalendar, instant: number): boolean {
  const local = DateTime.fromMillis(instant, { zone: calendar.timeZone });
  if (calendar.holidays?.includes(local.toISODate() ?? '')) return false;
  const minute = local.hour * 60 + local.minute;
  const toMinute = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3));
  const hours = calendar.week[WEEKDAYS[local.weekday - 1]!] ?? [];
  return hours.some(([start, end]) => toMinute(start) <= minute && minute < toMinute(end));
}

function oracleBusinessMs(calendar: BusinessCalendar, from: number, to: number): number {
  const SLOT = 15 * MINUTE;
  let total = 0;
  for (let t = from; t < to;) {
    const slotEnd = Math.min((Math.floor(t / SLOT) + 1) * SLOT, to);
    if (isBusinessInstant(calendar, t)) total += slotEnd - t;
    t = slotEnd;
  }
  return total;
}

describe('business time properties', () => {
  it('businessMinutesBetween agrees with the wall-clock oracle', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 9 * DAY }), (calendar, from, span) => {
        const expected = oracleBusinessMs(calendar, from, from + span) / MINUTE;
        expect(businessMinutesBetween(calendar, new Date(from), new Date(from + span))).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });

  it('round-trips exactly: businessMinutesBetween(c, a, addBusinessMinutes(c, a, m)) === m', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, wholeMsMinutes(12), (calendar, from, minutes) => {
        const due = addBusinessMinutes(calendar, new Date(from), minutes);
        expect(businessMinutesBetween(calendar, new Date(from), due)).toBe(minutes);
        if (minutes > 0) {
          // …and `due` is the earliest such instant.
          expect(businessMinutesBetween(calendar, new Date(from), new Date(due.getTime() - 1))).toBeLessThan(
            minutes,
          );
        } else {
          // minutes = 0 lands on business time: `from` if it is inside, else the next opening.
          expect(isBusinessInstant(calendar, due.getTime())).toBe(true);
          expect(oracleBusinessMs(calendar, from, due.getTime())).toBe(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('addBusinessMinutes agrees with the oracle', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, wholeMsMinutes(2), (calendar, from, minutes) => {
        const due = addBusinessMinutes(calendar, new Date(from), minutes).getTime();
        fc.pre(due - from < 12 * DAY); // keep the oracle's walk short
        expect(oracleBusinessMs(calendar, from, due)).toBe(Math.round(minutes * MINUTE));
      }),
      { numRuns: 100 },
    );
  });

  it('rounds other fractional minutes up to the next whole millisecond', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.double({ min: 0, max: 5000, noNaN: true, noDefaultInfinity: true }),
        (calendar, from, minutes) => {
          const measured = businessMinutesBetween(
            calendar,
            new Date(from),
            addBusinessMinutes(calendar, new Date(from), minutes),
          );
          expect(measured).toBeGreaterThanOrEqual(minutes);
          // One ms less would not have been enough.
          expect((Math.round(measured * MINUTE) - 1) / MINUTE).toBeLessThan(minutes);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('minutesToMs gives the fewest whole ms that make at least the minutes asked', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true, noDefaultInfinity: true }), (minutes) => {
        const ms = minutesToMs(minutes);
        expect(Number.isInteger(ms)).toBe(true);
        expect(ms / MINUTE).toBeGreaterThanOrEqual(minutes);
        if (ms > 0) expect((ms - 1) / MINUTE).toBeLessThan(minutes);
      }),
    );
  });

  it('never counts more business minutes than real minutes', () => {
    fc.assert(
      fc.property(calendarArb, instantArb, fc.integer({ min: 0, max: 400 * DAY }), (calendar, from, span) => {
        expect(businessMinutesBetween(calendar, new Date(from), new Date(from + span))).toBeLessThanOrEqual(
          span / MINUTE,
        );
      }),
    );
  });

  it('is additive over adjacent spans, exactly (spans of up to 3 years cross many cached chunks)', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 1000 * DAY }),
        fc.integer({ min: 0, max: 1000 * DAY }),
        (calendar, a, ab, bc) => {
          const [A, B, C] = [new Date(a), new Date(a + ab), new Date(a + ab + bc)];
          const whole = businessMinutesBetween(calendar, A, C) * MINUTE;
          const parts =
            businessMinutesBetween(calendar, A, B) * MINUTE + businessMinutesBetween(calendar, B, C) * MINUTE;
          expect(Math.round(whole)).toBe(Math.round(parts));
        },
      ),
    );
  });

  it('addBusinessMinutes never goes back as minutes grow', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        wholeMsMinutes(40),
        wholeMsMinutes(40),
        (calendar, from, m1, m2) => {
          const [low, high] = m1 <= m2 ? [m1, m2] : [m2, m1];
          const start = new Date(from);
          expect(addBusinessMinutes(calendar, start, low).getTime()).toBeLessThanOrEqual(
            addBusinessMinutes(calendar, start, high).getTime(),
          );
        },
      ),
    );
  });

  it('never goes back as `from` grows either', () => {
    fc.assert(
      fc.property(
        calendarArb,
        instantArb,
        fc.integer({ min: 0, max: 30 * DAY }),
        wholeMsMinutes(10),
        (calendar, a, gap, m) => {
          expect(addBusinessMinutes(calendar, new Date(a), m).getTime()).toBeLessThanOrEqual(
            addBusinessMinutes(calendar, new Date(a + gap), m).getTime(),
          );
        },
      ),
    );
  });
});
