import type { TFunction } from 'i18next';
import type { SlaNotification } from './sla-watcher';

/** The words of an SLA notification, in the language on screen. */
export function notificationText(
  t: TFunction,
  n: SlaNotification,
  locale: string,
): { title: string; body: string } {
  const ticket = n.ticketNumber ?? t('slaAlerts.unsyncedTicket');
  const clock = t(n.clock === 'firstResponse' ? 'slaAlerts.firstResponse' : 'slaAlerts.resolution');
  const due = n.dueAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(n.dueAt)
    : '—';
  const title =
    n.threshold === 'breach'
      ? t('slaAlerts.breachTitle', { ticket, clock })
      : t('slaAlerts.warningTitle', { ticket, clock });
  return { title, body: t('slaAlerts.body', { title: n.ticketTitle, due }) };
}
