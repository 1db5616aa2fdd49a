import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/index';
import { runRetention } from '../jobs/retention';
import { TEST_DIALECTS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_DIALECTS)('retention (%s)', (dialect) => {
  let t: TestBackend;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestBackend(dialect, {}, { clock: () => new Date(Date.now() + offset) });
  });
  afterAll(() => t?.close());

  const db = () => t.backend.services.database.db;

  it('a batch retried from a laptop offline for 45 days gets its first answers and runs nothing again', async () => {
    offset = 0;
    const laptop = await t.login();
    const create = mutations.create();
    const ticketId = create.args.ticketId;
    const batch = [
      create,
      mutations.of('comment.add', {
        ticketId,
        commentId: crypto.randomUUID(),
        body: 'Voy',
        visibility: 'public',
      }),
      mutations.of('ticket.transition', { ticketId, to: 'closed' }),
    ];
    // The answer never reaches the laptop (it went offline mid-push).
    const first = await t.push(laptop, batch, 'laptop');
    expect(first.map((r) => [r.status, r.code])).toEqual([
      ['applied', undefined],
      ['applied', undefined],
      ['rejected', 'invalid_transition'],
    ]);

    offset = 45 * DAY;
    // Its session expired meanwhile: it signs in again, then sends its outbox.
    const laptopAgain = await t.login();
    const before = await t.pullAll(laptopAgain);
    const compacted = await runRetention(t.backend.services);
    expect(compacted.compacted).toBeGreaterThanOrEqual(3);
    const ids = batch.map((m) => m.id);
    expect(await db().selectFrom('applied_mutations').select('id').where('id', 'in', ids).execute()).toEqual(
      [],
    );

    // Back online a month and a half later, the laptop sends the same batch again.
    const retried = await t.push(laptopAgain, batch, 'laptop');
    expect(retried.map((r) => [r.id, r.status, r.code])).toEqual([
      [batch[0]!.id, 'applied', undefined],
      [batch[1]!.id, 'applied', undefined],
      [batch[2]!.id, 'rejected', 'invalid_transition'],
    ]);
    // Nothing ran again: no new change, one comment, the ticket as it was.
    const after = await t.pullAll(laptopAgain);
    expect(after.at(-1)?.seq).toBe(before.at(-1)?.seq);
    const comments = after.filter(
      (c) => c.entity === 'comment' && (c.data as { ticketId?: string }).ticketId === ticketId,
    );
    expect(comments).toHaveLength(1);
    const ticket = after.find((c) => c.id === ticketId)?.data as unknown as Ticket;
    expect(ticket.audit.filter((a) => a.action === 'comment.add')).toHaveLength(1);
    offset = 0;
  });

  it('keeps recent results whole, and a retry within the window gets the full message', async () => {
    offset = 0;
    const client = await t.login();
    const bad = mutations.of('ticket.transition', { ticketId: crypto.randomUUID(), to: 'closed' });
    const [first] = await t.push(client, [bad]);
    await runRetention(t.backend.services);
    const [again] = await t.push(client, [bad]);
    expect(again).toEqual(first);
    expect(
      await db().selectFrom('applied_mutations').select('id').where('id', '=', bad.id).execute(),
    ).toHaveLength(1);
  });

  it('deletes expired and signed-out sessions, and keeps live ones working', async () => {
    offset = 0;
    const expiring = await t.login('jordi@example.com');
    const signedOut = await t.login('sam@example.com');
    expect((await signedOut.post('/api/v1/auth/logout')).status).toBe(200);
    offset = 20 * DAY;
    const live = await t.login('maria@example.com');
    offset = 31 * DAY;
    const { sessions } = await runRetention(t.backend.services);
    expect(sessions).toBeGreaterThanOrEqual(2);
    const left = await db()
      .selectFrom('auth_tokens')
      .select(['agent_id', 'expires_at', 'revoked_at'])
      .execute();
    const nowIso = new Date(Date.now() + offset).toISOString();
    expect(left.every((row) => row.revoked_at === null && row.expires_at > nowIso)).toBe(true);
    expect(left.length).toBeGreaterThanOrEqual(1);
    expect((await live.get('/api/v1/sync/pull')).status).toBe(200);
    expect((await expiring.get('/api/v1/sync/pull')).status).toBe(401);
    offset = 0;
  });
});
