import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { getDb } from '../../data/app-db';
import { useFormat } from '../../i18n/format';
import { appSyncCoordinator } from '../../sync/app-sync';
import { useSyncStore } from '../../sync/sync-store';
import { useNow } from '../../stores/now-store';
import { useUiStore } from '../../stores/ui-store';
import './sync-status.css';
import { Icon } from '../../ui/Icon';
import { BootstrapProgress } from './BootstrapProgress';

/**
 * Always visible in the top bar: connection, pending changes, last sync, and refusals.
 * A polite live region, so a screen reader hears "Sin conexión" without being interrupted.
 */
export function SyncStatus() {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow(15_000);
  const { connectivity, pendingCount, lastSyncAt, busy, storageError } = useSyncStore(
    useShallow((s) => ({
      connectivity: s.connectivity,
      pendingCount: s.pendingCount,
      lastSyncAt: s.lastSyncAt,
      busy: s.pulling || s.pushing || s.bootstrap.active,
      storageError: s.storageError,
    })),
  );
  const refusedCount = useLiveQuery(() => getDb().rejections.count(), [], 0);
  const setOverlay = useUiStore((s) => s.setOverlay);
  const state = connectivity ?? 'reconnecting';

  return (
    <div className="sync-status" role="region" aria-label={t('sync.region')}>
      <span className={`sync-pill sync-${state}`} role="status" data-testid="connectivity" data-state={state}>
        <span className="sync-dot" aria-hidden="true" />
        {busy && state === 'online' ? t('sync.syncing') : t(`sync.${state}`)}
      </span>
      <span
        className={`sync-pending ${pendingCount > 0 ? 'has-pending' : ''}`}
        data-testid="pending-count"
        data-count={pendingCount}
      >
        {pendingCount > 0 ? t('sync.pending', { count: pendingCount }) : t('sync.allSynced')}
      </span>
      <span className="sync-last muted" data-testid="last-sync">
        {lastSyncAt
          ? t('sync.lastSync', { time: format.relative(Math.min(Date.parse(lastSyncAt), now), now) })
          : t('sync.never')}
      </span>
      <BootstrapProgress />
      {pendingCount > 0 && state === 'online' && !busy ? (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => void appSyncCoordinator()?.sync()}
        >
          <Icon name="sync" /> {t('sync.syncNow')}
        </button>
      ) : null}
      {refusedCount > 0 ? (
        <button
          type="button"
          className="btn btn-small sync-refused"
          onClick={() => setOverlay('refused')}
          data-testid="refused-button"
        >
          <Icon name="alert" />
          {t('sync.refused', { count: refusedCount })}
        </button>
      ) : null}
      {storageError ? (
        <p className="refusal sync-storage" role="alert">
          {t('sync.quota')}
        </p>
      ) : null}
    </div>
  );
}
