import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/index';
import { useFormat } from '../../i18n/format';

/** The description as the requester wrote it (plain text, line breaks kept) and the outcome fields. */
export function TicketDetails({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  return (
    <section className="ticket-description" aria-labelledby={headingId}>
      <h2 id={headingId} className="section-title">
        {t('ticket.description')}
      </h2>
      <p className="description-text">{ticket.description.trim() || t('ticket.noDescription')}</p>
      <dl className="facts facts-inline">
        <dt>{t('ticket.created')}</dt>
        <dd>
          <time dateTime={ticket.createdAt}>{format.dateTime(ticket.createdAt)}</time>
        </dd>
        <dt>{t('ticket.updated')}</dt>
        <dd>
          <time dateTime={ticket.updatedAt}>{format.dateTime(ticket.updatedAt)}</time>
        </dd>
        {ticket.status === 'pending' && ticket.pendingReason ? (
          <>
            <dt>{t('ticket.pendingReason')}</dt>
            <dd>{ticket.pendingReason}</dd>
          </>
        ) : null}
        {ticket.resolutionNote && (ticket.status === 'resolved' || ticket.status === 'closed') ? (
          <>
            <dt>{t('ticket.resolutionNote')}</dt>
            <dd>
              {ticket.resolutionNote}
              {ticket.resolutionCode ? ` (${t(`resolutionCode.${ticket.resolutionCode}`)})` : ''}
            </dd>
          </>
        ) : null}
        {ticket.status === 'cancelled' && ticket.cancelReason ? (
          <>
            <dt>{t('ticket.cancelReason')}</dt>
            <dd>{ticket.cancelReason}</dd>
          </>
        ) : null}
        {ticket.feedback ? (
          <>
            <dt>{t('ticket.feedback')}</dt>
            <dd>
              {t('ticket.feedbackRating', { rating: ticket.feedback.rating })}
              {ticket.feedback.comment ? ` · ${ticket.feedback.comment}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
