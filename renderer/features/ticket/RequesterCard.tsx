import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket } from '../../../shared/index';

/** Who asked, and how to reach them: mailto/tel links so one click starts the call or mail. */
export function RequesterCard({ ticket }: { ticket: Pick<Ticket, 'requester' | 'channel'> }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { name, email, phone } = ticket.requester;
  return (
    <section className="ticket-section requester-card" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t('ticket.requester')}
      </h3>
      <p className="requester-name">{name}</p>
      <dl className="facts">
        <dt>{t('ticket.email')}</dt>
        <dd>
          <a href={`mailto:${email}`}>{email}</a>
        </dd>
        {phone ? (
          <>
            <dt>{t('ticket.phone')}</dt>
            <dd>
              <a href={`tel:${phone.replace(/[^\d+]/g, '')}`}>{phone}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('ticket.channel')}</dt>
        <dd>{t(`channel.${ticket.channel}`)}</dd>
      </dl>
    </section>
  );
}
