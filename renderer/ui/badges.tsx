import { useTranslation } from 'react-i18next';
import type { Presence, Priority, TicketStatus } from '../../shared/index';
import './badges.css';
import { Icon } from './Icon';

export function PriorityBadge({ priority, compact = false }: { priority: Priority; compact?: boolean }) {
  const { t } = useTranslation();
  return (
    <span className={`badge priority-badge p${priority}`} data-priority={priority}>
      {compact ? (
        <>
          <span aria-hidden="true">{t('priority.short', { priority })}</span>
          <span className="visually-hidden">{t(`priority.p${priority}`)}</span>
        </>
      ) : (
        t(`priority.p${priority}`)
      )}
    </span>
  );
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge status-badge status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

/** Marks a ticket with changes still in the outbox, or created here and never synced. */
export function NotSyncedMark({ pending }: { pending: boolean }) {
  const { t } = useTranslation();
  if (!pending) return null;
  return (
    <span className="not-synced" title={t('queue.notSynced')} data-testid="not-synced">
      <Icon name="sync" size={11} />
      <span className="visually-hidden">{t('queue.notSynced')}</span>
    </span>
  );
}

export function PresenceDot({ presence }: { presence: Presence }) {
  const { t } = useTranslation();
  return (
    <span className={`presence presence-${presence}`} title={t(`presence.${presence}`)}>
      <span className="visually-hidden">{t(`presence.${presence}`)}</span>
    </span>
  );
}
