import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './resources/en';
import { es } from './resources/es';

export const LANGUAGES = ['es', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The language names as each language writes its own, for the switcher. */
export const LANGUAGE_NAMES: Record<Language, string> = { es: 'Español', en: 'English' };

// The agent's explicit choice; absent means "follow the operating system".
const STORAGE_KEY = 'mesa.language';

/** 'es-MX' → 'es'; anything we do not speak → English, the common second language of IT teams. */
export function languageFromLocale(locale: string | null | undefined): Language {
  const base = (locale ?? '').toLowerCase().split(/[-_]/)[0];
  return base === 'es' ? 'es' : 'en';
}

function storedLanguage(): Language | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'es' || value === 'en' ? value : null;
  } catch {
    return null; // storage may be disabled; the OS locale still works
  }
}

function reflectInDocument(language: string): void {
  // Screen readers pick their voice from <html lang>; axe checks it too.
  document.documentElement.lang = language;
}

let started = false;

/** Starts i18next once, synchronously (resources are bundled), in the stored or OS language. */
export function initI18n(osLocale: string = navigator.language): typeof i18next {
  if (started) return i18next;
  started = true;
  const lng = storedLanguage() ?? languageFromLocale(osLocale);
  void i18next.use(initReactI18next).init({
    resources: { es: { translation: es }, en: { translation: en } },
    lng,
    fallbackLng: 'en',
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false }, // React escapes; user text is never HTML
    returnNull: false,
    initAsync: false,
  });
  reflectInDocument(lng);
  i18next.on('languageChanged', reflectInDocument);
  return i18next;
}

/** The OS locale arrived from the main process (getAppInfo): follow it unless the agent chose. */
export function adoptOsLocale(locale: string): void {
  if (storedLanguage()) return;
  const lng = languageFromLocale(locale);
  if (lng !== i18next.language) void i18next.changeLanguage(lng);
}

/** The agent switched language: remember it across restarts. */
export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // not persisted, still switched for this session
  }
  void i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return languageFromLocale(i18next.resolvedLanguage ?? i18next.language);
}
