import { describe, expect, it } from 'vitest';
import { addBusinessMinutes, businessMinutesBetween } from './business-calendar';
import { CALENDAR_24X7, CALENDAR_OFFICE_HOURS, CALENDAR_SPANISH_SPLIT } from './presets';
import type { BusinessCalendar, Weekday } from './types';

// Every expected value below was worked out by hand from the zone's rules (offsets in
// the comments), not by running the code.

const at = (iso: string): Date => new Date(iso);
const iso = (date: Date): string => date.toISOString();
const HOURS = 60;

const allWeek = (hours: Array<[string, string]>): BusinessCalendar['week'] =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as Weekday[]).map((d) => [d, hours]));
const weekdays = (hours: Array<[string, string]>): BusinessCalendar['week'] =>
  Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri'] as Weekday[]).map((d) => [d, hours]));
const roundTheClock = (timeZone: string): BusinessCalendar => ({
  timeZone,
  week: allWeek([['00:00', '24:00']]),
});
const officeHours = (timeZone: string): BusinessCalendar => ({
  timeZone,
  week: weekdays([['09:00', '17:00']]),
});
/** Open only on Sundays 01:00–04:00: the hours that DST changes cut into or repeat. */
const nightShift = (timeZone: string): BusinessCalendar => ({
  timeZone,
  week: { sun: [['01:00', '04:00']] },
});

