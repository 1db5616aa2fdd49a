import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { toCachedTicket } from '../data/cached-ticket';
import type { MesaDb } from '../data/db';
import { readCursor } from '../data/meta';
import { requestPersistentStorage } from '../data/persistent-storage';
import { makeTicket } from '../data/testing/make-ticket';
import { seedSession } from '../data/testing/seed-session';
import { freshDb } from '../data/testing/test-db';
import { SyncCoordinator } from './sync-coordinator';
import { initialSyncState, type SyncState } from './sync-store';
import { stubMesaApi } from './testing/stub-mesa-api';
import { ticketById } from '../data/ticket-queries';

/** A full disk is not swallowed: the agent is told, and nothing half-written remains. */

const quotaExceeded = (): never => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

let db: MesaDb;
let store: StoreApi<SyncState>;
let coordinator: SyncCoordinator | null = null;

beforeEach(() => {
  db = freshDb();
  store = createStore<SyncState>()(() => ({ ...initialSyncState }));
});

afterEach(async () => {
  await coordinator?.stop();
  coordinator = null;
  await db.delete();
});

describe('storage errors', () => {
  it('a change that cannot be stored is refused with storage_full and shown in the store', async () => {
    const agent = await seedSession(db);
    const ticket = makeTicket();
    coordinator = new SyncCoordinator({ api: stubMesaApi({ agent }), db, store, retryIntervalMs: 0 });
    await db.tickets.put(toCachedTicket(ticket, { server: ticket, pendingCount: 0, policy: null }));
    db.outbox.hook('creating', quotaExceeded);

    const outcome = await coordinator.mutate('ticket.update', { ticketId: ticket.id, title: 'Will not fit' });
    expect(outcome).toMatchObject({ ok: false, code: 'storage_full' });
    expect(store.getState().storageError?.message).toBeTruthy();
    expect(await ticketById(ticket.id, db)).toMatchObject({ title: ticket.title, pendingCount: 0 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('a pulled page that cannot be stored leaves the cursor and is shown in the store', async () => {
    const agent = await seedSession(db);
    const ticket = makeTicket();
    const page = {
      changes: [{ seq: 5, entity: 'ticket' as const, id: ticket.id, op: 'upsert' as const, data: ticket }],
      cursor: 5,
      hasMore: false,
    };
    coordinator = new SyncCoordinator({
      api: stubMesaApi({ agent, pages: [page] }),
      db,
      store,
      retryIntervalMs: 0,
    });
    db.relaxed.pages.hook('creating', quotaExceeded);

    await coordinator.start();
    await coordinator.whenIdle();
    expect(store.getState().storageError).not.toBeNull();
    expect(store.getState().lastError?.code).toBe('storage_full');
    expect(await readCursor(db)).toBe(0);
    expect(await ticketById(ticket.id, db)).toBeUndefined();
  });
});

describe('requestPersistentStorage', () => {
  it('asks only when not yet persisted, and reports the answer', async () => {
    const asked: string[] = [];
    const storage = (persisted: boolean, grant: boolean) =>
      ({
        persisted: async () => (asked.push('persisted'), persisted),
        persist: async () => (asked.push('persist'), grant),
      }) as unknown as StorageManager;
    expect(await requestPersistentStorage(storage(true, false))).toBe(true);
    expect(asked).toEqual(['persisted']);
    expect(await requestPersistentStorage(storage(false, false))).toBe(false);
    expect(await requestPersistentStorage(undefined)).toBeNull();
  });
});
