import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localTimeZone, useSlaAlertSettings } from './sla-alert-settings';
import type { SlaWatchSettings } from './sla-watcher';
import './sla-alerts.css';

const SCOPES: ReadonlyArray<SlaWatchSettings['scope']> = ['mine', 'team', 'both'];
const DEFAULT_QUIET = { start: '20:00', end: '08:00' };

/** Which tickets, which events, and when to keep quiet: the agent's SLA notification settings. */
export function SlaAlertSettingsPanel() {
  const { t } = useTranslation();
  const id = useId();
  const settings = useSlaAlertSettings((s) => s.settings);
  const setScope = useSlaAlertSettings((s) => s.setScope);
  const setEvent = useSlaAlertSettings((s) => s.setEvent);
  const setQuietHours = useSlaAlertSettings((s) => s.setQuietHours);
  const quiet = settings.quietHours;

  return (
    <section className="sla-alert-settings" aria-labelledby={`${id}-title`} data-testid="sla-alert-settings">
      <h2 id={`${id}-title`} className="section-title">
        {t('slaAlerts.settingsTitle')}
      </h2>
      <fieldset>
        <legend>{t('slaAlerts.scopeLegend')}</legend>
        {SCOPES.map((scope) => (
          <label key={scope}>
            <input
              type="radio"
              name={`${id}-scope`}
              value={scope}
              checked={settings.scope === scope}
              onChange={() => setScope(scope)}
            />
            {t(`slaAlerts.scope.${scope}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('slaAlerts.eventsLegend')}</legend>
        <label>
          <input
            type="checkbox"
            checked={settings.events.warning}
            onChange={(e) => setEvent('warning', e.currentTarget.checked)}
          />
          {t('slaAlerts.eventWarning')}
        </label>
        <label>
          <input
            type="checkbox"
            checked={settings.events.breach}
            onChange={(e) => setEvent('breach', e.currentTarget.checked)}
          />
          {t('slaAlerts.eventBreach')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('slaAlerts.quietLegend')}</legend>
        <label>
          <input
            type="checkbox"
            checked={quiet !== null}
            onChange={(e) =>
              setQuietHours(e.currentTarget.checked ? { ...DEFAULT_QUIET, timeZone: localTimeZone() } : null)
            }
          />
          {t('slaAlerts.quietEnabled')}
        </label>
        {quiet ? (
          <div className="sla-quiet-hours">
            <label>
              {t('slaAlerts.quietFrom')}
              <input
                type="time"
                value={quiet.start}
                required
                onChange={(e) =>
                  e.currentTarget.value && setQuietHours({ ...quiet, start: e.currentTarget.value })
                }
              />
            </label>
            <label>
              {t('slaAlerts.quietTo')}
              <input
                type="time"
                value={quiet.end}
                required
                onChange={(e) =>
                  e.currentTarget.value && setQuietHours({ ...quiet, end: e.currentTarget.value })
                }
              />
            </label>
            <p className="muted small">{t('slaAlerts.quietExplained', { zone: quiet.timeZone })}</p>
          </div>
        ) : null}
      </fieldset>
      <BrowserPermission />
    </section>
  );
}

/** In a browser the page must ask for permission itself, and only from a click. */
function BrowserPermission() {
  const { t } = useTranslation();
  const supported = typeof Notification !== 'undefined';
  const [permission, setPermission] = useState(supported ? Notification.permission : 'denied');
  if (!supported || window.mesa) return null;
  if (permission === 'granted') return <p className="muted small">{t('slaAlerts.browserAllowed')}</p>;
  if (permission === 'denied') return <p className="muted small">{t('slaAlerts.browserDenied')}</p>;
  return (
    <button
      type="button"
      className="btn"
      onClick={() => void Notification.requestPermission().then(setPermission)}
    >
      {t('slaAlerts.browserAsk')}
    </button>
  );
}
