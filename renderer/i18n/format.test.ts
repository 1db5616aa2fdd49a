import { afterEach, describe, expect, it, vi } from 'vitest';
import { agentTimeZone, formatDueTime, formatDuration, formatRelative } from './format';
import { languageFromLocale } from './i18n';

describe('formatDuration', () => {
  // CLDR versions differ on the space in narrow units ("5 min" / "5min"), so it is optional here.
  it.each([
    [0.5, 'es', /^< 1 ?min$/],
    [5, 'es', /^5 ?min$/],
    [65, 'es', /^1 ?h 5 ?min$/],
    [60 * 26 + 7, 'es', /^1 ?d 2 ?h$/],
    [-45, 'en', /^45 ?m$/],
    [65, 'en', /^1 ?h 5 ?m$/],
  ])('%s minutes in %s → %s', (minutes, lang, expected) => {
    expect(formatDuration(minutes, lang).replace(/\u00a0/g, ' ')).toMatch(expected);
  });
});

describe('formatRelative', () => {
  it('speaks each language', () => {
    const now = Date.parse('2025-03-12T10:00:00Z');
    expect(formatRelative('2025-03-12T09:57:00Z', now, 'es')).toBe('hace 3 min');
    expect(formatRelative('2025-03-12T09:57:00Z', now, 'en')).toBe('3 min. ago');
  });
});

describe('languageFromLocale', () => {
  it.each([
    ['es-MX', 'es'],
    ['es', 'es'],
    ['en-GB', 'en'],
    ['fr-FR', 'en'],
    ['', 'en'],
  ])('%s → %s', (locale, lang) => expect(languageFromLocale(locale)).toBe(lang));
});

describe('agentTimeZone', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('does not build a date formatter to read the zone for every due time a screen of rows shows', () => {
    const now = Date.UTC(2026, 2, 12, 9, 0);
    vi.useFakeTimers({ toFake: ['Date'], now });
    agentTimeZone();
    const zoneReads = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    const shown = Array.from({ length: 50 }, (_, row) => formatDueTime(now + row * 60_000, 'es'));
    expect(zoneReads).not.toHaveBeenCalled();
    expect(new Set(shown).size).toBe(50);
  });

  it('keeps the zone it read for a minute, then notices the OS zone changed (an agent who travelled)', () => {
    const now = Date.UTC(2026, 2, 12, 9, 0) + 1e9;
    const before = agentTimeZone(now);
    const real = Intl.DateTimeFormat.prototype.resolvedOptions;
    const other = before === 'Asia/Tokyo' ? 'Europe/Madrid' : 'Asia/Tokyo';
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockImplementation(function (
      this: Intl.DateTimeFormat,
    ) {
      return { ...real.call(this), timeZone: other };
    });
    expect(agentTimeZone(now + 30_000)).toBe(before);
    expect(agentTimeZone(now + 60_000)).toBe(other);
  });
});