describe('a 24×7 calendar across DST changes measures real time', () => {
  it.each([
    // zone, local midnight (UTC), next local midnight (UTC), hours
    ['Europe/Madrid', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23], // CET +1 → CEST +2
    ['Europe/Madrid', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25], // CEST +2 → CET +1
    ['America/New_York', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23], // EST −5 → EDT −4
    ['America/New_York', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z', 25], // EDT −4 → EST −5
    ['Australia/Sydney', '2026-04-04T13:00:00Z', '2026-04-05T14:00:00Z', 25], // AEDT +11 → AEST +10
    ['Australia/Sydney', '2026-10-03T14:00:00Z', '2026-10-04T13:00:00Z', 23], // AEST +10 → AEDT +11
    ['Australia/Adelaide', '2026-04-04T13:30:00Z', '2026-04-05T14:30:00Z', 25], // ACDT +10:30 → ACST +9:30
    ['Australia/Adelaide', '2026-10-03T14:30:00Z', '2026-10-04T13:30:00Z', 23], // ACST +9:30 → ACDT +10:30
  ])('%s: the day from %s to %s lasts %i h', (zone, start, end, hours) => {
    const calendar = roundTheClock(zone);
    expect(businessMinutesBetween(calendar, at(start), at(end))).toBe(hours * HOURS);
    expect(iso(addBusinessMinutes(calendar, at(start), hours * HOURS))).toBe(new Date(end).toISOString());
    // A day earlier and later are plain 24 h days.
    const day = 86_400_000;
    expect(businessMinutesBetween(calendar, new Date(at(start).getTime() - day), at(start))).toBe(24 * HOURS);
  });

  it('is exactly real time over any span', () => {
    const calendar = roundTheClock('Europe/Madrid');
    expect(businessMinutesBetween(calendar, at('2026-03-29T00:30:00Z'), at('2026-03-29T01:30:00Z'))).toBe(60);
    expect(businessMinutesBetween(calendar, at('2026-10-25T00:30:00Z'), at('2026-10-25T01:30:00Z'))).toBe(60);
    expect(
      businessMinutesBetween(CALENDAR_24X7, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z')),
    ).toBe(365 * 24 * HOURS);
  });
});

describe('hours that a DST change cuts into or repeats', () => {
  it.each([
    // 01:00 local = first instant, 04:00 local = second; real minutes between them.
    ['Europe/Madrid', '2026-03-29T00:00:00Z', '2026-03-29T02:00:00Z', 120], // 02:00–03:00 skipped
    ['Europe/Madrid', '2026-10-24T23:00:00Z', '2026-10-25T03:00:00Z', 240], // 02:00–03:00 twice
    ['Europe/Madrid', '2026-03-22T00:00:00Z', '2026-03-22T03:00:00Z', 180], // an ordinary Sunday
    ['America/New_York', '2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z', 120],
    ['America/New_York', '2026-11-01T05:00:00Z', '2026-11-01T09:00:00Z', 240],
    ['Australia/Sydney', '2026-04-04T14:00:00Z', '2026-04-04T18:00:00Z', 240], // 02:00–03:00 twice
    ['Australia/Sydney', '2026-10-03T15:00:00Z', '2026-10-03T17:00:00Z', 120], // 02:00–03:00 skipped
  ])('%s: Sunday 01:00–04:00 runs from %s to %s, %i real minutes', (zone, open, close, minutes) => {
    const calendar = nightShift(zone);
    const dayBefore = new Date(at(open).getTime() - 20 * 3_600_000);
    const dayAfter = new Date(at(close).getTime() + 20 * 3_600_000);
    expect(businessMinutesBetween(calendar, dayBefore, dayAfter)).toBe(minutes);
    expect(iso(addBusinessMinutes(calendar, dayBefore, 0))).toBe(iso(at(open)));
    expect(iso(addBusinessMinutes(calendar, dayBefore, minutes))).toBe(iso(at(close)));
  });

  it('counts the skipped hour as nothing: 03:00 local is one minute after 01:59', () => {
    const calendar = nightShift('Europe/Madrid');
    // 01:59 CET = 00:59Z; the next real minute reads 03:00 CEST = 01:00Z.
    expect(iso(addBusinessMinutes(calendar, at('2026-03-29T00:00:00Z'), 59))).toBe(
      '2026-03-29T00:59:00.000Z',
    );
    expect(iso(addBusinessMinutes(calendar, at('2026-03-29T00:00:00Z'), 60))).toBe(
      '2026-03-29T01:00:00.000Z',
    );
    expect(iso(addBusinessMinutes(calendar, at('2026-03-29T00:00:00Z'), 61))).toBe(
      '2026-03-29T01:01:00.000Z',
    );
  });

  it('treats an interval lying wholly in the skipped hour as empty', () => {
    const calendar: BusinessCalendar = { timeZone: 'Europe/Madrid', week: { sun: [['02:00', '02:30']] } };
    expect(businessMinutesBetween(calendar, at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(calendar, at('2026-03-21T12:00:00Z'), at('2026-03-22T12:00:00Z'))).toBe(30);
    // So the next opening after the spring-forward Sunday is the following Sunday, 02:00 CEST = 00:00Z.
    expect(iso(addBusinessMinutes(calendar, at('2026-03-28T12:00:00Z'), 0))).toBe('2026-04-05T00:00:00.000Z');
  });
});

describe('office hours keep their local times on DST days', () => {
  it('Madrid, spring: Friday 16:00 CET + 2 h → Monday 10:00 CEST', () => {
    expect(iso(addBusinessMinutes(CALENDAR_OFFICE_HOURS, at('2026-03-27T15:00:00Z'), 120))).toBe(
      '2026-03-30T08:00:00.000Z',
    );
    // Friday 09:00 CET (08:00Z) to Monday 16:00 CEST (14:00Z): 8 h + 7 h.
    expect(
      businessMinutesBetween(CALENDAR_OFFICE_HOURS, at('2026-03-27T08:00:00Z'), at('2026-03-30T14:00:00Z')),
    ).toBe(15 * HOURS);
  });

  it('Madrid, autumn: Friday 16:00 CEST + 2 h → Monday 10:00 CET', () => {
    expect(iso(addBusinessMinutes(CALENDAR_OFFICE_HOURS, at('2026-10-23T14:00:00Z'), 120))).toBe(
      '2026-10-26T09:00:00.000Z',
    );
  });

  it('a 09:00–17:00 day on the change day itself is still 8 h, at the new offset', () => {
    const sundays: BusinessCalendar = { timeZone: 'Europe/Madrid', week: { sun: [['09:00', '17:00']] } };
    expect(iso(addBusinessMinutes(sundays, at('2026-03-29T00:00:00Z'), 0))).toBe('2026-03-29T07:00:00.000Z');
    expect(iso(addBusinessMinutes(sundays, at('2026-03-29T00:00:00Z'), 480))).toBe(
      '2026-03-29T15:00:00.000Z',
    );
    expect(iso(addBusinessMinutes(sundays, at('2026-10-25T00:00:00Z'), 0))).toBe('2026-10-25T08:00:00.000Z');
    expect(iso(addBusinessMinutes(sundays, at('2026-10-25T00:00:00Z'), 480))).toBe(
      '2026-10-25T16:00:00.000Z',
    );
  });

  it('New York, spring: Friday 16:00 EST + 90 min → Monday 09:30 EDT', () => {
    expect(iso(addBusinessMinutes(officeHours('America/New_York'), at('2026-03-06T21:00:00Z'), 90))).toBe(
      '2026-03-09T13:30:00.000Z',
    );
  });

  it('New York, autumn: Friday 16:00 EDT + 90 min → Monday 09:30 EST', () => {
    expect(iso(addBusinessMinutes(officeHours('America/New_York'), at('2026-10-30T20:00:00Z'), 90))).toBe(
      '2026-11-02T14:30:00.000Z',
    );
  });

  it('Sydney, autumn: Friday 16:00 AEDT + 2 h → Monday 10:00 AEST', () => {
    expect(iso(addBusinessMinutes(officeHours('Australia/Sydney'), at('2026-04-03T05:00:00Z'), 120))).toBe(
      '2026-04-06T00:00:00.000Z',
    );
  });

  it('Sydney, spring: Friday 16:00 AEST + 2 h → Monday 10:00 AEDT', () => {
    expect(iso(addBusinessMinutes(officeHours('Australia/Sydney'), at('2026-10-02T06:00:00Z'), 120))).toBe(
      '2026-10-04T23:00:00.000Z',
    );
  });
});

describe('zones with a half-hour offset', () => {
  const kolkata = officeHours('Asia/Kolkata'); // IST +5:30, no DST
  it('Asia/Kolkata: 09:00 IST is 03:30Z', () => {
    expect(iso(addBusinessMinutes(kolkata, at('2026-06-01T00:00:00Z'), 0))).toBe('2026-06-01T03:30:00.000Z');
    expect(iso(addBusinessMinutes(kolkata, at('2026-06-01T03:30:00Z'), 480))).toBe(
      '2026-06-01T11:30:00.000Z',
    );
    expect(businessMinutesBetween(kolkata, at('2026-06-01T00:00:00Z'), at('2026-06-02T00:00:00Z'))).toBe(480);
    // Monday 16:30 IST + 1 h → Tuesday 09:30 IST.
    expect(iso(addBusinessMinutes(kolkata, at('2026-06-01T11:00:00Z'), 60))).toBe('2026-06-02T04:00:00.000Z');
  });

  it('Australia/Adelaide: office hours move with ACDT +10:30 → ACST +9:30', () => {
    const adelaide = officeHours('Australia/Adelaide');
    // Friday 2026-04-03 16:00 ACDT = 05:30Z; + 2 h → Monday 10:00 ACST = 00:30Z.
    expect(iso(addBusinessMinutes(adelaide, at('2026-04-03T05:30:00Z'), 120))).toBe(
      '2026-04-06T00:30:00.000Z',
    );
    expect(iso(addBusinessMinutes(adelaide, at('2026-04-04T00:00:00Z'), 0))).toBe('2026-04-05T23:30:00.000Z');
  });
});

describe('split days (CALENDAR_SPANISH_SPLIT, Madrid, CEST +2 in June)', () => {
  const S = CALENDAR_SPANISH_SPLIT;
  // Monday 2026-06-01: 09:00–14:00 = 07:00Z–12:00Z, 16:00–19:00 = 14:00Z–17:00Z.
  it('ends a target that uses up the morning at 14:00, not at 16:00', () => {
    expect(iso(addBusinessMinutes(S, at('2026-06-01T07:00:00Z'), 300))).toBe('2026-06-01T12:00:00.000Z');
    expect(iso(addBusinessMinutes(S, at('2026-06-01T07:00:00Z'), 301))).toBe('2026-06-01T14:01:00.000Z');
  });

  it("ends a target that uses up the day at 19:00, not at the next morning's opening", () => {
    expect(iso(addBusinessMinutes(S, at('2026-06-01T07:00:00Z'), 480))).toBe('2026-06-01T17:00:00.000Z');
    expect(iso(addBusinessMinutes(S, at('2026-06-01T07:00:00Z'), 481))).toBe('2026-06-02T07:01:00.000Z');
  });

  it('skips the lunch break', () => {
    expect(businessMinutesBetween(S, at('2026-06-01T11:00:00Z'), at('2026-06-01T15:00:00Z'))).toBe(120);
    expect(businessMinutesBetween(S, at('2026-06-01T12:00:00Z'), at('2026-06-01T14:00:00Z'))).toBe(0);
    expect(iso(addBusinessMinutes(S, at('2026-06-01T11:00:00Z'), 90))).toBe('2026-06-01T14:30:00.000Z');
  });

  it('has 8 h Monday to Thursday and 7 h on Friday (08:00–15:00)', () => {
    expect(businessMinutesBetween(S, at('2026-06-01T07:00:00Z'), at('2026-06-02T07:00:00Z'))).toBe(480);
    expect(businessMinutesBetween(S, at('2026-05-31T22:00:00Z'), at('2026-06-07T22:00:00Z'))).toBe(
      4 * 480 + 420,
    );
    // Thursday 18:00 + 2 h → Friday 09:00.
    expect(iso(addBusinessMinutes(S, at('2026-06-04T16:00:00Z'), 120))).toBe('2026-06-05T07:00:00.000Z');
    // Friday 14:00 + 2 h → Monday 10:00.
    expect(iso(addBusinessMinutes(S, at('2026-06-05T12:00:00Z'), 120))).toBe('2026-06-08T08:00:00.000Z');
  });

  it('skips holidays (Epiphany, Tuesday 2026-01-06, CET +1)', () => {
    // Monday 00:00 to Wednesday 00:00 local: only Monday counts.
    expect(businessMinutesBetween(S, at('2026-01-04T23:00:00Z'), at('2026-01-06T23:00:00Z'))).toBe(480);
    // Monday 19:00 (closing) + 1 min → Wednesday 09:01.
    expect(iso(addBusinessMinutes(S, at('2026-01-05T18:00:00Z'), 1))).toBe('2026-01-07T08:01:00.000Z');
    expect(iso(addBusinessMinutes(S, at('2026-01-06T10:00:00Z'), 0))).toBe('2026-01-07T08:00:00.000Z');
  });

  it('skips Good Friday and the weekend after it, straight into CEST', () => {
    // Thursday 2026-04-02 18:00 CEST + 2 h → Monday 2026-04-06 10:00 CEST.
    expect(iso(addBusinessMinutes(S, at('2026-04-02T16:00:00Z'), 120))).toBe('2026-04-06T08:00:00.000Z');
  });

  it('joins 20:00–24:00 and 00:00–02:00 across midnight', () => {
    const lateShift: BusinessCalendar = {
      timeZone: 'UTC',
      week: { mon: [['20:00', '24:00']], tue: [['00:00', '02:00']] },
    };
    expect(businessMinutesBetween(lateShift, at('2026-06-01T19:00:00Z'), at('2026-06-02T03:00:00Z'))).toBe(
      360,
    );
    expect(iso(addBusinessMinutes(lateShift, at('2026-06-01T20:00:00Z'), 240))).toBe(
      '2026-06-02T00:00:00.000Z',
    );
    expect(iso(addBusinessMinutes(lateShift, at('2026-06-01T20:00:00Z'), 300))).toBe(
      '2026-06-02T01:00:00.000Z',
    );
    expect(iso(addBusinessMinutes(lateShift, at('2026-06-02T00:00:00Z'), 0))).toBe(
      '2026-06-02T00:00:00.000Z',
    );
  });

  it('merges overlapping and touching intervals', () => {
    const messy: BusinessCalendar = {
      timeZone: 'UTC',
      week: {
        mon: [
          ['12:00', '14:00'],
          ['09:00', '12:00'],
          ['10:00', '11:00'],
          ['16:00', '18:00'],
        ],
      },
    };
    expect(businessMinutesBetween(messy, at('2026-06-01T00:00:00Z'), at('2026-06-02T00:00:00Z'))).toBe(
      7 * HOURS,
    );
    expect(iso(addBusinessMinutes(messy, at('2026-06-01T00:00:00Z'), 300))).toBe('2026-06-01T14:00:00.000Z');
  });
});

describe('minutes = 0', () => {
  const O = CALENDAR_OFFICE_HOURS; // Madrid, 09:00–17:00 = 07:00Z–15:00Z in June
  it('returns `from` itself inside business time, including at opening', () => {
    expect(iso(addBusinessMinutes(O, at('2026-06-01T10:17:33.123Z'), 0))).toBe('2026-06-01T10:17:33.123Z');
    expect(iso(addBusinessMinutes(O, at('2026-06-01T07:00:00Z'), 0))).toBe('2026-06-01T07:00:00.000Z');
  });
  it('returns the next opening outside business time, including at closing (end is exclusive)', () => {
    expect(iso(addBusinessMinutes(O, at('2026-06-01T05:00:00Z'), 0))).toBe('2026-06-01T07:00:00.000Z');
    expect(iso(addBusinessMinutes(O, at('2026-06-01T15:00:00Z'), 0))).toBe('2026-06-02T07:00:00.000Z');
    expect(iso(addBusinessMinutes(O, at('2026-06-05T16:00:00Z'), 0))).toBe('2026-06-08T07:00:00.000Z');
  });
});

describe('fractional minutes', () => {
  const O = CALENDAR_OFFICE_HOURS;
  const open = at('2026-06-01T07:00:00Z');
  it.each([
    [0.5, '2026-06-01T07:00:30.000Z'],
    [1.25, '2026-06-01T07:01:15.000Z'],
    [0.1, '2026-06-01T07:00:06.000Z'],
    [1 / 60_000, '2026-06-01T07:00:00.001Z'],
    [479.999, '2026-06-01T14:59:59.940Z'],
  ])('%f min', (minutes, expected) => {
    const due = addBusinessMinutes(O, open, minutes);
    expect(iso(due)).toBe(expected);
    expect(businessMinutesBetween(O, open, due)).toBe(minutes);
  });

  it('rounds a sub-millisecond remainder up to the next whole ms (Dates have ms resolution)', () => {
    expect(iso(addBusinessMinutes(O, open, 1e-9))).toBe('2026-06-01T07:00:00.001Z');
    expect(iso(addBusinessMinutes(O, open, 1.5 / 60_000))).toBe('2026-06-01T07:00:00.002Z');
  });

  it('measures partial minutes', () => {
    expect(businessMinutesBetween(O, open, at('2026-06-01T07:00:00.001Z'))).toBe(1 / 60_000);
    expect(businessMinutesBetween(O, at('2026-06-01T14:59:30Z'), at('2026-06-01T20:00:00Z'))).toBe(0.5);
  });
});

describe('businessMinutesBetween edges', () => {
  it('is 0 when to <= from', () => {
    const O = CALENDAR_OFFICE_HOURS;
    expect(businessMinutesBetween(O, at('2026-06-01T10:00:00Z'), at('2026-06-01T10:00:00Z'))).toBe(0);
    expect(businessMinutesBetween(O, at('2026-06-02T10:00:00Z'), at('2026-06-01T10:00:00Z'))).toBe(0);
  });
});

describe('long spans cost days, not minutes', () => {
  it('measures 10 years of the split-day calendar exactly', () => {
    // Local midnight to local midnight; 2026–2027 holidays only fall in the first two years.
    const from = at('2025-12-31T23:00:00Z'); // 2026-01-01 00:00 CET
    const to = at('2035-12-31T23:00:00Z'); // 2036-01-01 00:00 CET
    const holidays = new Set(CALENDAR_SPANISH_SPLIT.holidays);
    let expected = 0;
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2036, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      if (holidays.has(date.toISOString().slice(0, 10))) continue;
      const weekday = date.getUTCDay();
      expected += weekday >= 1 && weekday <= 4 ? 480 : weekday === 5 ? 420 : 0;
    }
    expect(businessMinutesBetween(CALENDAR_SPANISH_SPLIT, from, to)).toBe(expected);
    expect(iso(addBusinessMinutes(CALENDAR_SPANISH_SPLIT, from, expected))).toBe('2035-12-31T18:00:00.000Z'); // Monday 19:00 CET
  });

  it('adds 10 years of 24×7 minutes in one call', () => {
    const minutes = 3652 * 24 * HOURS; // 2026-01-01 → 2036-01-01: two leap days (2028, 2032)
    expect(iso(addBusinessMinutes(CALENDAR_24X7, at('2026-01-01T00:00:00Z'), minutes))).toBe(
      '2036-01-01T00:00:00.000Z',
    );
  });

  it('handles dates before 1970', () => {
    expect(
      businessMinutesBetween(
        officeHours('Europe/Madrid'),
        at('1969-12-29T00:00:00Z'),
        at('1970-01-05T00:00:00Z'),
      ),
    ).toBe(5 * 480);
  });
});

describe('refusals', () => {
  const from = at('2026-06-01T00:00:00Z');
  it('throws RangeError for a calendar with no business time at all', () => {
    for (const week of [{}, { mon: [] }, { mon: [], sat: [], sun: [] }]) {
      const empty: BusinessCalendar = { timeZone: 'Europe/Madrid', week };
      expect(() => addBusinessMinutes(empty, from, 10)).toThrow(RangeError);
      expect(() => addBusinessMinutes(empty, from, 0)).toThrow(RangeError);
      expect(() => businessMinutesBetween(empty, from, at('2026-06-02T00:00:00Z'))).toThrow(RangeError);
    }
  });

  it('throws RangeError after 20 years without a business minute', () => {
    // Open Mondays only, and every Monday for 21 years is a holiday.
    const holidays: string[] = [];
    for (let day = Date.UTC(2026, 5, 1); day < Date.UTC(2047, 5, 1); day += 7 * 86_400_000) {
      holidays.push(new Date(day).toISOString().slice(0, 10));
    }
    const closed: BusinessCalendar = { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays };
    expect(() => addBusinessMinutes(closed, from, 1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(closed, from, 0)).toThrow(RangeError);
    expect(businessMinutesBetween(closed, from, at('2040-01-01T00:00:00Z'))).toBe(0);
  });

  it.each([
    ['an unknown zone', { timeZone: 'Mars/Olympus_Mons', week: weekdays([['09:00', '17:00']]) }],
    ['an hour past 24:00', { timeZone: 'UTC', week: { mon: [['09:00', '24:30']] } }],
    ['minutes past 59', { timeZone: 'UTC', week: { mon: [['09:60', '17:00']] } }],
    ['not HH:MM', { timeZone: 'UTC', week: { mon: [['9am', '5pm']] } }],
    ['an interval ending before it starts', { timeZone: 'UTC', week: { mon: [['17:00', '09:00']] } }],
    ['an empty interval', { timeZone: 'UTC', week: { mon: [['09:00', '09:00']] } }],
    [
      'a holiday that is not a date',
      { timeZone: 'UTC', week: { mon: [['09:00', '17:00']] }, holidays: ['2026-02-30'] },
    ],
  ] as Array<[string, BusinessCalendar]>)('throws RangeError for %s', (_, calendar) => {
    expect(() => addBusinessMinutes(calendar, from, 1)).toThrow(RangeError);
  });

  it.each([[-1], [NaN], [Infinity], ['5' as unknown as number]])(
    'throws RangeError for minutes = %s',
    (minutes) => {
      expect(() => addBusinessMinutes(CALENDAR_24X7, from, minutes)).toThrow(RangeError);
    },
  );

  it('throws RangeError for an Invalid Date', () => {
    expect(() => addBusinessMinutes(CALENDAR_24X7, new Date(NaN), 1)).toThrow(RangeError);
    expect(() => businessMinutesBetween(CALENDAR_24X7, from, new Date(NaN))).toThrow(RangeError);
  });

  it('throws RangeError at once for a target more than 1000 years of business time away', () => {
    expect(() => addBusinessMinutes(CALENDAR_OFFICE_HOURS, from, 1e9)).toThrow(/1000 years/);
  });

  it('throws RangeError when the answer lies beyond the range of a Date', () => {
    expect(() => addBusinessMinutes(CALENDAR_24X7, at('2026-01-01T00:00:00Z'), 1e13)).toThrow(RangeError);
  });
});
