import { IANAZone } from 'luxon';

/**
 * Wall-clock time ↔ real instants in an IANA zone, as plain epoch milliseconds.
 *
 * Conventions used throughout the business calendar:
 * - A "wall time" L is the local date and time written as if it were UTC, in ms
 *   (local day number × DAY_MS + ms since local midnight).
 * - Local day number d counts days since 1970-01-01 on the local calendar; its probe
 *   instant is d × DAY_MS read as a real instant. Because every offset lies within
 *   ±14 h, the real instants of any wall time of day d lie strictly between the
 *   probes of days d − 1 and d + 2, so the offsets at those four probes describe the
 *   whole day.
 *
 * Luxon is used only to ask "what is the zone's offset at this instant". It wraps Intl
 * at ~7 µs a call, so this module probes sparsely and caches what it learns per zone:
 * a 10-year span costs ~600 calls the first time and none after.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/**
 * Offsets are probed every PROBE_STRIDE_DAYS and bisected to the day only where two
 * probes differ. That cannot miss a change as long as no two changes are less than a
 * week apart: true of all 418 zones from 1970 to 2040 (scanned day by day; the closest
 * pairs are 7 days apart, Brazil's aborted DST of October 2000).
 */
const PROBE_STRIDE_DAYS = 7;
/** Per zone and per table; past this the table is simply emptied (it refills on demand). */
const MAX_CACHED_ENTRIES = 100_000;

/** What has been learnt about one zone, shared by every calendar in it. */
export interface ZoneClock {
  readonly zone: IANAZone;
  /** Offset at the probe of each multiple of PROBE_STRIDE_DAYS. */
  readonly strideOffsets: Map<number, number>;
  /** For a stride whose two ends differ: the first day whose probe has the new offset. */
  readonly changeDays: Map<number, number>;
  /** For a day whose probe and the next differ: the instant of the change between them. */
  readonly transitions: Map<number, number>;
}

const zoneClocks = new Map<string, ZoneClock>();

/** A Date's epoch ms; RangeError for an Invalid Date or a non-Date. */
export function epochMs(date: Date, name: string): number {
  // Duck-typed rather than instanceof: Dates may come from another realm (a test DOM, a worker).
  const instant = typeof date?.getTime === 'function' ? date.getTime() : NaN;
  if (Number.isNaN(instant)) throw new RangeError(`'${name}' must be a valid Date.`);
  return instant;
}

export function zoneClockOf(name: string): ZoneClock {
  const known = typeof name === 'string' ? zoneClocks.get(name) : undefined;
  if (known) return known;
  const zone = typeof name === 'string' ? IANAZone.create(name) : null;
  if (!zone || !zone.isValid) {
    throw new RangeError(
      `Unknown time zone ${JSON.stringify(name)}: use an IANA name such as 'Europe/Madrid'.`,
    );
  }
  const clock: ZoneClock = { zone, strideOffsets: new Map(), changeDays: new Map(), transitions: new Map() };
  zoneClocks.set(name, clock);
  return clock;
}

/** The zone's offset at the probe instant of local day `day` (day × DAY_MS), in ms. */
export function midnightOffset(clock: ZoneClock, day: number): number {
  const stride = Math.floor(day / PROBE_STRIDE_DAYS) * PROBE_STRIDE_DAYS;
  const before = strideOffset(clock, stride);
  if (day === stride) return before;
  const after = strideOffset(clock, stride + PROBE_STRIDE_DAYS);
  if (before === after) return before;
  let changeDay = clock.changeDays.get(stride);
  if (changeDay === undefined) {
    let lo = stride;
    let hi = stride + PROBE_STRIDE_DAYS;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (offsetAt(clock.zone, mid * DAY_MS) === before) lo = mid;
      else hi = mid;
    }
    changeDay = hi;
    remember(clock.changeDays, stride, changeDay);
  }
  return day < changeDay ? before : after;
}

/**
 * The first instant in (day × DAY_MS, (day + 1) × DAY_MS] with the zone's new offset, for
 * a day whose probe and the next one's differ. Clocks change on a quarter hour in every
 * zone today, so that is tried first (~8 probes); otherwise bisection goes on to the
 * second, the resolution of the tz database (and of Luxon's offset()).
 */
export function transitionAfter(clock: ZoneClock, day: number): number {
  const known = clock.transitions.get(day);
  if (known !== undefined) return known;
  const start = day * DAY_MS;
  const oldOffset = offsetAt(clock.zone, start);
  const QUARTER = 15 * MINUTE_MS;
  let lo = 0;
  let hi = DAY_MS / QUARTER;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (offsetAt(clock.zone, start + mid * QUARTER) === oldOffset) lo = mid;
    else hi = mid;
  }
  let before = start + lo * QUARTER;
  let after = start + hi * QUARTER;
  if (offsetAt(clock.zone, after - 1000) !== oldOffset) {
    while (after - before > 1000) {
      const mid = before + Math.floor((after - before) / 2000) * 1000;
      if (offsetAt(clock.zone, mid) === oldOffset) before = mid;
      else after = mid;
    }
  }
  remember(clock.transitions, day, after);
  return after;
}

/**
 * The earliest real instant at which the wall clock reads `wall` or later, given the
 * offsets before and after a transition at `transition`.
 * - Ambiguous wall time (clocks went back): its first occurrence.
 * - Skipped wall time (clocks went forward): the transition itself, i.e. the moment the
 *   clock jumps past it. So 01:00–04:00 on a spring-forward day is 2 real hours, and an
 *   interval lying wholly inside the gap is empty.
 * This mapping never decreases as `wall` grows, so consecutive local intervals stay
 * ordered and adjacent ones stay contiguous.
 */
export function wallToInstant(
  wall: number,
  offsetBefore: number,
  offsetAfter: number,
  transition: number,
): number {
  if (offsetBefore === offsetAfter) return wall - offsetBefore;
  const before = wall - offsetBefore;
  if (before < transition) return before;
  const after = wall - offsetAfter;
  if (after >= transition) return after;
  return transition;
}

function strideOffset(clock: ZoneClock, stride: number): number {
  let offset = clock.strideOffsets.get(stride);
  if (offset === undefined) {
    offset = offsetAt(clock.zone, stride * DAY_MS);
    remember(clock.strideOffsets, stride, offset);
  }
  return offset;
}

/** The zone's UTC offset at `instant`, in whole ms (Luxon reports minutes, possibly with seconds). */
function offsetAt(zone: IANAZone, instant: number): number {
  const minutes = zone.offset(instant);
  if (!Number.isFinite(minutes))
    throw new RangeError(`${zone.name} has no offset at ${instant}: out of range.`);
  return Math.round(minutes * MINUTE_MS);
}

function remember(table: Map<number, number>, key: number, value: number): void {
  if (table.size >= MAX_CACHED_ENTRIES) table.clear();
  table.set(key, value);
}
