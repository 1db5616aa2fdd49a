import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useSyncStore } from '../../sync/sync-store';

/**
 * The first sign-in's fill: tickets on this computer out of the snapshot's total, how many
 * are left, and how fast they arrive. The queues already show what has arrived; this says
 * how much of the history is still on its way.
 */
export function BootstrapProgress() {
  const { t, i18n } = useTranslation();
  const { tickets, rate } = useSyncStore(
    useShallow((s) => ({
      tickets: s.bootstrap.active ? s.bootstrap.tickets : null,
      rate: s.bootstrap.ticketsPerSecond,
    })),
  );
  const number = useMemo(
    () => new Intl.NumberFormat(i18n.resolvedLanguage ?? i18n.language, { maximumFractionDigits: 0 }),
    [i18n.resolvedLanguage, i18n.language],
  );
  if (!tickets || tickets.total === 0) return null;
  const values = {
    cached: number.format(tickets.sent),
    total: number.format(tickets.total),
    remaining: number.format(Math.max(0, tickets.total - tickets.sent)),
    rate: rate === null ? '' : number.format(rate),
  };
  return (
    <span className="sync-bootstrap" data-testid="bootstrap-progress">
      <span
        className="sync-bootstrap-track"
        role="progressbar"
        aria-label={t('sync.bootstrap.label')}
        aria-valuemin={0}
        aria-valuemax={tickets.total}
        aria-valuenow={tickets.sent}
        aria-valuetext={t('sync.bootstrap.value', values)}
      >
        <span
          className="sync-bootstrap-fill"
          style={{ transform: `scaleX(${Math.min(1, tickets.sent / tickets.total)})` }}
        />
      </span>
      <span className="sync-bootstrap-text">
        {t(rate === null ? 'sync.bootstrap.status' : 'sync.bootstrap.statusRate', values)}
      </span>
    </span>
  );
}
