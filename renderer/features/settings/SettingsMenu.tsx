import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, LANGUAGE_NAMES, currentLanguage, setLanguage, type Language } from '../../i18n/i18n';
import { SlaAlertSettingsPanel } from '../../notifications/SlaAlertSettingsPanel';
import { applyTheme, usePrefsStore, type Density, type ThemeChoice } from '../../stores/prefs-store';
import './settings.css';

const THEMES: Array<[ThemeChoice, 'settings.themeSystem' | 'settings.themeLight' | 'settings.themeDark']> = [
  ['system', 'settings.themeSystem'],
  ['light', 'settings.themeLight'],
  ['dark', 'settings.themeDark'],
];

/** Language and theme, plus who is signed in and sign out, behind one button in the top bar. */
export function SettingsMenu({ agentName, onSignOut }: { agentName?: string; onSignOut?(): void }) {
  const { t } = useTranslation();
  const panelId = useId();
  const languageId = useId();
  const themeId = useId();
  const densityId = useId();
  const density = usePrefsStore((s) => s.density);
  const setDensity = usePrefsStore((s) => s.setDensity);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const theme = usePrefsStore((s) => s.theme);
  const setTheme = usePrefsStore((s) => s.setTheme);
  const language = currentLanguage();

  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  return (
    <div className="settings-menu" ref={root} onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}>
      <button
        type="button"
        className="btn btn-small settings-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((v) => !v)}
        data-testid="settings-button"
      >
        {agentName ? (
          <span className="avatar" aria-hidden="true">
            {agentName.slice(0, 1).toUpperCase()}
          </span>
        ) : (
          <span aria-hidden="true">⚙</span>
        )}
        <span>{agentName ?? `${t('settings.language')} · ${t('settings.theme')}`}</span>
      </button>
      {open ? (
        <div id={panelId} className="settings-panel">
          {agentName ? <p className="muted small">{t('connect.signedInAs', { name: agentName })}</p> : null}
          <div className="field">
            <label htmlFor={languageId}>{t('settings.language')}</label>
            <select
              id={languageId}
              className="select"
              value={language}
              onChange={(e) => setLanguage(e.target.value as Language)}
              data-testid="language-select"
            >
              {LANGUAGES.map((lng) => (
                <option key={lng} value={lng} lang={lng}>
                  {LANGUAGE_NAMES[lng]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={themeId}>{t('settings.theme')}</label>
            <select
              id={themeId}
              className="select"
              value={theme}
              onChange={(e) => {
                const next = e.target.value as ThemeChoice;
                setTheme(next);
                applyTheme(next);
              }}
            >
              {THEMES.map(([value, label]) => (
                <option key={value} value={value}>
                  {t(label)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={densityId}>{t('settings.density')}</label>
            <select
              id={densityId}
              className="select"
              value={density}
              onChange={(e) => setDensity(e.target.value as Density)}
              data-testid="density-select"
            >
              <option value="comfortable">{t('settings.densityComfortable')}</option>
              <option value="compact">{t('settings.densityCompact')}</option>
            </select>
          </div>
          {agentName ? <SlaAlertSettingsPanel /> : null}
          {onSignOut ? (
            <button type="button" className="btn" onClick={onSignOut} data-testid="sign-out">
              {t('connect.signOut')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
