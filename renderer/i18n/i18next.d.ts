import 'i18next';
import type { es } from './resources/es';

// Keys are checked at compile time against the Spanish resources (the source of truth).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof es };
    returnNull: false;
  }
}
