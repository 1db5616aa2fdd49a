import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/index';
import { selectedIdsOf, useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { useAgents, useMe } from '../reference/use-reference-data';
import { BulkActionDialog } from './BulkActionDialog';
import { BulkResultDialog } from './BulkResultDialog';
import { runBulk, type BulkAction, type BulkOutcome } from './run-bulk';

type Asking = { kind: 'classify' } | { kind: 'status'; to: TicketStatus } | null;

const NEEDS_WORDS: ReadonlySet<TicketStatus> = new Set(['pending', 'cancelled', 'resolved']);

/** Shown while tickets are ticked: one action for all of them, and a report of any refusals. */
export function BulkBar() {
  const { t } = useTranslation();
  const assignSelectId = useId();
  const statusSelectId = useId();
  const selected = useQueueStore((s) => s.selected);
  const clearSelection = useQueueStore((s) => s.clearSelection);
  const selectMany = useQueueStore((s) => s.selectMany);
  const openTicket = useUiStore((s) => s.openTicket);
  const agents = useAgents();
  const { session } = useMe();
  const [asking, setAsking] = useState<Asking>(null);
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = selectedIdsOf(selected);

  async function run(action: BulkAction) {
    setAsking(null);
    setBusy(true);
    try {
      const result = await runBulk(ids, action);
      // Refused tickets stay ticked, so the agent can fix them and try again.
      clearSelection();
      selectMany(result.refused.map((r) => r.ticketId));
      setOutcome(result);
    } finally {
      setBusy(false);
    }
  }

  if (ids.length === 0 && !outcome) return null;
  const activeAgents = agents.filter((a) => a.active).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      {ids.length > 0 ? (
        <div className="bulk-bar" role="toolbar" aria-label={t('bulk.toolbar')} data-testid="bulk-bar">
          <span className="bulk-count" aria-live="polite">
            {t('bulk.selected', { count: ids.length })}
          </span>
          {session ? (
            <button
              type="button"
              className="btn btn-small"
              disabled={busy}
              onClick={() => void run({ kind: 'assign', assigneeId: session.id })}
            >
              {t('bulk.assignToMe')}
            </button>
          ) : null}
          <label htmlFor={assignSelectId} className="visually-hidden">
            {t('bulk.assign')}
          </label>
          <select
            id={assignSelectId}
            className="select select-small"
            value=""
            disabled={busy}
            onChange={(e) =>
              e.target.value &&
              void run({ kind: 'assign', assigneeId: e.target.value === 'none' ? null : e.target.value })
            }
          >
            <option value="">{t('bulk.assign')}</option>
            <option value="none">{t('filters.unassigned')}</option>
            {activeAgents.map((agent) => (
              <option key={agent.id} value={agent.id}>
                {agent.name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => setAsking({ kind: 'classify' })}
          >
            {t('bulk.setImpactUrgency')}
          </button>
          <label htmlFor={statusSelectId} className="visually-hidden">
            {t('bulk.setStatus')}
          </label>
          <select
            id={statusSelectId}
            className="select select-small"
            value=""
            disabled={busy}
            onChange={(e) => {
              const to = e.target.value as TicketStatus;
              if (!to) return;
              if (NEEDS_WORDS.has(to)) setAsking({ kind: 'status', to });
              else void run({ kind: 'status', to });
            }}
          >
            <option value="">{t('bulk.setStatus')}</option>
            {TICKET_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
          <button type="button" className="btn btn-ghost btn-small" onClick={clearSelection}>
            {t('bulk.clearSelection')}
          </button>
        </div>
      ) : null}
      {asking ? (
        <BulkActionDialog
          asking={asking}
          count={ids.length}
          onApply={(action) => void run(action)}
          onClose={() => setAsking(null)}
        />
      ) : null}
      {outcome ? (
        <BulkResultDialog
          outcome={outcome}
          onClose={() => setOutcome(null)}
          onOpenTicket={(id) => {
            setOutcome(null);
            openTicket(id);
          }}
        />
      ) : null}
    </>
  );
}
