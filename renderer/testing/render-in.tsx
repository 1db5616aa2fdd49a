import { cleanup, configure, render, type RenderResult } from '@testing-library/react';
import i18next from 'i18next';
import { act, type ReactElement } from 'react';
import { afterEach } from 'vitest';
import { initI18n, type Language } from '../i18n/i18n';

// Vitest runs without globals here, so Testing Library cannot register its own cleanup.
afterEach(cleanup);
// Live queries answer asynchronously; on a loaded CI machine one second is not always enough.
configure({ asyncUtilTimeout: 10_000 });

/** Renders a component with the console's i18n in the given language (both are first-class). */
export function renderIn(language: Language, ui: ReactElement): RenderResult {
  initI18n('es-ES');
  void act(() => {
    void i18next.changeLanguage(language);
  });
  return render(ui);
}

export const LANGUAGES_UNDER_TEST: Language[] = ['es', 'en'];
