import Dexie from 'dexie';
import { afterEach, expect, it } from 'vitest';
import { MesaDb, type CachedTicket } from './db';
import { queueKeysOf } from './queue-keys';
import { countQueue, queueQuery } from './queue-query';
import { searchTickets } from './search-tickets';
import { alwaysOpenPolicy, makeTicket, runningSla } from './testing/make-ticket';

const name = 'mesa-migration-test';

afterEach(async () => {
  await Dexie.delete(name);
});

it('upgrades a version 1 cache: unassigned tickets become listable', async () => {
  // The v1 schema as it shipped, with a row as v1 wrote it (no assigneeKey/teamKey/slaWarnMs).
  const v1 = new Dexie(name);
  v1.version(1).stores({
    tickets: 'id, number, status, assigneeId, teamId, category, priority, updatedAt, slaDueMs, pendingCount, *tags, *words, [open+slaDueMs]',
    slaPolicies: 'id',
  });
  const ticket = makeTicket({ firstResponseAt: '2025-03-03T09:00:00.000Z', sla: runningSla('2025-03-03T17:00:00.000Z'), slaPolicyId: 'default' });
  await v1.table('slaPolicies').put(alwaysOpenPolicy());
  await v1.table('tickets').put({ ...ticket, server: ticket, pendingCount: 0, slaDueMs: Date.parse('2025-03-03T17:00:00.000Z'), open: 1, words: [] });
  v1.close();

  const db = new MesaDb(name);
  const row = await db.tickets.get(ticket.id);
  expect(row).toMatchObject({ assigneeKey: '', teamKey: '' });
  // 75% of 480 minutes after 09:00.
  expect(row?.slaWarnMs).toBe(Date.parse('2025-03-03T15:00:00.000Z'));
  expect((await queueQuery({ kind: 'unassigned' }, db)).map((t) => t.id)).toEqual([ticket.id]);
  db.close();
});

it('upgrades a version 2 cache: words move to memory, the queues read the one queue index', async () => {
  // The v2 tickets schema as it shipped, with a row as v2 wrote it.
  const v2 = new Dexie(name);
  v2.version(2).stores({
    tickets:
      'id, number, pendingCount, *words,' +
      ' [open+slaDueMs], [open+updatedAt], [open+priority+slaDueMs], [open+slaWarnMs],' +
      ' [assigneeKey+open+slaDueMs], [assigneeKey+open+updatedAt], [assigneeKey+open+priority+slaDueMs],' +
      ' [teamKey+open+slaDueMs], [teamKey+open+updatedAt], [teamKey+open+priority+slaDueMs],' +
      ' [assigneeId+status], [teamId+status]',
    comments: 'id, ticketId, [ticketId+createdAt], pending',
    slaPolicies: 'id',
  });
  const ticket = makeTicket({ firstResponseAt: '2025-03-03T09:00:00.000Z', title: 'Conexión perdida', sla: runningSla('2025-03-03T17:00:00.000Z'), slaPolicyId: 'default', assigneeId: null });
  const due = Date.parse('2025-03-03T17:00:00.000Z');
  await v2.table('tickets').put({
    ...ticket,
    server: ticket,
    pendingCount: 1,
    slaDueMs: due,
    slaWarnMs: due,
    open: 1,
    assigneeKey: '',
    teamKey: ticket.teamId ?? '',
    words: ['conexion', 'perdida'],
  });
  const comment = { id: 'c-1', ticketId: ticket.id, authorId: 'a', authorName: 'Ana', body: 'Reinicié el router', visibility: 'public', attachments: [], writtenAt: ticket.createdAt, createdAt: ticket.createdAt };
  await v2.table('comments').put({ ...comment, server: comment, pending: 0 });
  v2.close();

  const db = new MesaDb(name);
  const row = await db.tickets.get(ticket.id);
  expect(row).not.toHaveProperty('words');
  expect((await queueQuery({ kind: 'unassigned' }, db)).map((t) => t.id)).toEqual([ticket.id]);
  expect((await queueQuery({ kind: 'all', sort: 'priority' }, db)).map((t) => t.id)).toEqual([ticket.id]);
  expect((await queueQuery({ kind: 'breaching', now: due }, db)).map((t) => t.id)).toEqual([ticket.id]);
  // v4 filled the facets store, v6 moved it into the facet log the filtered views are built from, v7 dropped it.
  // (v8 re-keys the open ticket, a second entry for it.)
  expect(new Set((await db.ticketFacetLog.toArray()).flatMap((entry) => entry.put ?? []).map((f) => f.id))).toEqual(new Set([ticket.id]));
  expect(db.tables.map((table) => table.name)).not.toContain('ticketFacets');
  expect((await queueQuery({ kind: 'all', filters: { status: [ticket.status] } }, db)).map((t) => t.id)).toEqual([ticket.id]);
  expect(await countQueue({ kind: 'unassigned', filters: { pendingOnly: true } }, db)).toBe(1);
  expect((await searchTickets('conexion', 10, db)).map((t) => t.id)).toEqual([ticket.id]);
  // v5 keeps one comments index; a ticket's comments are still found by ticketId alone (its virtual index).
  expect(db.comments.schema.indexes.map((index) => index.name)).toEqual(['[ticketId+createdAt]']);
  expect((await db.comments.where('ticketId').equals(ticket.id).toArray()).map((c) => c.body)).toEqual(['Reinicié el router']);
  expect((await searchTickets('router', 10, db)).map((t) => t.id)).toEqual([ticket.id]);
  db.close();
});

it('upgrades a version 7 cache: open tickets are keyed by the SLA state their badge shows', async () => {
  const v7 = new Dexie(name);
  v7.version(7).stores({ tickets: 'id, number, *queueKeys', slaPolicies: 'id', ticketFacetLog: '++seq' });
  await v7.table('slaPolicies').put(alwaysOpenPolicy());
  // A row as v7 keyed it, on the resolution clock alone (due 17:00); its first response,
  // never given, was due at 10:00 and warned from 09:45 (75 % of 60 minutes).
  const ticket = makeTicket({ slaPolicyId: 'default', sla: runningSla('2025-03-03T17:00:00.000Z') });
  const resolutionOnly = Date.parse('2025-03-03T17:00:00.000Z');
  const row = { ...ticket, pendingCount: 0, slaDueMs: resolutionOnly, slaWarnMs: resolutionOnly, open: 1, assigneeKey: '', teamKey: '' };
  await v7.table('tickets').put({ ...row, queueKeys: queueKeysOf(row as CachedTicket) });
  v7.close();

  const db = new MesaDb(name);
  expect(await db.tickets.get(ticket.id)).toMatchObject({
    slaDueMs: Date.parse('2025-03-03T10:00:00.000Z'),
    slaWarnMs: Date.parse('2025-03-03T09:45:00.000Z'),
  });
  expect((await queueQuery({ kind: 'breaching', now: Date.parse('2025-03-03T09:46:00.000Z') }, db)).map((t) => t.id)).toEqual([ticket.id]);
  db.close();
});
