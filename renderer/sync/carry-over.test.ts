import { Blob as NodeBlob } from 'node:buffer';
import Dexie from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { ownerKey } from '../data/cache-owner';
import { carryOverOnOpen } from '../data/carry-over';
import { MesaDb } from '../data/db';
import { readCursor, readMeta } from '../data/meta';
import type { OutboxEntry } from '../data/rows';
import { cachedTickets } from '../data/testing/cache-contents';
import { legacyV7Cache } from '../data/testing/legacy-cache';
import { commentsOfTicket, listRejections, ticketById } from '../data/ticket-queries';
import { SyncCoordinator } from './sync-coordinator';
import { initialSyncState, type SyncState } from './sync-store';
import { HttpMesaApi } from './testing/http-mesa-api';
import { readServer } from './testing/server-view';

/**
 * A cache left by the row-per-ticket layout (v7), holding work the agent did offline,
 * opened by today's code against a real backend: the work is carried over and pushed, and
 * everything else is pulled again.
 */

let backend: BackendProcess;
const legacyName = `mesa-legacy-${Math.random().toString(36).slice(2)}`;
let db: MesaDb | null = null;
let coordinator: SyncCoordinator | null = null;

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true });
});

afterAll(async () => {
  await backend?.stop();
});

afterEach(async () => {
  await coordinator?.stop();
  await db?.delete();
  await Dexie.delete(legacyName);
});

it("carries a v7 cache's outbox, unsent files and refused changes over, and the outbox reaches the server", async () => {
  const api = new HttpMesaApi(backend.url);
  const session = await api.login({
    serverUrl: backend.url,
    email: 'agent@example.com',
    password: 'mesa-demo',
  });
  const server = await readServer(api);
  const ticket = [...server.tickets.values()].find((t) => t.status === 'in_progress')!;
  const other = [...server.tickets.values()].find((t) => t.id !== ticket.id)!;

  // What the old console left: the whole cache as rows, a reply typed offline, a file not
  // yet uploaded, a refused change, and a cursor that means nothing to the new layout.
  const legacy = legacyV7Cache(legacyName);
  const commentId = uuidv7();
  const reply: OutboxEntry = {
    id: uuidv7(),
    type: 'comment.add',
    args: { ticketId: ticket.id, commentId, body: 'Typed before the upgrade', visibility: 'public' },
    ticketId: ticket.id,
    createdAt: new Date().toISOString(),
    attempts: 0,
  };
  await legacy.table('outbox').add(reply);
  const visible = {
    ...ticket,
    pendingCount: 1,
    server: ticket,
    slaDueMs: Infinity,
    slaWarnMs: Infinity,
    open: 1,
    assigneeKey: ticket.assigneeId ?? '',
    teamKey: ticket.teamId ?? '',
    queueKeys: [['pending']],
  };
  await legacy.table('tickets').bulkPut([visible, { ...other, pendingCount: 0, queueKeys: [] }]);
  await legacy.table('comments').put({
    id: commentId,
    ticketId: ticket.id,
    body: 'Typed before the upgrade',
    visibility: 'public',
    createdAt: reply.createdAt,
    server: null,
    pending: 1,
  });
  // fake-indexeddb keeps Node's Blob (jsdom's loses its bytes).
  const bytes = new NodeBlob(['screenshot bytes'], { type: 'image/png' });
  await legacy.table('attachments').put({
    id: uuidv7(),
    ticketId: ticket.id,
    fileName: 'screen.png',
    contentType: 'image/png',
    size: bytes.size,
    sha256: 'ab'.repeat(32),
    blob: bytes,
    uploaded: 0,
    confirmed: 0,
  });
  await legacy.table('rejections').put({
    id: uuidv7(),
    type: 'comment.add',
    ticketId: other.id,
    code: 'ticket_closed',
    message: 'Closed meanwhile',
    at: new Date().toISOString(),
    args: { body: 'Kept for the agent' },
  });
  await legacy.table('meta').bulkPut([
    { key: 'owner', value: ownerKey(backend.url, session.agent!.id) },
    { key: 'clientId', value: 'install-1' },
    { key: 'sessionAgent', value: session.agent },
    { key: 'cursor', value: 999_999 },
  ]);
  legacy.close();

  db = carryOverOnOpen(new MesaDb(`mesa-carried-${Math.random().toString(36).slice(2)}`), legacyName);
  // Offline, before any pull: the carried work is there and shows.
  expect(await readCursor(db)).toBe(0);
  expect(await readMeta(db, 'clientId')).toBe('install-1');
  expect((await commentsOfTicket(ticket.id, db)).map((c) => c.body)).toEqual(['Typed before the upgrade']);
  expect(await ticketById(other.id, db)).toBeUndefined();
  const [file] = await db.attachments.toArray();
  expect(await file?.blob?.text()).toBe('screenshot bytes');
  expect((await listRejections(10, db)).map((r) => r.args)).toEqual([{ body: 'Kept for the agent' }]);
  expect(await Dexie.exists(legacyName)).toBe(false);

  const store = createStore<SyncState>()(() => ({ ...initialSyncState }));
  coordinator = new SyncCoordinator({ api, db, store, retryIntervalMs: 0 });
  await coordinator.start();
  await coordinator.whenIdle();

  const after = await readServer(api);
  expect([...after.comments.values()].filter((c) => c.id === commentId).map((c) => c.body)).toEqual([
    'Typed before the upgrade',
  ]);
  expect(await db.outbox.count()).toBe(0);
  // Everything else came again from the server, from the start of its feed.
  expect(await readCursor(db)).toBe(after.cursor);
  expect((await cachedTickets(db)).length).toBe(after.tickets.size);
});
