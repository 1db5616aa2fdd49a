/** How the Reports view writes its figures in the UI's language (Intl, cached per language). */

const formats = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let format = formats.get(key) as T | undefined;
  if (!format) formats.set(key, (format = make()));
  return format;
}

/** 0.8333 → "83,3 %" / "83.3%"; null (nothing to judge) → the caller's word for it. */
export function formatShare(share: number | null, lang: string, none: string): string {
  if (share === null) return none;
  return cached(
    `pct:${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }),
  ).format(share);
}

export function formatNumber(value: number, lang: string, fractionDigits = 0): string {
  return cached(
    `num:${lang}:${fractionDigits}`,
    () => new Intl.NumberFormat(lang, { maximumFractionDigits: fractionDigits }),
  ).format(value);
}

/** A local date 'YYYY-MM-DD' as a short day ("3 mar" / "Mar 3"); read as UTC so no zone moves it. */
export function formatDay(date: string, lang: string): string {
  return cached(
    `day:${lang}`,
    () => new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ).format(new Date(`${date}T00:00:00Z`));
}
