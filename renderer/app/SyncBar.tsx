import { useShallow } from 'zustand/react/shallow';
import { getMesa } from '../bridge/bridge';
import { useSetSession } from '../features/connect/use-session';
import { useSyncStore } from '../sync/sync-store';

const CONNECTIVITY_TEXT: Record<string, string> = {
  online: 'Online',
  offline: 'Offline',
  reconnecting: 'Reconnecting…',
  signed_out: 'Signed out',
};

/** Connection, unsent changes, last sync, and storage trouble, always in sight. */
export function SyncBar({ agentName }: { agentName: string }) {
  const sync = useSyncStore(
    useShallow((s) => ({
      connectivity: s.connectivity,
      pendingCount: s.pendingCount,
      lastSyncAt: s.lastSyncAt,
      pulling: s.pulling,
      pushing: s.pushing,
      bootstrap: s.bootstrap,
      storageError: s.storageError,
      storagePersisted: s.storagePersisted,
    })),
  );
  const setSession = useSetSession();
  const connectivity = sync.connectivity ?? 'offline';

  return (
    <header className="sync-bar" aria-label="Sync status">
      <span role="status" data-testid="sync-connectivity" data-state={connectivity}>
        {CONNECTIVITY_TEXT[connectivity] ?? connectivity}
      </span>
      <span data-testid="sync-pending" data-count={sync.pendingCount}>
        {sync.pendingCount === 0 ? 'All changes synced' : `${sync.pendingCount} change${sync.pendingCount === 1 ? '' : 's'} not synced`}
      </span>
      <span data-testid="sync-last">
        {sync.pulling || sync.pushing ? 'Syncing…' : sync.lastSyncAt ? `Last sync ${new Date(sync.lastSyncAt).toLocaleTimeString()}` : 'Not synced yet'}
      </span>
      {sync.bootstrap.active ? <span data-testid="sync-bootstrap">Loading tickets… ({sync.bootstrap.changes} changes)</span> : null}
      {sync.storageError ? (
        <span role="alert" data-testid="storage-error">
          Cannot save on this computer: {sync.storageError.message}
        </span>
      ) : null}
      {sync.storagePersisted === false ? <span data-testid="storage-not-persisted">The browser may clear the offline copy under storage pressure.</span> : null}
      <span className="sync-bar-agent">{agentName}</span>
      <button type="button" onClick={() => void getMesa().logout(undefined).then(setSession)} data-testid="sign-out">
        Sign out
      </button>
    </header>
  );
}
