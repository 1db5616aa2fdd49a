import type { BusinessCalendar, Weekday } from './types';
import type { ZoneClock } from './zone-clock';
import { DAY_MS, midnightOffset, transitionAfter, wallToInstant, zoneClockOf } from './zone-clock';

/**
 * A business calendar compiled into real instants, in chunks of consecutive local days.
 *
 * Each chunk holds, per local day, the instant of its midnight, its business intervals
 * as [start, end) epoch-ms pairs, and the business ms accumulated since the chunk's
 * first midnight. With those, "business ms before instant t" is an array read plus a
 * walk over one day's (one or two) intervals, and a span of N days costs N / CHUNK_DAYS
 * additions: what keeps evaluateSla at ~1 µs a ticket and a 10-year span in milliseconds.
 *
 * Everything is integer milliseconds (Dates have ms resolution; offsets have second
 * resolution), so sums and differences are exact; minutes appear only at the edges.
 *
 * Chunks are cached per calendar object (WeakMap), so a calendar must be treated as an
 * immutable value: build a new object to change it.
 */

export const CHUNK_DAYS = 64;
/** ~90 years of days per calendar; oldest chunks are dropped first past that. */
const MAX_CACHED_CHUNKS = 512;

export interface Chunk {
  readonly index: number;
  readonly firstDay: number;
  /** CHUNK_DAYS + 1 instants: each day's local midnight, then the next chunk's first. */
  readonly dayStart: Float64Array;
  /** CHUNK_DAYS + 1 sums: business ms from the chunk's first midnight to each midnight. */
  readonly cum: Float64Array;
  /** CHUNK_DAYS + 1 indexes into `intervals`: day i's pairs are [ivIndex[i], ivIndex[i + 1]). */
  readonly ivIndex: Int32Array;
  /** Flat [start, end, start, end, …] instants. */
  readonly intervals: Float64Array;
  /** Business ms in the whole chunk (= cum[CHUNK_DAYS]). */
  readonly total: number;
}

export interface CompiledCalendar {
  readonly zone: ZoneClock;
  /** Index 0 = Sunday … 6 = Saturday: merged [start, end, …] in minutes of the local day. */
  readonly weekMinutes: ReadonlyArray<readonly number[]>;
  readonly holidays: ReadonlySet<number>;
  /** Nominal business ms in a week without holidays (DST can add up to an hour a day). */
  readonly weekMs: number;
  readonly chunks: Map<number, Chunk>;
  /** The two chunks used last: most lookups of one ticket land in them. */
  recent: Chunk | null;
  previous: Chunk | null;
  /** A recent offset of the zone, to guess an instant's local day before checking it. */
  guessOffset: number;
}

const WEEKDAYS: readonly Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();

