import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/index';
import type { CachedTicket, Rejection } from '../../data/db';
import { copyableText, refusedWorkOf } from '../../data/refused-work';
import { dismissRejection } from '../../data/ticket-queries';
import { useFormat } from '../../i18n/format';
import { refusalText } from '../../i18n/refusals';
import { useUiStore } from '../../stores/ui-store';
import { AttachProblems } from '../../attachments/AttachProblems';
import type { AttachResult } from '../../attachments/attach-files';
import { attachAgain, canReturnTo, newTicketSeedOf, reopenAsDraft } from './refused-work-actions';
import { RefusedWorkView } from './RefusedWorkView';

const MUTATION_LABELS = new Set([
  'ticket.create',
  'ticket.update',
  'ticket.assign',
  'ticket.transition',
  'comment.add',
  'ticket.feedback',
  'attachment.add',
]);
type LabelledMutation =
  | 'ticket.create'
  | 'ticket.update'
  | 'ticket.assign'
  | 'ticket.transition'
  | 'comment.add'
  | 'ticket.feedback'
  | 'attachment.add';

const targetStatus = (rejection: Rejection): TicketStatus | null => {
  const to = (rejection.args as { to?: unknown } | null)?.to;
  return typeof to === 'string' && (TICKET_STATUSES as readonly string[]).includes(to)
    ? (to as TicketStatus)
    : null;
};

/**
 * One refused change: what it was, why the server said no, and (when it carried the agent's
 * words or files) that work with every way to keep it. Dismissing such a refusal asks first.
 */
export function RefusedItem({
  rejection,
  ticket,
}: {
  rejection: Rejection;
  ticket: CachedTicket | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const openTicket = useUiStore((s) => s.openTicket);
  const openNewTicket = useUiStore((s) => s.openNewTicket);
  const showToast = useUiStore((s) => s.showToast);
  const [confirming, setConfirming] = useState(false);
  const [attachOutcome, setAttachOutcome] = useState<AttachResult | null>(null);
  const keepButton = useRef<HTMLButtonElement>(null);
  const work = refusedWorkOf(rejection);
  const kind = MUTATION_LABELS.has(rejection.type)
    ? t(`refused.mutation.${rejection.type as LabelledMutation}`)
    : t('refused.mutation.other');
  const label = ticket ? (ticket.number ?? ticket.title) : null;
  const open = canReturnTo(ticket) ? ticket : null;

  useEffect(() => {
    if (confirming) keepButton.current?.focus();
  }, [confirming]);

  async function copy() {
    if (!work) return;
    try {
      await navigator.clipboard.writeText(copyableText(work));
      showToast('info', t('refused.copied'));
    } catch {
      showToast('error', t('refused.copyFailed'));
    }
  }

  async function attach() {
    if (work?.kind !== 'file' || !open) return;
    const result = await attachAgain(rejection, work.files, open.id);
    if (result.refused || result.problems.length > 0) setAttachOutcome(result);
    else openTicket(open.id);
  }

  return (
    <li className="refused-item" data-code={rejection.code} data-testid="refused-item">
      <div className="refused-head">
        <strong>{kind}</strong>
        {label ? <span className="mono">{label}</span> : null}
        <time className="muted small" dateTime={rejection.at}>
          {format.dateTime(rejection.at)}
        </time>
      </div>
      <p>
        {refusalText(
          t,
          { code: rejection.code, message: rejection.message },
          { to: targetStatus(rejection) },
        )}
      </p>
      {rejection.message ? (
        <p className="muted small">{t('refused.serverSaid', { message: rejection.message })}</p>
      ) : null}
      {work ? <RefusedWorkView work={work} /> : null}
      {work && work.kind !== 'ticket' && ticket && !open ? (
        <p className="small">
          {work.kind === 'file' ? t('refused.ticketTakesNoFiles') : t('refused.ticketTakesNoMore')}
        </p>
      ) : null}
      <AttachProblems
        problems={attachOutcome?.problems ?? []}
        refusal={attachOutcome?.refused ?? null}
        onDismiss={() => setAttachOutcome(null)}
      />
      {confirming ? (
        <div className="refused-confirm" role="group" aria-label={t('refused.confirmTitle')}>
          <p>{t('refused.confirmDismiss')}</p>
          <button
            ref={keepButton}
            type="button"
            className="btn btn-small"
            onClick={() => setConfirming(false)}
          >
            {t('refused.keep')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-danger"
            onClick={() => void dismissRejection(rejection.id)}
          >
            {t('refused.deleteForGood')}
          </button>
        </div>
      ) : (
        <div className="refused-actions">
          {ticket ? (
            <button type="button" className="btn btn-small" onClick={() => openTicket(ticket.id)}>
              {t('refused.openTicket', { ticket: label ?? '' })}
            </button>
          ) : null}
          {work && work.kind !== 'file' ? (
            <button type="button" className="btn btn-small" onClick={() => void copy()}>
              {t('refused.copy')}
            </button>
          ) : null}
          {work?.kind === 'reply' && open ? (
            <button
              type="button"
              className="btn btn-small btn-primary"
              onClick={() => void reopenAsDraft(rejection, work, open.id)}
            >
              {t('refused.reopenDraft')}
            </button>
          ) : null}
          {work?.kind === 'file' && open ? (
            <button type="button" className="btn btn-small btn-primary" onClick={() => void attach()}>
              {t('refused.attachAgain')}
            </button>
          ) : null}
          {work && work.kind !== 'file' ? (
            <button
              type="button"
              className="btn btn-small"
              onClick={() => openNewTicket(newTicketSeedOf(rejection, work, ticket))}
            >
              {t('refused.newTicket')}
            </button>
          ) : null}
          <button
            type="button"
            className="btn btn-small btn-ghost"
            onClick={() => (work ? setConfirming(true) : void dismissRejection(rejection.id))}
          >
            {t('refused.dismiss')}
          </button>
        </div>
      )}
    </li>
  );
}
