import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationEnvelope, Ticket } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import { TEST_DIALECTS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

// One push is one transaction; these check that one mutation's failure stays its own.
describe.each(TEST_DIALECTS)('a failing mutation in the middle of a batch (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  beforeAll(async () => {
    t = await startTestBackend(dialect);
    agent = await t.login('agent@example.com');
  });
  afterAll(() => t?.close());

  const ticketOf = async (id: string): Promise<Ticket | undefined> =>
    (await t.pullAll(agent)).filter((c) => c.entity === 'ticket' && c.id === id).at(-1)?.data as
      Ticket | undefined;
  const outbox = (ticketId: string) =>
    t.backend.services.database.db
      .selectFrom('outbound_email')
      .select('id')
      .where('ticket_id', '=', ticketId)
      .where('kind', '=', 'feedback_request')
      .execute();

  it('a refusal by the rules leaves the others applied and is itself recorded', async () => {
    const first = mutations.create();
    const second = mutations.create();
    const refused = mutations.of('ticket.transition', { ticketId: first.args.ticketId, to: 'in_progress' });
    const batch: MutationEnvelope[] = [first, refused, second];

    const results = await t.push(agent, batch);
    expect(results.map((r) => [r.id, r.status, r.code])).toEqual([
      [first.id, 'applied', undefined],
      [refused.id, 'rejected', 'assignee_required'],
      [second.id, 'applied', undefined],
    ]);
    expect(await ticketOf(first.args.ticketId)).toMatchObject({ status: 'new' });
    expect(await ticketOf(second.args.ticketId)).toMatchObject({ status: 'new' });
    // Recorded: the same batch again gets the same answers and changes nothing.
    const before = (await t.pullAll(agent)).length;
    expect(await t.push(agent, batch)).toEqual(results);
    expect((await t.pullAll(agent)).length).toBe(before);
  });

  it('refused creates leave no gap in ticket numbers, within a batch or after it', async () => {
    const number = async (id: string) => Number((await ticketOf(id))!.number!.slice(4));
    const a = mutations.create();
    const refused = mutations.create({ teamId: crypto.randomUUID() });
    const b = mutations.create();
    const results = await t.push(agent, [a, refused, b, mutations.create({ title: ' ' })]);
    expect(results.map((r) => r.code)).toEqual([undefined, 'not_found', undefined, 'validation_failed']);
    const c = mutations.create();
    await t.push(agent, [c]);
    const na = await number(a.args.ticketId);
    expect([await number(b.args.ticketId), await number(c.args.ticketId)]).toEqual([na + 1, na + 2]);
  });

  it('a mutation that throws after writing is undone alone, recorded as rejected, and the others apply', async () => {
    const target = mutations.create();
    await t.push(agent, [target]);
    const ticketId = target.args.ticketId;

    const { mailer } = t.backend.services;
    const enqueue = mailer.onTicketChanged.bind(mailer);
    // The resolution's email is written after the ticket row: a throw there must take the
    // ticket write (and its change-log entry) back with it, and nothing else.
    mailer.onTicketChanged = async (db, change, now, hint) => {
      if (change.after.id === ticketId && change.after.status === 'resolved')
        throw new Error('outbox unavailable');
      return enqueue(db, change, now, hint);
    };
    try {
      const before = mutations.create();
      const failing = mutations.of('ticket.transition', {
        ticketId,
        to: 'resolved',
        resolutionNote: 'Hecho',
      });
      const after = mutations.create();
      const batch: MutationEnvelope[] = [before, failing, after];
      const cursor = Math.max(0, ...(await t.pullAll(agent)).map((c) => c.seq));

      const results = await t.push(agent, batch);
      expect(results.map((r) => [r.id, r.status, r.code])).toEqual([
        [before.id, 'applied', undefined],
        [failing.id, 'rejected', 'server_error'],
        [after.id, 'applied', undefined],
      ]);
      const changed = (await t.pullAll(agent, cursor)).map((c) => c.id);
      expect(changed).toContain(before.args.ticketId);
      expect(changed).toContain(after.args.ticketId);
      expect(changed).not.toContain(ticketId);
      expect(await ticketOf(ticketId)).toMatchObject({ status: 'new', resolvedAt: null });
      expect(await outbox(ticketId)).toEqual([]);
      // The two neighbours were numbered once each, in order: the retry did not skip numbers.
      const numbers = [before, after].map(async (m) =>
        Number((await ticketOf(m.args.ticketId))!.number!.slice(4)),
      );
      const [n1, n2] = await Promise.all(numbers);
      expect(n2).toBe(n1! + 1);

      // Recorded with its result: a retry of the batch returns it, even once the fault is gone.
      mailer.onTicketChanged = enqueue;
      expect(await t.push(agent, batch)).toEqual(results);
      expect(await ticketOf(ticketId)).toMatchObject({ status: 'new' });
    } finally {
      mailer.onTicketChanged = enqueue;
    }
  });
});
