import i18next from 'i18next';
import { getMesa } from '../../bridge/bridge';
import { getDb } from '../../data/app-db';
import { adoptOsLocale, initI18n } from '../../i18n/i18n';
import { startAppSlaAlerts } from '../../notifications/app-sla-alerts';
import { listenForOpenTicket } from '../../notifications/open-ticket-requests';
import { applyTheme, usePrefsStore } from '../../stores/prefs-store';
import { useUiStore } from '../../stores/ui-store';
import '../../theme/tokens.css';
import '../../theme/base.css';

/**
 * What the console's UI needs before the first render: the language (stored choice, else
 * the browser's locale at once, then in the desktop app the OS locale when main answers)
 * and the agent's pinned theme, if any.
 */
export function startConsoleUi(): void {
  initI18n();
  applyTheme(usePrefsStore.getState().theme);
  getMesa()
    .getAppInfo(undefined)
    // In a browser, navigator.language is the agent's own browser; the browser host's
    // locale is the server machine's. Only the desktop app reports the agent's OS.
    .then((info) => info.host === 'electron' && adoptOsLocale(info.locale))
    .catch(() => {
      // The browser's own locale already chose a language; nothing to correct.
    });
}

/**
 * Native SLA notifications and "open this ticket" requests (a clicked notification, a
 * mesa:// link) both land in the ticket view.
 */
export function startConsoleServices(): () => void {
  const openTicket = (ticketId: string) => useUiStore.getState().openTicket(ticketId);
  const stopAlerts = startAppSlaAlerts({
    api: getMesa(),
    db: getDb(),
    t: i18next.t.bind(i18next),
    locale: () => i18next.resolvedLanguage ?? i18next.language,
    openTicket,
  });
  const stopListening = listenForOpenTicket(getMesa(), getDb(), openTicket, (number) =>
    useUiStore.getState().showToast('error', i18next.t('ticket.notFound') + ` (${number})`),
  );
  return () => {
    stopAlerts();
    stopListening();
  };
}