export function compileCalendar(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  if (
    typeof calendar !== 'object' ||
    calendar === null ||
    typeof calendar.week !== 'object' ||
    calendar.week === null
  ) {
    throw new RangeError('A business calendar needs a time zone and weekly hours.');
  }
  const weekMinutes = WEEKDAYS.map((day) => mergeIntervals(calendar.week[day] ?? [], day));
  if (weekMinutes.every((minutes) => minutes.length === 0)) {
    throw new RangeError('This business calendar has no business hours on any day of the week.');
  }
  const compiled: CompiledCalendar = {
    zone: zoneClockOf(calendar.timeZone),
    weekMinutes,
    holidays: new Set((calendar.holidays ?? []).map(parseLocalDate)),
    weekMs:
      weekMinutes.reduce((sum, day) => sum + day.reduce((a, m, j) => a + (j % 2 ? m : -m), 0), 0) * 60_000,
    chunks: new Map(),
    recent: null,
    previous: null,
    guessOffset: 0,
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

export function chunkAt(calendar: CompiledCalendar, index: number): Chunk {
  const recent = calendar.recent;
  if (recent !== null && recent.index === index) return recent;
  let chunk = calendar.previous !== null && calendar.previous.index === index ? calendar.previous : undefined;
  if (chunk === undefined) {
    chunk = calendar.chunks.get(index);
    if (chunk === undefined) {
      chunk = buildChunk(calendar, index);
      if (calendar.chunks.size >= MAX_CACHED_CHUNKS) {
        const oldest = calendar.chunks.keys().next();
        if (!oldest.done) calendar.chunks.delete(oldest.value);
      }
      calendar.chunks.set(index, chunk);
    }
  }
  calendar.previous = recent;
  calendar.recent = chunk;
  return chunk;
}

/**
 * The chunk and day index whose [midnight, next midnight) holds `instant`. Written into
 * `target` rather than returned as a new object: this runs a dozen times per ticket in
 * evaluateSla, and the caller owns the (reused) slot.
 */
export interface DaySlot {
  chunk: Chunk;
  day: number;
}

export function locateDay(calendar: CompiledCalendar, instant: number, target: DaySlot): DaySlot {
  const guess = Math.floor((instant + calendar.guessOffset) / DAY_MS);
  let chunk = chunkAt(calendar, Math.floor(guess / CHUNK_DAYS));
  let i = guess - chunk.firstDay;
  // The guess is off by at most a day (offset changed since the guess); walk to the right one.
  while (instant < chunk.dayStart[i]!) {
    if (--i < 0) {
      chunk = chunkAt(calendar, chunk.index - 1);
      i = CHUNK_DAYS - 1;
    }
  }
  while (instant >= chunk.dayStart[i + 1]!) {
    if (++i === CHUNK_DAYS) {
      chunk = chunkAt(calendar, chunk.index + 1);
      i = 0;
    }
  }
  target.chunk = chunk;
  target.day = i;
  return target;
}

/** Business ms from the chunk's first midnight to `instant`, which lies in the chunk's day i. */
export function positionInChunk(chunk: Chunk, i: number, instant: number): number {
  let position = chunk.cum[i]!;
  const intervals = chunk.intervals;
  const end = chunk.ivIndex[i + 1]!;
  for (let j = chunk.ivIndex[i]!; j < end; j += 2) {
    const start = intervals[j]!;
    if (instant <= start) break;
    const stop = intervals[j + 1]!;
    position += (instant < stop ? instant : stop) - start;
  }
  return position;
}

function buildChunk(calendar: CompiledCalendar, index: number): Chunk {
  const firstDay = index * CHUNK_DAYS;
  // Day d needs the probes of days d − 1 … d + 2; the chunk's days run to firstDay + CHUNK_DAYS
  // (its closing midnight).
  const probeFrom = firstDay - 1;
  const offsets = new Float64Array(CHUNK_DAYS + 4);
  for (let k = 0; k < offsets.length; k++) offsets[k] = midnightOffset(calendar.zone, probeFrom + k);

  /** The real instant of wall time `msOfDay` on local day `day` (see wallToInstant). */
  const instantOf = (day: number, msOfDay: number): number => {
    const wall = day * DAY_MS + msOfDay;
    for (let probe = day - 1; probe <= day + 1; probe++) {
      const before = offsets[probe - probeFrom]!;
      const after = offsets[probe + 1 - probeFrom]!;
      if (before !== after) return wallToInstant(wall, before, after, transitionAfter(calendar.zone, probe));
    }
    return wall - offsets[day - probeFrom]!;
  };

  const dayStart = new Float64Array(CHUNK_DAYS + 1);
  for (let i = 0; i <= CHUNK_DAYS; i++) dayStart[i] = instantOf(firstDay + i, 0);

  const cum = new Float64Array(CHUNK_DAYS + 1);
  const ivIndex = new Int32Array(CHUNK_DAYS + 1);
  const pairs: number[] = [];
  for (let i = 0; i < CHUNK_DAYS; i++) {
    const day = firstDay + i;
    const opens = dayStart[i]!;
    const closes = dayStart[i + 1]!;
    let business = 0;
    if (!calendar.holidays.has(day)) {
      const minutes = calendar.weekMinutes[weekdayOf(day)]!;
      for (let j = 0; j < minutes.length; j += 2) {
        const startMin = minutes[j]!;
        const endMin = minutes[j + 1]!;
        // 00:00 and 24:00 reuse the stored midnights so that round-the-clock days join up exactly.
        const start = Math.max(opens, startMin === 0 ? opens : instantOf(day, startMin * 60_000));
        const end = Math.min(closes, endMin === 1440 ? closes : instantOf(day, endMin * 60_000));
        if (end <= start) continue; // wholly inside a skipped hour
        pairs.push(start, end);
        business += end - start;
      }
    }
    cum[i + 1] = cum[i]! + business;
    ivIndex[i + 1] = pairs.length;
  }

  calendar.guessOffset = offsets[CHUNK_DAYS >> 1]!;
  return {
    index,
    firstDay,
    dayStart,
    cum,
    ivIndex,
    intervals: Float64Array.from(pairs),
    total: cum[CHUNK_DAYS]!,
  };
}

/** 0 = Sunday … 6 = Saturday; local day 0 (1970-01-01) was a Thursday. */
function weekdayOf(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const HH_MM = /^(\d{1,2}):(\d{2})$/;

function parseMinuteOfDay(text: unknown, day: Weekday): number {
  const match = typeof text === 'string' ? HH_MM.exec(text) : null;
  const hours = match ? Number(match[1]) : NaN;
  const minutes = match ? Number(match[2]) : NaN;
  const total = hours * 60 + minutes;
  if (!(minutes < 60 && total <= 1440)) {
    throw new RangeError(
      `Business hours on ${day}: ${JSON.stringify(text)} is not a time 'HH:MM' from 00:00 to 24:00.`,
    );
  }
  return total;
}

/** Sorted, overlapping or touching intervals joined: [start, end, start, end, …] in minutes. */
function mergeIntervals(intervals: ReadonlyArray<readonly [string, string]>, day: Weekday): number[] {
  if (!Array.isArray(intervals))
    throw new RangeError(`Business hours on ${day} must be a list of [start, end].`);
  const parsed = intervals.map((interval) => {
    const start = parseMinuteOfDay(interval?.[0], day);
    const end = parseMinuteOfDay(interval?.[1], day);
    if (end <= start) {
      throw new RangeError(
        `Business hours on ${day}: ${interval[0]}–${interval[1]} must end after it starts.`,
      );
    }
    return [start, end] as const;
  });
  parsed.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [start, end] of parsed) {
    const last = merged.length - 1;
    if (last > 0 && start <= merged[last]!) merged[last] = Math.max(merged[last]!, end);
    else merged.push(start, end);
  }
  return merged;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → local day number, rejecting dates that do not exist (2026-02-30). */
function parseLocalDate(text: string): number {
  const match = typeof text === 'string' ? LOCAL_DATE.exec(text) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const date = Number(match[3]);
    const ms = Date.UTC(year, month - 1, date);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`Holiday ${JSON.stringify(text)} is not a date 'YYYY-MM-DD'.`);
}
