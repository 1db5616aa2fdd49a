import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ticket } from '../../shared/index';
import { toCachedTicket } from './cached-ticket';
import type { MesaDb } from './db';
import { countQueue, queueQuery } from './queue-query';
import { ticketById } from './ticket-queries';
import { alwaysOpenPolicy, makeTicket, testUuid } from './testing/make-ticket';
import { freshDb } from './testing/test-db';

const me = testUuid();
const other = testUuid();
const teamA = testUuid();
const teamB = testUuid();
const policy = alwaysOpenPolicy();

let db: MesaDb;

async function seed(tickets: Ticket[]): Promise<void> {
  await db.tickets.bulkPut(
    tickets.map((t) =>
      toCachedTicket(t, { server: t, pendingCount: 0, policy: t.slaPolicyId ? policy : null }),
    ),
  );
}

const due = (hour: number): string => `2025-03-03T${String(hour).padStart(2, '0')}:00:00.000Z`;
/** A ticket answered when created, 8 h (its 480-minute resolution target) before `hour`: due then, warning (75 %) 2 h before. */
const dueAt = (hour: number): Partial<Ticket> => ({
  createdAt: due(hour - 8),
  firstResponseAt: due(hour - 8),
});
const titles = (rows: Array<{ title: string }>): string[] => rows.map((row) => row.title);

beforeEach(async () => {
  db = freshDb();
  await seed([
    makeTicket({
      title: 'mine-late',
      assigneeId: me,
      status: 'assigned',
      teamId: teamA,
      ...dueAt(15),
      slaPolicyId: 'default',
    }),
    makeTicket({
      title: 'mine-soon',
      assigneeId: me,
      status: 'in_progress',
      teamId: teamA,
      priority: 1,
      ...dueAt(10),
      slaPolicyId: 'default',
    }),
    makeTicket({ title: 'mine-done', assigneeId: me, status: 'resolved', teamId: teamA }),
    makeTicket({
      title: 'other',
      assigneeId: other,
      status: 'assigned',
      teamId: teamB,
      slaPolicyId: 'default',
      ...dueAt(12),
      updatedAt: '2025-03-03T09:00:00.000Z',
    }),
    makeTicket({ title: 'unassigned-a', teamId: teamA, ...dueAt(11), slaPolicyId: 'default', priority: 2 }),
    makeTicket({ title: 'unassigned-none', sla: null, updatedAt: '2025-03-03T12:00:00.000Z' }),
  ]);
});

afterEach(async () => {
  await db.delete();
});

