import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { MesaError } from '../../shared/index';
import { serverCopyOf } from '../data/cached-ticket';
import type { MesaDb } from '../data/db';
import { readCursor } from '../data/meta';
import { queueQuery } from '../data/queue-query';
import { testUuid } from '../data/testing/make-ticket';
import { freshDb } from '../data/testing/test-db';
import { SyncCoordinator } from './sync-coordinator';
import { initialSyncState, type SyncState } from './sync-store';
import { HttpMesaApi } from './testing/http-mesa-api';
import { readServer } from './testing/server-view';
import { commentsOfTicket, ticketById } from '../data/ticket-queries';
import { cachedComments, cachedTickets } from '../data/testing/cache-contents';

/**
 * The coordinator and the Dexie cache, real, against a real backend process with the demo
 * data; only the transport is a test stand-in for the main process (HttpMesaApi).
 */

let backend: BackendProcess;
const opened: Array<{ coordinator: SyncCoordinator; db: MesaDb }> = [];

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true });
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

interface Client {
  api: HttpMesaApi;
  db: MesaDb;
  store: StoreApi<SyncState>;
  coordinator: SyncCoordinator;
}

async function signIn(email: string): Promise<HttpMesaApi> {
  const api = new HttpMesaApi(backend.url);
  await api.login({ serverUrl: backend.url, email, password: 'mesa-demo' });
  return api;
}

/** A console: signed in, its cache filled by a first sync. */
async function openClient(
  options: { email?: string; db?: MesaDb; pageSize?: number; pushBatchSize?: number; api?: HttpMesaApi } = {},
): Promise<Client> {
  const api = options.api ?? (await signIn(options.email ?? 'agent@example.com'));
  const db = options.db ?? freshDb();
  const store = createStore<SyncState>()(() => ({ ...initialSyncState }));
  const coordinator = new SyncCoordinator({
    api,
    db,
    store,
    retryIntervalMs: 0,
    pageSize: options.pageSize,
    pushBatchSize: options.pushBatchSize,
  });
  opened.push({ coordinator, db });
  await coordinator.start();
  await coordinator.whenIdle();
  return { api, db, store, coordinator };
}

/** A server from before the snapshot endpoint: the first fill pulls every change from 0 (snapshot-bootstrap.test.ts covers the snapshot). */
function withoutSnapshot(api: HttpMesaApi): HttpMesaApi {
  vi.spyOn(api, 'snapshot').mockRejectedValue(
    new MesaError('not_found', 'Route GET /api/v1/sync/snapshot not found'),
  );
  return api;
}

async function firstInProgressTicketId(db: MesaDb): Promise<string> {
  const [ticket] = await queueQuery({ kind: 'all', filters: { status: ['in_progress'] }, limit: 1 }, db);
  if (!ticket) throw new Error('the demo data has no ticket in progress left');
  return ticket.id;
}

