import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/index';
import type { Rejection } from '../../data/db';
import { dismissRejection, listRejections, ticketById } from '../../data/ticket-queries';
import { useFormat } from '../../i18n/format';
import { refusalText } from '../../i18n/refusals';
import { useUiStore } from '../../stores/ui-store';
import { Dialog } from '../../ui/Dialog';

const MUTATION_LABELS = new Set(['ticket.create', 'ticket.update', 'ticket.assign', 'ticket.transition', 'comment.add', 'ticket.feedback', 'attachment.add']);
type LabelledMutation = 'ticket.create' | 'ticket.update' | 'ticket.assign' | 'ticket.transition' | 'comment.add' | 'ticket.feedback' | 'attachment.add';

const targetStatus = (rejection: Rejection): TicketStatus | null => {
  const to = (rejection.args as { to?: unknown } | null)?.to;
  return typeof to === 'string' && (TICKET_STATUSES as readonly string[]).includes(to) ? (to as TicketStatus) : null;
};

/** Every change the server refused, why (in the agent's words, then the server's), with a way to the ticket. */
export function RefusedChangesPanel({ onClose }: { onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const openTicket = useUiStore((s) => s.openTicket);
  const rows = useLiveQuery(async () => {
    const rejections = await listRejections(200);
    return Promise.all(rejections.map(async (r) => ({ rejection: r, ticket: r.ticketId ? await ticketById(r.ticketId) : undefined })));
  }, []);

  return (
    <Dialog
      title={t('refused.title')}
      onClose={onClose}
      size="wide"
      footer={
        <>
          {rows && rows.length > 0 ? (
            <button type="button" className="btn" onClick={() => void Promise.all(rows.map((r) => dismissRejection(r.rejection.id)))}>
              {t('refused.dismissAll')}
            </button>
          ) : null}
          <button type="button" className="btn btn-primary" onClick={onClose}>
            {t('app.close')}
          </button>
        </>
      }
    >
      <p className="muted">{t('refused.intro')}</p>
      {rows && rows.length === 0 ? <p>{t('refused.empty')}</p> : null}
      <ul className="plain-list refused-list" data-testid="refused-list">
        {rows?.map(({ rejection, ticket }) => {
          const kind = MUTATION_LABELS.has(rejection.type) ? t(`refused.mutation.${rejection.type as LabelledMutation}`) : t('refused.mutation.other');
          const label = ticket ? (ticket.number ?? ticket.title) : null;
          return (
            <li key={rejection.id} className="refused-item" data-code={rejection.code} data-testid="refused-item">
              <div className="refused-head">
                <strong>{kind}</strong>
                {label ? <span className="mono">{label}</span> : null}
                <time className="muted small" dateTime={rejection.at}>
                  {format.dateTime(rejection.at)}
                </time>
              </div>
              <p>{refusalText(t, { code: rejection.code, message: rejection.message }, { to: targetStatus(rejection) })}</p>
              {rejection.message ? <p className="muted small">{t('refused.serverSaid', { message: rejection.message })}</p> : null}
              <div className="refused-actions">
                {ticket ? (
                  <button type="button" className="btn btn-small" onClick={() => openTicket(ticket.id)}>
                    {t('refused.openTicket', { ticket: label ?? '' })}
                  </button>
                ) : null}
                <button type="button" className="btn btn-small btn-ghost" onClick={() => void dismissRejection(rejection.id)}>
                  {t('refused.dismiss')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
    </Dialog>
  );
}
