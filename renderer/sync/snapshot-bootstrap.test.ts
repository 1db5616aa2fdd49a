import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import type { Ticket } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { readCursor, readMeta } from '../data/meta';
import { queueQuery } from '../data/queue-query';
import { cachedComments, cachedTickets } from '../data/testing/cache-contents';
import { freshDb } from '../data/testing/test-db';
import { SyncCoordinator } from './sync-coordinator';
import { initialSyncState, type SyncState } from './sync-store';
import { HttpMesaApi } from './testing/http-mesa-api';
import { readServer } from './testing/server-view';

/**
 * A first sign-in filled from the server's snapshot, with the real coordinator, the real
 * Dexie cache and a real backend process: the agent's open tickets are there after the first
 * page, a reload resumes where the last stored page ended, and the cache ends equal to the
 * server's, changes made meanwhile included.
 */

let backend: BackendProcess;
const opened: Array<{ coordinator: SyncCoordinator; db: MesaDb }> = [];
const OPEN = new Set(['new', 'assigned', 'in_progress', 'pending']);

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true, demoTickets: 240 });
});

afterAll(async () => {
  await backend?.stop();
});

afterEach(async () => {
  for (const { coordinator, db } of opened.splice(0)) {
    await coordinator.stop();
    await db.delete();
  }
});

async function signIn(email: string): Promise<HttpMesaApi> {
  const api = new HttpMesaApi(backend.url);
  await api.login({ serverUrl: backend.url, email, password: 'mesa-demo' });
  return api;
}

function console_(
  api: HttpMesaApi,
  db: MesaDb,
): { coordinator: SyncCoordinator; store: StoreApi<SyncState> } {
  const store = createStore<SyncState>()(() => ({ ...initialSyncState }));
  const coordinator = new SyncCoordinator({ api, db, store, retryIntervalMs: 0, snapshotPageSize: 25 });
  opened.push({ coordinator, db });
  return { coordinator, store };
}

/** Resolves once the coordinator has stored `pages` snapshot pages, and stops it there (a reload). */
function stopAfterPages(
  store: StoreApi<SyncState>,
  coordinator: SyncCoordinator,
  pages: number,
): Promise<void> {
  let seen = 0;
  return new Promise((resolve) => {
    const unsubscribe = store.subscribe((state, before) => {
      if (state.bootstrap.tickets === before.bootstrap.tickets || !state.bootstrap.tickets) return;
      seen += 1;
      if (seen < pages) return;
      unsubscribe();
      void coordinator.stop().then(resolve);
    });
  });
}

async function expectSameAsServer(db: MesaDb, api: HttpMesaApi): Promise<void> {
  const server = await readServer(api);
  expect(await readCursor(db)).toBe(server.cursor);
  const tickets = new Map((await cachedTickets(db)).map((ticket) => [ticket.id, ticket]));
  expect(tickets.size).toBe(server.tickets.size);
  expect((await cachedComments(db)).length).toBe(server.comments.size);
  for (const [id, ticket] of server.tickets) expect(tickets.get(id)?.status, id).toBe(ticket.status);
  expect(await readMeta(db, 'snapshot')).toBeUndefined();
}

describe('first sign-in from the snapshot', () => {
  it('shows the agent’s open tickets after the first page, resumes after a reload, and ends with every ticket', async () => {
    const api = await signIn('agent@example.com');
    const agentId = (await api.getSession()).agent!.id;
    const db = freshDb();
    const first = console_(api, db);
    const stopped = stopAfterPages(first.store, first.coordinator, 1);
    await first.coordinator.start();
    await stopped;

    // Usable already: the agent's queue has rows, every ticket stored so far is open, and the history is still to come.
    const stored = await cachedTickets(db);
    const server = await readServer(api);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThan(server.tickets.size);
    expect(stored.every((t) => OPEN.has(t.status))).toBe(true);
    expect((await queueQuery({ kind: 'mine', agentId, limit: 50 }, db)).length).toBeGreaterThan(0);
    const saved = await readMeta(db, 'snapshot');
    expect(saved).toMatchObject({ sent: stored.length, total: server.tickets.size });
    expect(await readCursor(db)).toBe(0);

    // The reload: a fresh coordinator on the same cache goes on from the stored cursor.
    const snapshot = vi.spyOn(api, 'snapshot');
    const second = console_(api, db);
    const progress: number[] = [];
    second.store.subscribe((state) => {
      if (state.bootstrap.tickets) progress.push(state.bootstrap.tickets.sent);
    });
    await second.coordinator.start();
    await second.coordinator.whenIdle();
    expect(snapshot.mock.calls[0]![0].cursor).toBe(saved!.cursor);
    expect(progress[0]).toBe(saved!.sent);
    expect(Math.min(...progress)).toBe(saved!.sent);
    expect(progress.at(-1)).toBe(server.tickets.size);
    expect(second.store.getState().bootstrap).toMatchObject({ active: false, tickets: null });
    await expectSameAsServer(db, api);
  });

  it('brings what others change during the snapshot, and holds the agent’s own changes until it is stored', async () => {
    const api = await signIn('agent@example.com');
    const admin = await signIn('admin@example.com');
    const db = freshDb();
    const { coordinator, store } = console_(api, db);
    const stopped = stopAfterPages(store, coordinator, 1);
    await coordinator.start();
    await stopped;

    // Someone else resolves a ticket this cache already holds; the agent comments on another.
    const [theirs, ours] = (await cachedTickets(db)).filter(
      (t) => t.status === 'in_progress' && t.assigneeId,
    );
    expect(theirs && ours, 'the first page holds two tickets in progress').toBeTruthy();
    const resolve = {
      id: crypto.randomUUID(),
      type: 'ticket.transition',
      args: { ticketId: theirs!.id, to: 'resolved', resolutionNote: 'Reiniciado el servidor' },
    };
    expect((await admin.push({ clientId: 'admin-console', mutations: [resolve] })).results[0]!.status).toBe(
      'applied',
    );

    const push = vi.spyOn(api, 'push');
    const again = console_(api, db);
    const pushesDuringSnapshot: number[] = [];
    again.store.subscribe((state, before) => {
      if (state.bootstrap.tickets && state.bootstrap.tickets !== before.bootstrap.tickets)
        pushesDuringSnapshot.push(push.mock.calls.length);
    });
    await again.coordinator.start();
    const commentId = crypto.randomUUID();
    const outcome = await again.coordinator.mutate('comment.add', {
      ticketId: ours!.id,
      commentId,
      body: 'Lo miro ahora',
      visibility: 'public',
    });
    expect(outcome.ok).toBe(true);
    await again.coordinator.whenIdle();
    await again.coordinator.sync();

    expect(pushesDuringSnapshot.every((n) => n === 0)).toBe(true);
    expect(push).toHaveBeenCalled();
    expect((await cachedTickets(db)).find((t) => t.id === theirs!.id)?.status).toBe('resolved');
    const server = await readServer(api);
    expect(server.comments.get(commentId)?.body).toBe('Lo miro ahora');
    expect((server.tickets.get(theirs!.id) as Ticket).status).toBe('resolved');
    await expectSameAsServer(db, api);
  });
});
