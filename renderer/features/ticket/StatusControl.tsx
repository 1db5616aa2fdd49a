import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REOPEN_WINDOW_DAYS,
  allowedNextStatuses,
  type Ticket,
  type TicketStatus,
} from '../../../shared/index';
import { useFormat } from '../../i18n/format';
import { useNow } from '../../stores/now-store';
import type { Refusal } from '../../i18n/refusals';
import { StatusBadge } from '../../ui/badges';
import { RefusalMessage } from '../../ui/RefusalMessage';
import { useUiStore } from '../../stores/ui-store';
import { predictTransition, type ActionResult } from './actions';
import { needsOwnerFirst } from './take-and-move';
import { ReasonDialog } from './dialogs/ReasonDialog';
import { ReopenDialog } from './dialogs/ReopenDialog';
import { ResolveDialog } from './dialogs/ResolveDialog';
import type { TransitionSubmit } from './dialogs/use-transition-form';

interface StatusControlProps {
  ticket: Pick<Ticket, 'number' | 'title' | 'status' | 'assigneeId' | 'resolvedAt'>;
  onTransition: TransitionSubmit;
  /** Takes an unassigned ticket for the signed-in agent and moves it (take-and-move.ts); absent when no one is signed in. */
  onTakeAndMove?(to: 'assigned' | 'in_progress'): Promise<ActionResult>;
}

type OpenDialog = 'resolved' | 'pending' | 'cancelled' | 'reopen' | null;

const isReopen = (from: TicketStatus, to: TicketStatus) => from === 'resolved' && to === 'in_progress';

/**
 * The ticket's status and exactly the statuses it may move to next. Moves that need words
 * (resolve, pending, cancel, reopen) open their dialog; the rest apply at once, and a
 * refusal appears right under these buttons.
 */
export function StatusControl({ ticket, onTransition, onTakeAndMove }: StatusControlProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // The palette asks for the resolve or pending dialog through the UI store; this control owns the dialogs.
  const requested = useUiStore((s) => s.statusDialog);
  const requestStatusDialog = useUiStore((s) => s.requestStatusDialog);
  const shown: OpenDialog = dialog ?? requested;
  const closeDialog = () => {
    setDialog(null);
    requestStatusDialog(null);
  };
  const [refusal, setRefusal] = useState<{ refusal: Refusal; to: TicketStatus } | null>(null);
  const next = allowedNextStatuses(ticket.status);
  const now = useNow(60_000);

  async function move(to: TicketStatus) {
    setRefusal(null);
    if (isReopen(ticket.status, to)) return setDialog('reopen');
    if (to === 'resolved' || to === 'pending' || to === 'cancelled') return setDialog(to);
    if (onTakeAndMove && needsOwnerFirst(ticket, to)) {
      const taken = await onTakeAndMove(to as 'assigned' | 'in_progress');
      if (!taken.ok) setRefusal({ refusal: { code: taken.code, message: taken.message }, to });
      return;
    }
    const predicted = predictTransition(ticket, to);
    const result = predicted.ok ? await onTransition(to, {}) : predicted;
    if (!result.ok) setRefusal({ refusal: { code: result.code, message: result.message }, to });
  }

  const reopenDeadline =
    ticket.status === 'resolved' && ticket.resolvedAt
      ? Date.parse(ticket.resolvedAt) + REOPEN_WINDOW_DAYS * 86_400_000
      : null;

  return (
    <section className="ticket-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="section-title">
        {t('ticket.status')}
      </h3>
      <div className="status-current">
        <StatusBadge status={ticket.status} />
      </div>
      {next.length === 0 ? (
        <p className="muted small">{t('ticket.noNextStatus')}</p>
      ) : (
        <div className="status-actions" role="group" aria-label={t('ticket.changeStatus')}>
          {next.map((to) => (
            <button
              key={to}
              type="button"
              className={`btn btn-small ${to === 'resolved' ? 'btn-primary' : ''}`}
              data-status-action={isReopen(ticket.status, to) ? 'reopen' : to}
              onClick={() => void move(to)}
            >
              {isReopen(ticket.status, to) ? t('statusAction.reopen') : t(`statusAction.${to}`)}
            </button>
          ))}
        </div>
      )}
      {reopenDeadline !== null ? (
        <p className="muted small">
          {reopenDeadline > now
            ? t('ticket.reopenUntil', { date: format.dateTime(reopenDeadline) })
            : t('ticket.reopenExpired', { date: format.dateTime(reopenDeadline) })}
        </p>
      ) : null}
      <RefusalMessage
        refusal={refusal?.refusal ?? null}
        context={{ from: ticket.status, to: refusal?.to ?? null }}
      />

      {shown === 'resolved' ? (
        <ResolveDialog ticket={ticket} onSubmit={onTransition} onClose={closeDialog} />
      ) : null}
      {shown === 'pending' || shown === 'cancelled' ? (
        <ReasonDialog to={shown} ticket={ticket} onSubmit={onTransition} onClose={closeDialog} />
      ) : null}
      {shown === 'reopen' ? (
        <ReopenDialog ticket={ticket} onSubmit={onTransition} onClose={closeDialog} />
      ) : null}
    </section>
  );
}
