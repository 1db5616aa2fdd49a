import type { SlaPolicy } from '../types';

/**
 * A policy whose every instant can be worked out on paper: UTC, Mon–Fri 09:00–17:00, no
 * holidays. P3: first response 60 min (warns at 48), resolution 600 min (warns at 480).
 * The tests' week runs from Monday 2026-06-01.
 */
export const PAPER_POLICY: SlaPolicy = {
  id: 'test',
  name: 'Test',
  calendar: {
    timeZone: 'UTC',
    week: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['09:00', '17:00']]])),
  },
  targets: {
    1: { firstResponseMinutes: 15, resolutionMinutes: 240 },
    2: { firstResponseMinutes: 30, resolutionMinutes: 480 },
    3: { firstResponseMinutes: 60, resolutionMinutes: 600 },
    4: { firstResponseMinutes: 240, resolutionMinutes: 2400 },
    5: { firstResponseMinutes: 480, resolutionMinutes: 4800 },
  },
  warnAtFraction: 0.8,
};

const DAY_OF_MONTH = { mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6, sun: 7 } as const;

/** 'mon 09:00' (or 'tue 10:30:15') → that instant, UTC, in the paper week. */
export function paperTime(when: string): Date {
  const [day, time] = when.split(' ') as [keyof typeof DAY_OF_MONTH, string];
  const date = DAY_OF_MONTH[day];
  return new Date(`2026-06-${String(date).padStart(2, '0')}T${time.length === 5 ? `${time}:00` : time}Z`);
}
