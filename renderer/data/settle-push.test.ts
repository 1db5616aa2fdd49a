import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { performMutation } from '../sync/perform-mutation';
import { applyPulledPage } from './apply-pulled-page';
import type { MesaDb } from './db';
import { settlePushResults } from './settle-push';
import { makeTicket, testUuid } from './testing/make-ticket';
import { seedSession } from './testing/seed-session';
import { freshDb } from './testing/test-db';
import { countQueue } from './queue-query';
import { commentsOfTicket, pendingTickets } from './ticket-queries';
import { ticketById } from './ticket-queries';

let db: MesaDb;

beforeEach(async () => {
  db = freshDb();
  await seedSession(db);
});

afterEach(async () => {
  await db.delete();
});

const createArgs = (ticketId: string) => ({
  ticketId,
  title: 'Badge does not open the door',
  description: 'Main entrance',
  category: 'access',
  impact: 2 as const,
  urgency: 2 as const,
  requester: { name: 'Eva', email: 'eva@example.com' },
});

describe('settlePushResults', () => {
  it('on applied: drops the entry, keeps the optimistic state until the pull brings the server copy', async () => {
    const ticket = makeTicket();
    await applyPulledPage([{ seq: 1, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], 1, db);
    await performMutation('ticket.update', { ticketId: ticket.id, title: 'Renamed here' }, { db });
    const batch = await db.outbox.toArray();
    expect((await pendingTickets(50, db)).map((t) => t.id)).toEqual([ticket.id]);

    const settled = await settlePushResults(batch, [{ id: batch[0]!.id, status: 'applied' }], db);
    expect(settled).toMatchObject({ applied: 1, rejected: [], unanswered: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await ticketById(ticket.id, db)).toMatchObject({ title: 'Renamed here' });

    // The server's copy, with the change: nothing pending any more, off the "pending" index and out of the pending-only filter.
    const changed = {
      ...ticket,
      title: 'Renamed here',
      updatedAt: new Date(Date.parse(ticket.updatedAt) + 1000).toISOString(),
    };
    await applyPulledPage([{ seq: 2, entity: 'ticket', id: ticket.id, op: 'upsert', data: changed }], 2, db);
    expect(await ticketById(ticket.id, db)).toMatchObject({ title: 'Renamed here', pendingCount: 0 });
    expect(await pendingTickets(50, db)).toEqual([]);
    expect(await countQueue({ kind: 'all', filters: { pendingOnly: true } }, db)).toBe(0);
  });

  it('on rejected: records why, and a ticket created here disappears with its comment', async () => {
    const ticketId = testUuid();
    await performMutation('ticket.create', createArgs(ticketId), { db });
    await performMutation(
      'comment.add',
      { ticketId, commentId: testUuid(), body: 'Tried twice', visibility: 'internal' },
      { db },
    );
    const batch = await db.outbox.toArray();

    const results = [
      { id: batch[0]!.id, status: 'rejected' as const, code: 'forbidden', message: 'No.' },
      { id: batch[1]!.id, status: 'rejected' as const, code: 'not_found', message: 'No ticket.' },
    ];
    const settled = await settlePushResults(batch, results, db);
    expect(settled.rejected.map((r) => r.code)).toEqual(['forbidden', 'not_found']);
    expect(await ticketById(ticketId, db)).toBeUndefined();
    expect(await commentsOfTicket(ticketId, db)).toEqual([]);
    expect(await db.rejections.get(batch[0]!.id)).toMatchObject({
      ticketId,
      type: 'ticket.create',
      code: 'forbidden',
    });
    expect(await db.outbox.count()).toBe(0);
  });

  it('on a rejection, the mutations still pending stay applied', async () => {
    const ticket = makeTicket();
    await applyPulledPage([{ seq: 1, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], 1, db);
    await performMutation('ticket.update', { ticketId: ticket.id, title: 'Refused title' }, { db });
    await performMutation('ticket.update', { ticketId: ticket.id, impact: 1, urgency: 1 }, { db });
    const [first, second] = await db.outbox.toArray();

    await settlePushResults(
      [first!],
      [{ id: first!.id, status: 'rejected', code: 'conflict', message: 'Changed meanwhile.' }],
      db,
    );
    expect(await ticketById(ticket.id, db)).toMatchObject({
      title: ticket.title,
      priority: 1,
      pendingCount: 1,
    });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([second!.id]);
  });

  it('leaves entries the answer does not mention or puts off', async () => {
    const ticket = makeTicket();
    await applyPulledPage([{ seq: 1, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], 1, db);
    await performMutation('ticket.update', { ticketId: ticket.id, title: 'Still waiting' }, { db });
    const batch = await db.outbox.toArray();
    expect(await settlePushResults(batch, [], db)).toMatchObject({ unanswered: 1 });
    expect(await db.outbox.count()).toBe(1);
    // "Not now" is not "no".
    const later = [
      { id: batch[0]!.id, status: 'rejected' as const, code: 'rate_limited', message: 'Slow down.' },
    ];
    expect(await settlePushResults(batch, later, db)).toMatchObject({ unanswered: 1, rejected: [] });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.rejections.count()).toBe(0);
  });

  it('settles a batch over many tickets: each comment confirmed, and after the pull each ticket counts only what is still queued', async () => {
    const [a, b] = [makeTicket(), makeTicket()];
    await applyPulledPage(
      [a, b].map((ticket, i) => ({
        seq: i + 1,
        entity: 'ticket' as const,
        id: ticket.id,
        op: 'upsert' as const,
        data: ticket,
      })),
      2,
      db,
    );
    const commentIds = [testUuid(), testUuid(), testUuid()];
    await performMutation(
      'comment.add',
      { ticketId: a.id, commentId: commentIds[0]!, body: 'First on A', visibility: 'internal' },
      { db },
    );
    await performMutation(
      'comment.add',
      { ticketId: a.id, commentId: commentIds[1]!, body: 'Second on A', visibility: 'internal' },
      { db },
    );
    await performMutation(
      'comment.add',
      { ticketId: b.id, commentId: commentIds[2]!, body: 'Only on B', visibility: 'internal' },
      { db },
    );
    const batch = await db.outbox.toArray();

    // A's second comment is put off; the rest is applied.
    const results = [
      { id: batch[0]!.id, status: 'applied' as const },
      { id: batch[1]!.id, status: 'rejected' as const, code: 'rate_limited', message: 'Slow down.' },
      { id: batch[2]!.id, status: 'applied' as const },
    ];
    expect(await settlePushResults(batch, results, db)).toMatchObject({
      applied: 2,
      unanswered: 1,
      rejected: [],
    });
    expect((await db.outbox.toArray()).map((e) => e.id)).toEqual([batch[1]!.id]);
    expect((await db.comments.bulkGet(commentIds)).map((c) => c?.pending)).toEqual([0, 1, 0]);

    await applyPulledPage(
      [a, b].map((ticket, i) => ({
        seq: i + 3,
        entity: 'ticket' as const,
        id: ticket.id,
        op: 'upsert' as const,
        data: ticket,
      })),
      4,
      db,
    );
    expect(await ticketById(a.id, db)).toMatchObject({ pendingCount: 1 });
    expect(await ticketById(b.id, db)).toMatchObject({ pendingCount: 0 });
  });
});
