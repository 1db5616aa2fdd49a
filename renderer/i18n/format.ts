import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Dates and durations through Intl, so "3 h 5 min" / "3h 5m" and "12 mar 2025, 9:05" /
 * "Mar 12, 2025, 9:05 AM" follow the language without hand-written formats. Formatters
 * are cached: a list of thousands of rows would otherwise build one per cell per second.
 */

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** How long the OS time zone is taken as read: an agent who lands in another zone sees it within a minute. */
const ZONE_READ_MS = 60_000;
let zone: { name: string; readAt: number } | null = null;

/**
 * The agent's own time zone (the OS's), where due times are shown. Asking means building a
 * date formatter (about a millisecond), and every SLA badge on screen asks on each render,
 * all of them every few seconds: so it is read again at most once a minute.
 */
export function agentTimeZone(now: number = Date.now()): string {
  if (zone === null || now - zone.readAt >= ZONE_READ_MS || now < zone.readAt) {
    zone = { name: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
  }
  return zone.name;
}

type Unit = 'day' | 'hour' | 'minute';
const unitFormat = (lang: string, unit: Unit) =>
  cached(
    `unit:${lang}:${unit}`,
    () =>
      new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'narrow', maximumFractionDigits: 0 }),
  );

/**
 * A duration in minutes as its two most significant units ("2 d 4 h", "3 h 5 min", "12 min").
 * Sign is dropped: callers say "due in" or "overdue by" around it.
 */
export function formatDuration(minutes: number, lang: string): string {
  let rest = Math.floor(Math.abs(minutes));
  if (rest < 1) return `< ${unitFormat(lang, 'minute').format(1)}`;
  const days = Math.floor(rest / 1440);
  rest -= days * 1440;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts: Array<[Unit, number]> = [
    ['day', days],
    ['hour', hours],
    ['minute', mins],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  return parts
    .slice(first, first + 2)
    .filter(([, n]) => n > 0)
    .map(([unit, n]) => unitFormat(lang, unit).format(n))
    .join(' ');
}

export function formatDateTime(
  value: Date | string | number,
  lang: string,
  timeZone: string = agentTimeZone(),
): string {
  const format = cached(
    `dt:${lang}:${timeZone}`,
    () => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ) as Intl.DateTimeFormat;
  return format.format(new Date(value));
}

/** A due time with the zone's short name, since agents and requesters may sit in different zones. */
export function formatDueTime(
  value: Date | string | number,
  lang: string,
  timeZone: string = agentTimeZone(),
): string {
  const format = cached(
    `due:${lang}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(lang, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      }),
  ) as Intl.DateTimeFormat;
  return format.format(new Date(value));
}

const RELATIVE_STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "hace 3 minutos" / "3 minutes ago", relative to `now`. */
export function formatRelative(value: Date | string | number, now: number, lang: string): string {
  const format = cached(
    `rel:${lang}`,
    () => new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' }),
  ) as Intl.RelativeTimeFormat;
  let amount = (new Date(value).getTime() - now) / 1000;
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

export function formatList(items: string[], lang: string): string {
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(items);
}

/** A file size in the largest unit that keeps it at or above 1 (1024-based, as file managers show it). */
export function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: 1,
  }).format(value);
}

/** The formatters bound to the language on screen; components re-render when it changes. */
export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language;
  return useMemo(
    () => ({
      lang,
      duration: (minutes: number) => formatDuration(minutes, lang),
      dateTime: (value: Date | string | number) => formatDateTime(value, lang),
      dueTime: (value: Date | string | number) => formatDueTime(value, lang),
      relative: (value: Date | string | number, now: number) => formatRelative(value, now, lang),
      list: (items: string[]) => formatList(items, lang),
      bytes: (count: number) => formatBytes(count, lang),
    }),
    [lang],
  );
}
