import { DateTime } from 'luxon';

/**
 * The agent's quiet hours: local wall-clock 'HH:MM' in their own time zone (not the SLA
 * calendar's — a Madrid queue watched from Lisbon sleeps on Lisbon time). The window may
 * wrap midnight (22:00–07:00); start === end means no quiet hours at all.
 */
export interface QuietHours {
  start: string;
  end: string;
  timeZone: string;
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minuteOfDay(value: string): number | null {
  const match = HHMM.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

function localNow(quiet: QuietHours, now: Date): DateTime | null {
  const local = DateTime.fromJSDate(now, { zone: quiet.timeZone });
  return local.isValid ? local : null;
}

/** Whether `now` falls inside the quiet window; a malformed setting never silences anything. */
export function isQuietAt(quiet: QuietHours | null, now: Date): boolean {
  if (!quiet) return false;
  const start = minuteOfDay(quiet.start);
  const end = minuteOfDay(quiet.end);
  const local = localNow(quiet, now);
  if (start === null || end === null || local === null || start === end) return false;
  const minute = local.hour * 60 + local.minute;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** When the current quiet window ends, or null when `now` is not quiet. */
export function quietHoursEnd(quiet: QuietHours | null, now: Date): Date | null {
  if (!quiet || !isQuietAt(quiet, now)) return null;
  const end = minuteOfDay(quiet.end)!;
  const local = localNow(quiet, now)!;
  // Luxon moves a wall time that a DST jump skips forward, so the end is always a real instant.
  let endAt = local.set({ hour: Math.floor(end / 60), minute: end % 60, second: 0, millisecond: 0 });
  if (endAt <= local) endAt = endAt.plus({ days: 1 });
  return endAt.toJSDate();
}
