import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change, SnapshotResponse, Ticket } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

/**
 * The first sign-in's snapshot, over HTTP, on each database: it is as of one change number
 * N, in the promised order, resumable, and a client that stores it and then pulls from N
 * ends with exactly the server's rows, whatever was written while it paged.
 */
describe.each(TEST_DIALECTS)('sync snapshot (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  let admin: HttpClient;
  beforeAll(async () => {
    t = await startTestBackend(dialect, { demoTickets: 60 });
    agent = await t.login('agent@example.com');
    admin = await t.login('admin@example.com');
  });
  afterAll(() => t?.close());

  const page = async (cursor: string | null, limit: number): Promise<SnapshotResponse> => {
    const query = cursor ? `cursor=${encodeURIComponent(cursor)}&limit=${limit}` : `limit=${limit}`;
    const res = await agent.get<SnapshotResponse>(`/api/v1/sync/snapshot?${query}`);
    expect(res.status, res.text).toBe(200);
    return res.body;
  };

  const serverState = async () => replay(new Map(), await t.pullAll(admin));

  it('sends reference data first, then the agent’s open tickets, other open tickets, then the history', async () => {
    const pages: SnapshotResponse[] = [await page(null, 7)];
    while (pages.at(-1)!.hasMore) pages.push(await page(pages.at(-1)!.cursor, 7));
    const changes = pages.flatMap((p) => p.changes);
    const firstTicket = changes.findIndex((c) => c.entity === 'ticket');
    const lastReference = changes.findLastIndex((c) =>
      ['agent', 'team', 'category', 'sla_policy', 'macro'].includes(c.entity),
    );
    expect(lastReference).toBeLessThan(firstTicket);
    expect(changes.slice(0, firstTicket).map((c) => c.entity)).toEqual(
      expect.arrayContaining(['agent', 'team', 'category', 'sla_policy']),
    );

    const teams = new Set([DEMO_IDS.serviceDesk]);
    const bucket = (ticket: Ticket) => {
      const open = ['new', 'assigned', 'in_progress', 'pending'].includes(ticket.status);
      const mine =
        ticket.assigneeId === DEMO_IDS.agent || (ticket.teamId !== null && teams.has(ticket.teamId));
      return open ? (mine ? 0 : 1) : 2;
    };
    const buckets = changes
      .filter((c) => c.entity === 'ticket')
      .map((c) => bucket(c.data as unknown as Ticket));
    expect(buckets).toEqual([...buckets].sort());
    expect(new Set(buckets)).toEqual(new Set([0, 1, 2]));

    const last = pages.at(-1)!;
    expect(last.tickets).toEqual({ sent: 60, total: 60 });
    expect(pages.map((p) => p.tickets.sent)).toEqual(
      [...pages.map((p) => p.tickets.sent)].sort((a, b) => a - b),
    );
    expect(replay(new Map(), changes)).toEqual(await serverState());
  });

  it('resumes from any stored cursor with the same rows, and refuses a cursor it never gave out', async () => {
    const first = await page(null, 10);
    const second = await page(first.cursor, 10);
    expect(await page(first.cursor, 10)).toEqual(second);

    const forged = await agent.get(
      `/api/v1/sync/snapshot?cursor=${Buffer.from('{"n":1}').toString('base64url')}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: { code: 'invalid_cursor', message: expect.any(String) } });
    const ahead = Buffer.from(
      JSON.stringify({ n: 10 ** 9, phase: 'mine', after: '', teams: [], sent: 0, total: 0 }),
    ).toString('base64url');
    expect((await agent.get(`/api/v1/sync/snapshot?cursor=${ahead}`)).status).toBe(400);
    expect((await t.http.get('/api/v1/sync/snapshot')).status).toBe(401);
  });

  it('a change committed during the snapshot is neither lost nor sent over a newer copy', async () => {
    const before = await serverState();
    const first = await page(null, 3);
    const n = first.asOf;
    const sentIds = new Set(first.changes.map((c) => c.id));
    const tickets = [...before.values()]
      .filter((e) => e.entity === 'ticket')
      .map((e) => e.data as unknown as Ticket);
    const comments = [...before.values()]
      .filter((e) => e.entity === 'comment')
      .map((e) => e.data as unknown as { ticketId: string });
    const withComments = (ticket: Ticket) => comments.some((c) => c.ticketId === ticket.id);
    // An open ticket of someone else's, not sent yet, moves into the bucket already sent (assigned
    // to this agent): it would be skipped by the paging, and its older comments with it.
    const moved = tickets.find(
      (x) =>
        ['assigned', 'in_progress'].includes(x.status) &&
        x.assigneeId !== DEMO_IDS.agent &&
        x.teamId !== DEMO_IDS.serviceDesk &&
        withComments(x) &&
        !sentIds.has(x.id),
    );
    // A resolved ticket (the history, sent last) gets a note, a brand-new ticket is created.
    const replied = tickets.find((x) => x.status === 'resolved' && !sentIds.has(x.id))!;
    expect(moved, 'the demo data has an open ticket of another team with comments').toBeDefined();
    const created = mutations.create();
    const results = await t.push(admin, [
      mutations.of('ticket.assign', {
        ticketId: moved!.id,
        assigneeId: DEMO_IDS.agent,
        teamId: DEMO_IDS.serviceDesk,
      }),
      mutations.of('comment.add', {
        ticketId: replied.id,
        commentId: crypto.randomUUID(),
        body: 'Una nota más',
        visibility: 'internal',
      }),
      created,
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);

    const pages = [first];
    while (pages.at(-1)!.hasMore) pages.push(await page(pages.at(-1)!.cursor, 3));
    const snapshot = pages.flatMap((p) => p.changes);
    expect(pages.every((p) => p.asOf === n)).toBe(true);
    // As of N: nothing in it is newer, so nothing in it can overwrite what the pull brings.
    expect(Math.max(...snapshot.map((c) => c.seq))).toBeLessThanOrEqual(n);
    expect(snapshot.find((c) => c.id === moved!.id)).toBeUndefined();
    const movedComments = comments.filter((c) => c.ticketId === moved!.id).length;
    expect(
      snapshot.filter(
        (c) => c.entity === 'comment' && (c.data as { ticketId: string }).ticketId === moved!.id,
      ),
    ).toHaveLength(movedComments);

    const after = await t.pullAll(agent, n);
    const cache = replay(replay(new Map(), snapshot), after);
    expect(cache).toEqual(await serverState());
    const movedNow = cache.get(`ticket:${moved!.id}`)!.data as unknown as Ticket;
    expect(movedNow.assigneeId).toBe(DEMO_IDS.agent);
    expect(cache.has(`ticket:${created.args.ticketId}`)).toBe(true);
  });
});

type Entry = { entity: string; data: Record<string, unknown> };

/** What a client holds after applying these changes in order. */
function replay(state: Map<string, Entry>, changes: Change[]): Map<string, Entry> {
  for (const change of changes) {
    const key = `${change.entity}:${change.id}`;
    if (change.op === 'delete') state.delete(key);
    else state.set(key, { entity: change.entity, data: change.data! });
  }
  return state;
}
