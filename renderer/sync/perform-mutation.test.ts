import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPulledPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { writeMeta } from '../data/meta';
import { searchTickets } from '../data/search-tickets';
import { makeTicket, testUuid } from '../data/testing/make-ticket';
import { seedSession } from '../data/testing/seed-session';
import { freshDb } from '../data/testing/test-db';
import { commentsOfTicket } from '../data/ticket-queries';
import { performMutation } from './perform-mutation';
import { ticketById } from '../data/ticket-queries';

let db: MesaDb;
const ticket = makeTicket({ number: 'INC-5' });

beforeEach(async () => {
  db = freshDb();
  await applyPulledPage([{ seq: 1, entity: 'ticket', id: ticket.id, op: 'upsert', data: ticket }], 1, db);
});

afterEach(async () => {
  await db.delete();
});

describe('performMutation', () => {
  it('applies the change and queues it, together', async () => {
    const agent = await seedSession(db);
    const outcome = await performMutation(
      'ticket.assign',
      { ticketId: ticket.id, assigneeId: agent.id },
      { db },
    );
    expect(outcome).toMatchObject({ ok: true, ticketId: ticket.id });

    expect(await ticketById(ticket.id, db)).toMatchObject({
      status: 'assigned',
      assigneeId: agent.id,
      pendingCount: 1,
      server: ticket,
    });
    const [entry] = await db.outbox.toArray();
    expect(entry).toMatchObject({
      id: outcome.ok ? outcome.mutationId : '',
      type: 'ticket.assign',
      ticketId: ticket.id,
      attempts: 0,
    });
  });

  it('refuses what the shared rules refuse, writing nothing', async () => {
    await seedSession(db);
    const outcome = await performMutation(
      'ticket.transition',
      { ticketId: ticket.id, to: 'resolved' },
      { db },
    );
    expect(outcome).toMatchObject({ ok: false, code: 'resolution_required' });
    expect(await db.outbox.count()).toBe(0);
    expect(await ticketById(ticket.id, db)).toMatchObject({ status: 'new', pendingCount: 0 });
  });

  it('refuses arguments the schema refuses', async () => {
    await seedSession(db);
    const outcome = await performMutation('ticket.update', { ticketId: 'not-a-uuid', title: 'x' }, { db });
    expect(outcome).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await db.outbox.count()).toBe(0);
  });

  it('refuses when nobody is signed in', async () => {
    await writeMeta(db, 'sessionAgent', null);
    const outcome = await performMutation(
      'ticket.update',
      { ticketId: ticket.id, title: 'New title' },
      { db },
    );
    expect(outcome).toMatchObject({ ok: false, code: 'signed_out' });
  });

  it('creates a ticket offline: no number yet, searchable at once', async () => {
    await seedSession(db);
    const ticketId = testUuid();
    const outcome = await performMutation(
      'ticket.create',
      {
        ticketId,
        title: 'Monitor flickers',
        description: 'Since Monday',
        category: 'hardware',
        impact: 3,
        urgency: 2,
        requester: { name: 'Luis', email: 'luis@example.com' },
      },
      { db },
    );
    expect(outcome.ok).toBe(true);
    expect(await ticketById(ticketId, db)).toMatchObject({
      number: null,
      server: null,
      status: 'new',
      priority: 4,
      pendingCount: 1,
    });
    expect((await searchTickets('flick', 5, db)).map((t) => t.id)).toEqual([ticketId]);
  });

  it('adds a comment as pending, and its words to the ticket', async () => {
    await seedSession(db);
    const commentId = testUuid();
    await performMutation(
      'comment.add',
      { ticketId: ticket.id, commentId, body: 'Swapped the toner cartridge', visibility: 'public' },
      { db },
    );
    expect(await commentsOfTicket(ticket.id, db)).toEqual([
      expect.objectContaining({ id: commentId, pending: 1, server: null }),
    ]);
    expect((await searchTickets('toner', 5, db)).map((t) => t.id)).toEqual([ticket.id]);
    expect((await ticketById(ticket.id, db))?.firstResponseAt).not.toBeNull();
  });
});
