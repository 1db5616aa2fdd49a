import { describe, expect, it } from 'vitest';
import { formatDuration, formatRelative } from './format';
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