describe('queueQuery', () => {
  it('lists my open tickets by SLA due time', async () => {
    expect(titles(await queueQuery({ kind: 'mine', agentId: me }, db))).toEqual(['mine-soon', 'mine-late']);
    expect(titles(await queueQuery({ kind: 'mine', agentId: me, state: 'done' }, db))).toEqual(['mine-done']);
  });

  it('lists unassigned tickets, which null-keyed indexes would miss', async () => {
    expect(titles(await queueQuery({ kind: 'unassigned' }, db))).toEqual(['unassigned-a', 'unassigned-none']);
  });

  it('merges several teams in one order, with offset and limit', async () => {
    const both = await queueQuery({ kind: 'team', teamIds: [teamA, teamB] }, db);
    expect(titles(both)).toEqual(['mine-soon', 'unassigned-a', 'other', 'mine-late']);
    const page = await queueQuery({ kind: 'team', teamIds: [teamA, teamB], offset: 1, limit: 2 }, db);
    expect(titles(page)).toEqual(['unassigned-a', 'other']);
  });

  it('sorts by priority then due time, and by last update newest first', async () => {
    const byPriority = await queueQuery({ kind: 'all', sort: 'priority' }, db);
    expect(titles(byPriority).slice(0, 2)).toEqual(['mine-soon', 'unassigned-a']);
    const byUpdate = await queueQuery({ kind: 'all', sort: 'updated' }, db);
    expect(byUpdate[0]?.title).toBe('unassigned-none');
    expect(byUpdate).toHaveLength(5);
  });

  it('filters a view', async () => {
    const rows = await queueQuery({ kind: 'all', filters: { status: ['assigned'] } }, db);
    expect(titles(rows)).toEqual(['other', 'mine-late']);
    expect(await countQueue({ kind: 'all', filters: { status: ['assigned'] } }, db)).toBe(2);
  });

  it('keeps a filtered view live: a ticket written into or out of the filter moves in or out, with the count', async () => {
    const filters = { status: ['pending' as const] };
    const seen: Array<{ titles: string[]; n: number }> = [];
    const subscription = liveQuery(async () => ({
      titles: titles(await queueQuery({ kind: 'all', filters }, db)),
      n: await countQueue({ kind: 'all', filters }, db),
    })).subscribe((value) => seen.push(value));
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ titles: [], n: 0 }));
    const [head] = await queueQuery({ kind: 'all', filters: { status: ['assigned'] }, limit: 1 }, db);
    const other = await ticketById(head!.id, db);
    await db.tickets.put({ ...other!, status: 'pending' });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ titles: ['other'], n: 1 }));
    const pendingNew = makeTicket({
      title: 'new-pending',
      status: 'pending',
      ...dueAt(10),
      slaPolicyId: 'default',
    });
    // Paused, with its first response in: no running clock, so it sorts last.
    await seed([pendingNew]);
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ titles: ['other', 'new-pending'], n: 2 }));
    await db.tickets.put({ ...other!, status: 'in_progress' });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ titles: ['new-pending'], n: 1 }));
    subscription.unsubscribe();
  });

  it('counts each view', async () => {
    expect(await countQueue({ kind: 'all' }, db)).toBe(5);
    expect(await countQueue({ kind: 'mine', agentId: me }, db)).toBe(2);
    expect(await countQueue({ kind: 'team', teamIds: [teamA, teamB] }, db)).toBe(4);
    expect(await countQueue({ kind: 'mine', agentId: null }, db)).toBe(0);
  });

  it('lists tickets past their warning point as breaching', async () => {
    // Warning 2 h before due.
    const at = (hour: number): number => Date.parse(due(hour)) + 1;
    expect(await queueQuery({ kind: 'breaching', now: at(7) }, db)).toEqual([]);
    expect(titles(await queueQuery({ kind: 'breaching', now: at(8) }, db))).toEqual(['mine-soon']);
    expect(titles(await queueQuery({ kind: 'breaching', now: at(9) }, db))).toEqual([
      'mine-soon',
      'unassigned-a',
    ]);
    expect(titles(await queueQuery({ kind: 'breaching', now: at(10) }, db))).toEqual([
      'mine-soon',
      'unassigned-a',
      'other',
    ]);
    expect(titles(await queueQuery({ kind: 'breaching', now: at(13) }, db))).toEqual([
      'mine-soon',
      'unassigned-a',
      'other',
      'mine-late',
    ]);
    expect(titles(await queueQuery({ kind: 'breaching', now: at(13), agentId: me }, db))).toEqual([
      'mine-soon',
      'mine-late',
    ]);
  });

  it('puts a ticket whose first response is overdue where its badge says: first by SLA due, and breaching', async () => {
    // Created 08:00, never answered: first response (60 min) was due 09:00; resolution is due 16:00.
    const unanswered = makeTicket({
      title: 'unanswered',
      status: 'new',
      createdAt: due(8),
      slaPolicyId: 'default',
    });
    await seed([unanswered]);
    const now = Date.parse(due(9)) + 60_000;
    expect(titles(await queueQuery({ kind: 'all' }, db))[0]).toBe('unanswered');
    expect(titles(await queueQuery({ kind: 'breaching', now }, db))).toEqual([
      'unanswered',
      'mine-soon',
      'unassigned-a',
    ]);
    expect(await countQueue({ kind: 'breaching', now }, db)).toBe(3);
  });

  it('orders "Breaching soon" by the sort the agent chose, like every other queue', async () => {
    const now = Date.parse(due(13)) + 1;
    expect(titles(await queueQuery({ kind: 'breaching', now, sort: 'sla' }, db))).toEqual([
      'mine-soon',
      'unassigned-a',
      'other',
      'mine-late',
    ]);
    expect(titles(await queueQuery({ kind: 'breaching', now, sort: 'updated' }, db))).toEqual([
      'other',
      'mine-late',
      'unassigned-a',
      'mine-soon',
    ]);
  });
});
