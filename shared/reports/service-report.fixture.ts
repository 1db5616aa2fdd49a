import type { BacklogDay, BacklogStatus } from './backlog-series';
import type { DurationStats } from './duration-stats';
import type { SatisfactionFigures } from './satisfaction';
import type { CountByKey } from './service-report';
import { FIXTURE_TICKETS } from './sla-report.fixture';

/**
 * The service report's figures for the SLA fixture's tickets (sla-report.fixture.ts), worked
 * out by hand, over the UTC days 2026-03-01 to 2026-04-07: exactly the fixture's [from, to).
 * The SLA figures are the fixture's own (FIXTURE_EXPECTED_TOTAL and _GROUPS).
 */

export const FIXTURE_TIME_ZONE = 'UTC';
export const FIXTURE_FIRST_DAY = '2026-03-01';
export const FIXTURE_LAST_DAY = '2026-04-07';

const ticketId = (n: number) => FIXTURE_TICKETS[n - 1]!.id;

/**
 * First response, over tickets 1–5 and 7 (6 and 8 never answered, 9 has no policy), in
 * minutes business / calendar: 1: 10/10; 2: 120/1140 (Thu 17:00 to the holiday Fri 12:00
 * CEST: two business hours that Thursday, none on the holiday); 3: 10/10; 4: 60/60;
 * 5: 30/30 (24×7); 7: 30/30. Sorted business 10 10 30 30 60 120, calendar 10 10 30 30 60
 * 1140: nearest rank 3 of 6 is the median, rank 6 the p90.
 */
export const FIXTURE_EXPECTED_FIRST_RESPONSE: DurationStats = {
  count: 6,
  business: { median: 30, p90: 120 },
  calendar: { median: 30, p90: 1140 },
};

/**
 * Resolution, over the tickets resolved now (4 was reopened and is in progress): 1: 270
 * business (the DST Monday) / 4170 calendar (27 Mar 13:00 to 30 Mar 10:30 UTC); 3: 420
 * (pending excluded) / 3180 (2 Mar 08:00 to 4 Mar 13:00); 5: 2880 / 2880 (24×7). Median is
 * rank 2 of 3, p90 rank 3.
 */
export const FIXTURE_EXPECTED_RESOLUTION: DurationStats = {
  count: 3,
  business: { median: 420, p90: 2880 },
  calendar: { median: 3180, p90: 4170 },
};

/** Asked: 1, 3, 5 (resolved). Answered: 1 (2 stars, with markup) and 3 (5 stars). */
export const FIXTURE_EXPECTED_SATISFACTION: SatisfactionFigures = {
  asked: 3,
  answered: 2,
  share: 2 / 3,
  average: 3.5,
  distribution: [0, 1, 0, 0, 1],
  comments: [
    {
      ticketId: ticketId(1),
      number: 'INC-9001',
      rating: 2,
      comment: 'Took <b>three days</b> & a reminder',
      atMs: Date.parse('2026-03-31T09:00:00.000Z'),
    },
    {
      ticketId: ticketId(3),
      number: 'INC-9003',
      rating: 5,
      comment: 'Great, thanks!',
      atMs: Date.parse('2026-03-05T08:00:00.000Z'),
    },
  ],
};

/** Phone: 1, 5; portal: 2; chat: 7; email: 3, 4, 6, 8, 9. Most first, ties by key. */
export const FIXTURE_EXPECTED_BY_CHANNEL: CountByKey[] = [
  { key: 'email', tickets: 5 },
  { key: 'phone', tickets: 2 },
  { key: 'chat', tickets: 1 },
  { key: 'portal', tickets: 1 },
];

export const FIXTURE_EXPECTED_BY_CATEGORY: CountByKey[] = [
  { key: 'software', tickets: 3 },
  { key: 'network', tickets: 2 },
  { key: 'access', tickets: 1 },
  { key: 'email', tickets: 1 },
  { key: 'hardware', tickets: 1 },
  { key: 'printing', tickets: 1 },
];

/** Breached: 1 (resolution, DST), 4 (resolution, reopened), 8 (both clocks): newest first. */
export const FIXTURE_EXPECTED_BREACHES = [
  { number: 'INC-9001', clocks: ['resolution'] },
  { number: 'INC-9004', clocks: ['resolution'] },
  { number: 'INC-9008', clocks: ['firstResponse', 'resolution'] },
];

const open = (counts: Partial<Record<BacklogStatus, number>>): Record<BacklogStatus, number> => ({
  new: 0,
  assigned: 0,
  in_progress: 0,
  pending: 0,
  ...counts,
});

/**
 * The backlog on the days something changed (every other day repeats the day before).
 * Ticket 10, created a millisecond before the period, is open (new) throughout; 11,
 * created at the period's end, never shows. Resolutions: 3 on 4 Mar, 4 on 10 Mar (before
 * its reopen), 5 on 18 Mar, 1 on 30 Mar.
 */
export const FIXTURE_EXPECTED_BACKLOG: Record<string, Omit<BacklogDay, 'date'>> = {
  '2026-03-01': { open: open({ new: 2 }), created: 1, resolved: 0 },
  '2026-03-02': { open: open({ new: 2, pending: 1 }), created: 1, resolved: 0 },
  '2026-03-04': { open: open({ new: 2 }), created: 0, resolved: 1 },
  '2026-03-10': { open: open({ new: 2 }), created: 1, resolved: 1 },
  '2026-03-16': { open: open({ new: 2, in_progress: 2 }), created: 1, resolved: 0 },
  '2026-03-18': { open: open({ new: 2, in_progress: 1 }), created: 0, resolved: 1 },
  '2026-03-20': { open: open({ new: 3, in_progress: 1 }), created: 1, resolved: 0 },
  '2026-03-27': { open: open({ new: 3, in_progress: 2 }), created: 1, resolved: 0 },
  '2026-03-30': { open: open({ new: 3, in_progress: 1 }), created: 0, resolved: 1 },
  '2026-04-02': { open: open({ new: 4, in_progress: 1 }), created: 1, resolved: 0 },
  '2026-04-03': { open: open({ new: 3, in_progress: 2 }), created: 0, resolved: 0 },
  '2026-04-06': { open: open({ new: 3, in_progress: 2, pending: 1 }), created: 1, resolved: 0 },
  '2026-04-07': { open: open({ new: 4, in_progress: 2, pending: 1 }), created: 1, resolved: 0 },
};
