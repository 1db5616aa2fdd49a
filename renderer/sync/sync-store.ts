import { create, type StoreApi } from 'zustand';
import type { Connectivity } from '../../shared/index';

/**
 * What the agent is shown about syncing, written only by the sync coordinator (and the
 * storage checks) and read by the UI with narrow selectors. Cached entities are not here:
 * they live in Dexie and are read with live queries.
 */
export interface SyncState {
  /** From the main process: 'online' | 'offline' | 'reconnecting' | 'signed_out'; null before the first answer. */
  connectivity: Connectivity['state'] | null;
  /** The main process's last connection error, for a tooltip. */
  connectivityError: string | null;
  /** Outbox entries not yet answered by the server. */
  pendingCount: number;
  /**
   * The tickets those entries touch: the "not synced" mark. A ticket row's own pendingCount
   * drops only when the pull after the push brings the server's copy; the mark should not wait.
   */
  queuedTicketIds: ReadonlySet<string>;
  /** When a pull last completed (ISO). */
  lastSyncAt: string | null;
  pulling: boolean;
  pushing: boolean;
  /**
   * While the cache is first filled: how far it got (cursor) and where the server is (target,
   * when known); during the snapshot, its tickets stored out of its total, and how many a
   * second this run stores (null until two pages are in).
   */
  bootstrap: {
    active: boolean;
    cursor: number;
    target: number | null;
    changes: number;
    tickets: { sent: number; total: number } | null;
    ticketsPerSecond: number | null;
  };
  /** The last sync failure (code + message), cleared by the next success. */
  lastError: { code: string; message: string; at: string } | null;
  /** The cache could not be written (quota / disk full): the agent must be told; cleared by a later successful write. */
  storageError: { message: string; at: string } | null;
  /** navigator.storage.persist(): true when the browser promised not to evict the cache; null until asked. */
  storagePersisted: boolean | null;
  /** Refusals recorded by the last pushes (the full list is the `rejections` table). */
  lastRejectedCount: number;
}

export const initialSyncState: SyncState = {
  connectivity: null,
  connectivityError: null,
  pendingCount: 0,
  queuedTicketIds: new Set(),
  lastSyncAt: null,
  pulling: false,
  pushing: false,
  bootstrap: { active: false, cursor: 0, target: null, changes: 0, tickets: null, ticketsPerSecond: null },
  lastError: null,
  storageError: null,
  storagePersisted: null,
  lastRejectedCount: 0,
};

/** The part of a zustand store the coordinator writes through (tests pass their own). */
export type SyncStateStore = Pick<StoreApi<SyncState>, 'getState' | 'setState'>;

export const useSyncStore = create<SyncState>()(() => ({ ...initialSyncState }));

/** True while a change to this ticket waits in the outbox (the server has not answered for it). */
export const useHasQueuedChanges = (ticketId: string): boolean =>
  useSyncStore((s) => s.queuedTicketIds.has(ticketId));

/**
 * The cache has never finished a pull and one may still come: an empty list means "not
 * here yet", not "none". Offline, signed out, or after a failure, the agent is told the truth instead.
 */
export const firstPullPending = (s: Pick<SyncState, 'lastSyncAt' | 'lastError' | 'connectivity'>): boolean =>
  s.lastSyncAt === null &&
  s.lastError === null &&
  s.connectivity !== 'offline' &&
  s.connectivity !== 'signed_out';