describe('SyncCoordinator against a real backend', () => {
  it('pulls every page at start, up to the server cursor, from a server without the snapshot', async () => {
    const api = withoutSnapshot(await signIn('agent@example.com'));
    const pull = vi.spyOn(api, 'pull');
    const { db, store } = await openClient({ api, pageSize: 20 });

    const server = await readServer(await signIn('admin@example.com'));
    expect(pull.mock.calls.length).toBeGreaterThan(2);
    expect(pull.mock.calls.map(([request]) => request.limit)).toEqual(pull.mock.calls.map(() => 20));
    expect((await cachedTickets(db)).length).toBe(server.tickets.size);
    expect((await cachedComments(db)).length).toBe(server.comments.size);
    expect(await readCursor(db)).toBe(server.cursor);
    expect(store.getState()).toMatchObject({
      pulling: false,
      lastError: null,
      bootstrap: { active: false, cursor: server.cursor },
    });
    expect(store.getState().lastSyncAt).not.toBeNull();
  });

  it('still knows when it last synced after a reload with no network', async () => {
    const api = await signIn('agent@example.com');
    const { db, store, coordinator } = await openClient({ api });
    const synced = store.getState().lastSyncAt;
    expect(synced).not.toBeNull();
    await coordinator.stop();

    // The page reloads on the train: same cache, a fresh store, and every request fails.
    vi.spyOn(api, 'pull').mockRejectedValue(new TypeError('fetch failed'));
    const after = createStore<SyncState>()(() => ({ ...initialSyncState }));
    const reloaded = new SyncCoordinator({ api, db, store: after, retryIntervalMs: 0 });
    opened.push({ coordinator: reloaded, db });
    await reloaded.start();
    await reloaded.whenIdle();
    expect(after.getState().lastError).not.toBeNull();
    expect(after.getState().lastSyncAt).toBe(synced);
  });

  it('stores a page and its cursor together, or neither', async () => {
    const api = withoutSnapshot(await signIn('agent@example.com'));
    const db = freshDb();
    // The cache fails while storing page 2's row, after that page's reference data was
    // written in the same transaction (page 2 is asked for while page 1 is being stored).
    let stored = 0;
    let failed = 0;
    const failMidPage = (): void => {
      stored += 1;
      if (stored < 2) return;
      failed += 1;
      throw new Error('disk went away mid-page');
    };
    let firstPage: Awaited<ReturnType<HttpMesaApi['pull']>> | null = null;
    const realPull = api.pull.bind(api);
    vi.spyOn(api, 'pull').mockImplementation(async (request) => {
      const page = await realPull(request);
      if (request.cursor === 0) {
        firstPage = page;
        db.relaxed.pages.hook('creating', failMidPage);
      }
      return page;
    });
    const { store, coordinator } = await openClient({ api, db, pageSize: 55 });

    const page1 = firstPage as Awaited<ReturnType<HttpMesaApi['pull']>> | null;
    const inPage1 = (entity: string): number =>
      page1?.changes.filter((c) => c.entity === entity).length ?? -1;
    expect(failed).toBe(1);
    expect(store.getState().lastError?.message).toContain('disk went away');
    expect(await readCursor(db)).toBe(page1?.cursor);
    expect((await cachedTickets(db)).length).toBe(inPage1('ticket'));
    expect((await cachedComments(db)).length).toBe(inPage1('comment'));

    // The next sync resumes from the stored cursor and gets everything.
    db.relaxed.pages.hook('creating').unsubscribe(failMidPage);
    await coordinator.sync();
    const server = await readServer(api);
    expect(await readCursor(db)).toBe(server.cursor);
    expect((await cachedTickets(db)).length).toBe(server.tickets.size);
    expect((await cachedComments(db)).length).toBe(server.comments.size);
  });

  it('rolls an optimistic change back to the server state when only the server can refuse it', async () => {
    const b = await openClient({ email: 'agent@example.com' });
    const a = await openClient({ email: 'admin@example.com' });
    const ticketId = await firstInProgressTicketId(b.db);
    const original = (await ticketById(ticketId, b.db))!;

    // B works offline: the change shows at once, marked pending.
    b.api.setOffline(true);
    const renamed = await b.coordinator.mutate('ticket.update', { ticketId, title: 'Edited on the train' });
    expect(renamed.ok).toBe(true);
    expect(await ticketById(ticketId, b.db)).toMatchObject({ title: 'Edited on the train', pendingCount: 1 });
    await b.coordinator.whenIdle();

    // Meanwhile A resolves and closes the ticket.
    expect(
      await a.coordinator.mutate('ticket.transition', {
        ticketId,
        to: 'resolved',
        resolutionNote: 'Fixed remotely',
      }),
    ).toMatchObject({ ok: true });
    expect(await a.coordinator.mutate('ticket.transition', { ticketId, to: 'closed' })).toMatchObject({
      ok: true,
    });
    await a.coordinator.whenIdle();
    expect(await a.db.outbox.count()).toBe(0);
    // No poke needed: a push the server applied is followed by the pull that brings the server's copy.
    expect(await ticketById(ticketId, a.db)).toMatchObject({ status: 'closed', pendingCount: 0 });

    // B reconnects: its edit is refused, recorded, and its copy returns to the server's.
    b.api.setOffline(false);
    await b.coordinator.whenIdle();
    expect(await b.db.rejections.toArray()).toEqual([
      expect.objectContaining({ ticketId, code: 'ticket_closed', type: 'ticket.update' }),
    ]);
    const row = await ticketById(ticketId, b.db);
    expect(row).toMatchObject({ title: original.title, status: 'closed', pendingCount: 0 });
    expect(row && serverCopyOf(row)?.status).toBe('closed');
    expect(b.store.getState()).toMatchObject({ pendingCount: 0, lastRejectedCount: 1 });
  });

  it('pulls when the server pokes', async () => {
    const b = await openClient({ email: 'agent@example.com' });
    const a = await openClient({ email: 'admin@example.com' });
    const ticketId = await firstInProgressTicketId(b.db);
    await a.coordinator.mutate('ticket.update', { ticketId, urgency: 1 });
    await a.coordinator.whenIdle();

    b.api.emit('syncPoke', { cursor: await readCursor(a.db) });
    await b.coordinator.whenIdle();
    expect((await ticketById(ticketId, b.db))?.urgency).toBe(1);
  });

  it('pushes the outbox in order, in batches, each mutation once', async () => {
    const b = await openClient({ email: 'agent@example.com', pushBatchSize: 2 });
    const me = b.db.meta.get('sessionAgent').then((row) => (row?.value as { id: string }).id);
    const ticketId = testUuid();
    const commentId = testUuid();

    // Made offline, and only valid in this order: create, assign, start work, reply.
    b.api.setOffline(true);
    const steps = [
      await b.coordinator.mutate('ticket.create', {
        ticketId,
        title: 'New laptop for Pilar',
        description: 'Starts Monday',
        category: 'hardware',
        impact: 3,
        urgency: 2,
        requester: { name: 'Pilar Ortega', email: 'pilar@example.com' },
      }),
      await b.coordinator.mutate('ticket.assign', { ticketId, assigneeId: await me }),
      await b.coordinator.mutate('ticket.transition', { ticketId, to: 'in_progress' }),
      await b.coordinator.mutate('comment.add', {
        ticketId,
        commentId,
        body: 'Ordering it today',
        visibility: 'public',
      }),
    ];
    expect(steps.every((step) => step.ok)).toBe(true);
    expect(await ticketById(ticketId, b.db)).toMatchObject({
      number: null,
      status: 'in_progress',
      pendingCount: 4,
    });
    await b.coordinator.whenIdle();
    // Not tried while the host says offline: a try that cannot reach the server would still count.
    expect((await b.db.outbox.toArray()).map((entry) => entry.attempts)).toEqual([0, 0, 0, 0]);
    await vi.waitFor(() =>
      expect(b.store.getState()).toMatchObject({ pendingCount: 4, queuedTicketIds: new Set([ticketId]) }),
    );

    b.api.setOffline(false);
    await b.coordinator.whenIdle();

    const sent = b.api.pushes.flatMap((push) => push.mutations.map((m) => m.type));
    expect(sent).toEqual(['ticket.create', 'ticket.assign', 'ticket.transition', 'comment.add']);
    expect(b.api.pushes.map((push) => push.mutations.length)).toEqual([2, 2]);
    expect(await b.db.rejections.count()).toBe(0);
    await vi.waitFor(() =>
      expect(b.store.getState()).toMatchObject({ pendingCount: 0, queuedTicketIds: new Set() }),
    );
    const row = await ticketById(ticketId, b.db);
    expect(row).toMatchObject({ status: 'in_progress', pendingCount: 0 });
    expect(row?.number).toMatch(/^INC-\d+$/);
    // The server's copy, stored once: the row is that copy.
    const comment = (await commentsOfTicket(ticketId, b.db)).find((c) => c.id === commentId);
    expect(comment).toMatchObject({ pending: 0, body: 'Ordering it today' });
    expect(comment).not.toHaveProperty('server');
  });

  it('loses and duplicates nothing when the page reloads mid-push', async () => {
    const db = freshDb();
    const first = await openClient({ email: 'agent@example.com', db });
    const ticketId = await firstInProgressTicketId(db);
    const commentId = testUuid();

    first.api.setOffline(true);
    await first.coordinator.mutate('comment.add', {
      ticketId,
      commentId,
      body: 'Called the requester',
      visibility: 'internal',
    });
    await first.coordinator.mutate('ticket.transition', {
      ticketId,
      to: 'pending',
      pendingReason: 'Waiting for the requester',
    });
    await first.coordinator.whenIdle();
    // Back online, the push reaches the server and is applied; its answer never comes back.
    first.api.loseNextPushAnswer();
    first.api.setOffline(false);
    await first.coordinator.whenIdle();
    expect(first.api.pushes).toHaveLength(1);
    expect(await db.outbox.count()).toBe(2);
    await first.coordinator.stop();

    // A reload: a new coordinator and a new connection over the same cache.
    const second = await openClient({ email: 'agent@example.com', db });
    expect(second.api.pushes[0]?.mutations.map((m) => m.id)).toEqual(
      first.api.pushes[0]?.mutations.map((m) => m.id),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await db.rejections.count()).toBe(0);

    const server = await readServer(await signIn('admin@example.com'));
    const comments = [...server.comments.values()].filter(
      (c) => c.ticketId === ticketId && c.body === 'Called the requester',
    );
    expect(comments).toHaveLength(1);
    const ticket = server.tickets.get(ticketId);
    expect(ticket?.status).toBe('pending');
    expect(
      ticket?.audit.filter(
        (entry) => entry.action === 'ticket.transition' && entry.changes.status?.[1] === 'pending',
      ),
    ).toHaveLength(1);
    expect(await ticketById(ticketId, db)).toMatchObject({ status: 'pending', pendingCount: 0 });
  });
});
