import type { BusinessCalendar } from './types';
import type { CompiledCalendar, DaySlot } from './calendar-days';
import { CHUNK_DAYS, chunkAt, compileCalendar, locateDay, positionInChunk } from './calendar-days';
import { MINUTE_MS, epochMs } from './zone-clock';

/**
 * Business time (docs/domain-rules.md): local wall-clock hours in the calendar's IANA zone, so
 * they follow daylight saving; an interval that spans a clock change lasts the real time
 * between its two real instants (01:00–04:00 on a spring-forward day is 2 h).
 *
 * Precision: instants are whole milliseconds (Date), so a duration is a whole number of
 * ms. `businessMinutesBetween` returns ms / 60 000; `addBusinessMinutes` rounds a
 * fractional minute count up to the next whole ms. Hence, exactly,
 * `businessMinutesBetween(c, a, addBusinessMinutes(c, a, m)) === m` for every m that is
 * a whole number of ms (any m with up to four decimals, e.g. 0.25, 12.5, 0.1), and for
 * other m the result is the first instant at which at least m minutes have elapsed.
 */

/** Past this run of days without a single business minute, a search gives up. */
const MAX_IDLE_DAYS = 20 * 366;
/** No deadline is a millennium away: past this, a search gives up rather than spin. */
const MAX_SEARCH_DAYS = 1000 * 366;
/** The range of a JavaScript Date. */
const MAX_INSTANT = 8.64e15;

// Reused lookup slots (see locateDay): nothing here calls out while one is live.
const fromSlot: DaySlot = { chunk: undefined as never, day: 0 };
const toSlot: DaySlot = { chunk: undefined as never, day: 0 };

export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const compiled = compileCalendar(calendar);
  return businessMsBetween(compiled, epochMs(from, 'from'), epochMs(to, 'to')) / MINUTE_MS;
}

export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  const compiled = compileCalendar(calendar);
  return new Date(addBusinessMs(compiled, epochMs(from, 'from'), minutesToMs(minutes)));
}

/** Business ms in [from, to); 0 if to <= from. Cost: O(days / CHUNK_DAYS) once chunks are cached. */
export function businessMsBetween(calendar: CompiledCalendar, from: number, to: number): number {
  if (!(to > from)) return 0;
  const start = locateDay(calendar, from, fromSlot);
  const end = locateDay(calendar, to, toSlot);
  const fromPosition = positionInChunk(start.chunk, start.day, from);
  const toPosition = positionInChunk(end.chunk, end.day, to);
  if (start.chunk.index === end.chunk.index) return toPosition - fromPosition;
  let total = start.chunk.total - fromPosition + toPosition;
  for (let index = start.chunk.index + 1; index < end.chunk.index; index++)
    total += chunkAt(calendar, index).total;
  return total;
}

/**
 * The earliest instant t >= from with exactly `ms` business ms in [from, t).
 * ms = 0: `from` itself inside business time, else the next opening. A span that uses up
 * a day's hours ends at that day's closing time, never at the next opening.
 */
export function addBusinessMs(calendar: CompiledCalendar, from: number, ms: number): number {
  // Business time never outruns real time, so an answer past the Date range cannot exist.
  if (from + ms > MAX_INSTANT) throw new RangeError('The result lies beyond the range of a Date.');
  // Nor can it lie past the search horizon if even full weeks (plus an hour a day for DST) fall short.
  if (ms > (calendar.weekMs + 7 * 3_600_000) * (MAX_SEARCH_DAYS / 7 + 1)) {
    throw new RangeError('The result lies more than 1000 years ahead.');
  }
  const located = locateDay(calendar, from, fromSlot);
  let chunk = located.chunk;
  let i = located.day;
  let remaining = ms;

  // The rest of from's own day.
  const first = chunk.ivIndex[i]!;
  const last = chunk.ivIndex[i + 1]!;
  for (let j = first; j < last; j += 2) {
    const end = chunk.intervals[j + 1]!;
    if (end <= from) continue; // end is exclusive: at closing time we are outside
    const start = Math.max(chunk.intervals[j]!, from);
    if (remaining <= end - start) return start + remaining;
    remaining -= end - start;
  }

  // Whole days after it: skip chunks by their totals, then find the day by binary search.
  i++;
  let idleDays = 0;
  let searchedDays = 0;
  for (;;) {
    if (i === CHUNK_DAYS) {
      chunk = chunkAt(calendar, chunk.index + 1);
      i = 0;
    }
    const cum = chunk.cum;
    const base = cum[i]!;
    // All values are whole ms, so "some business time" is ">= 1 ms": one search serves ms = 0 too.
    const wanted = remaining > 0 ? remaining : 1;
    if (chunk.total - base < wanted) {
      remaining -= chunk.total - base;
      idleDays = chunk.total === base ? idleDays + CHUNK_DAYS - i : 0;
      searchedDays += CHUNK_DAYS - i;
      if (idleDays > MAX_IDLE_DAYS) {
        throw new RangeError(
          'This business calendar has no business time for 20 years after the given date.',
        );
      }
      if (searchedDays > MAX_SEARCH_DAYS) throw new RangeError('The result lies more than 1000 years ahead.');
      i = CHUNK_DAYS;
      continue;
    }
    let lo = i;
    let hi = CHUNK_DAYS - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid + 1]! - base >= wanted) hi = mid;
      else lo = mid + 1;
    }
    remaining -= cum[lo]! - base;
    const stop = chunk.ivIndex[lo + 1]!;
    for (let j = chunk.ivIndex[lo]!; j < stop; j += 2) {
      const start = chunk.intervals[j]!;
      const length = chunk.intervals[j + 1]! - start;
      if (remaining <= length) return start + remaining;
      remaining -= length;
    }
    throw new Error('business calendar: day totals and intervals disagree');
  }
}

/**
 * The fewest whole ms that make at least `minutes` minutes: minutes × 60 000 rounded up,
 * corrected so that (ms / 60 000) >= minutes holds in floating point too (0.1 × 60 000
 * is 6000.000000000001 in binary, yet 6000 / 60 000 === 0.1).
 */
export function minutesToMs(minutes: number): number {
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`Business minutes must be a finite number >= 0, got ${String(minutes)}.`);
  }
  // Past 2^53 ms (~285,000 years) whole ms are no longer exact doubles, and no Date is that far anyway.
  if (minutes * MINUTE_MS > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${minutes} business minutes lie beyond the range of a Date.`);
  }
  let ms = Math.round(minutes * MINUTE_MS);
  if (ms / MINUTE_MS < minutes) ms++;
  else if (ms > 0 && (ms - 1) / MINUTE_MS >= minutes) ms--;
  return ms;
}
