import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Priority, TicketStatus } from '../../shared/index';
import { toCachedTicket } from './cached-ticket';
import type { CachedTicket, MesaDb } from './db';
import { countInQueue, facetsOf, selectQueue } from './queue-match';
import { countQueue, queueQuery, type QueueQuery } from './queue-query';
import { ticketMemoryIndex } from './ticket-memory-index';
import { alwaysOpenPolicy, makeTicket, runningSla, testUuid } from './testing/make-ticket';
import { freshDb } from './testing/test-db';

/**
 * The in-memory path (queue-match.ts over facets) must list exactly what the IndexedDB
 * index path lists, in the same order, for every queue and sort: a filtered view is served
 * from memory and an unfiltered one from the index, and the agent switches between them.
 */

const agents = [testUuid(), testUuid(), testUuid()];
const teams = [testUuid(), testUuid()];
const statuses: TicketStatus[] = [
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
];
const policy = alwaysOpenPolicy();

/** A small deterministic generator: the same cache every run, varied enough to tie and to spread. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomTickets(count: number): CachedTicket[] {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  return Array.from({ length: count }, () => {
    const status = pick(statuses);
    const open = ['new', 'assigned', 'in_progress', 'pending'].includes(status);
    // Few distinct due hours and update times, so ties (broken by id) are common.
    const hour = 10 + Math.floor(random() * 4);
    const ticket = makeTicket({
      status,
      priority: (1 + Math.floor(random() * 5)) as Priority,
      assigneeId: random() < 0.3 ? null : pick(agents),
      teamId: random() < 0.2 ? null : pick(teams),
      category: pick(['hardware', 'network', 'access']),
      tags: random() < 0.5 ? [pick(['VPN', 'urgent', 'printer'])] : [],
      updatedAt: `2025-03-03T0${Math.floor(random() * 3) + 6}:00:00.000Z`,
      slaPolicyId: 'default',
      sla: open && random() < 0.8 ? runningSla(`2025-03-03T${hour}:00:00.000Z`, (hour - 9) * 60) : null,
    });
    return toCachedTicket(ticket, { server: ticket, pendingCount: random() < 0.1 ? 1 : 0, policy });
  });
}

let db: MesaDb;
let rows: CachedTicket[];

beforeEach(async () => {
  db = freshDb();
  rows = randomTickets(400);
  await db.tickets.bulkPut(rows);
});

afterEach(async () => {
  await db.delete();
});

const views: QueueQuery[] = [
  { kind: 'all' },
  { kind: 'all', state: 'done' },
  { kind: 'mine', agentId: agents[0] },
  { kind: 'unassigned' },
  { kind: 'team', teamIds: [teams[0]!] },
  { kind: 'team', teamIds: [teams[0]!, teams[1]!] },
  { kind: 'breaching', now: Date.parse('2025-03-03T11:00:00.000Z') },
];

describe('queue views from memory and from the index', () => {
  for (const view of views) {
    for (const sort of ['sla', 'priority', 'updated'] as const) {
      it(`list the same tickets in the same order: ${view.kind} ${view.state ?? 'open'} by ${sort}`, async () => {
        const query: QueueQuery = { ...view, sort, limit: 500 };
        const fromIndex = (await queueQuery(query, db)).map((t) => t.id);
        expect(fromIndex.length).toBeGreaterThan(0);
        expect(selectQueue(rows.map(facetsOf), query)).toEqual(fromIndex);
        expect(countInQueue(rows.map(facetsOf), query)).toBe(fromIndex.length);
      });
    }
  }

  it('filter the same way: a filtered view (memory) is the unfiltered one (index) minus what the filter refuses', async () => {
    const query: QueueQuery = { kind: 'all', sort: 'priority', limit: 500 };
    const all = await queueQuery(query, db);
    const filters = { status: ['pending', 'in_progress'] as TicketStatus[], tag: ['vpn'] };
    const expected = all
      .filter((t) => filters.status.includes(t.status) && t.tags.some((tag) => tag.toLowerCase() === 'vpn'))
      .map((t) => t.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await queueQuery({ ...query, filters }, db)).map((t) => t.id)).toEqual(expected);
    expect(await countQueue({ kind: 'all', filters }, db)).toBe(expected.length);
  });

  it('count the same once the memory index is current as the index counts before it is', async () => {
    const before = await Promise.all(views.map((view) => countQueue(view, db)));
    // A filtered query builds the memory index; unfiltered counts are then read from it.
    await queueQuery({ kind: 'all', filters: { pendingOnly: true } }, db);
    expect(ticketMemoryIndex(db).current).toBe(true);
    const after = await Promise.all(views.map((view) => countQueue(view, db)));
    expect(after).toEqual(before);
  });
});
