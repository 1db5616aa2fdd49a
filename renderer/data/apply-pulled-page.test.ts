import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change, Ticket } from '../../shared/index';
import { performMutation } from '../sync/perform-mutation';
import { applyPulledPage } from './apply-pulled-page';
import { serverCopyOf } from './cached-ticket';
import type { MesaDb } from './db';
import { readCursor } from './meta';
import { commentsOfTicket, ticketById } from './ticket-queries';
import { countQueue } from './queue-query';
import { searchTickets } from './search-tickets';
import { alwaysOpenPolicy, makeComment, makeTicket, runningSla, testUuid } from './testing/make-ticket';
import { seedSession } from './testing/seed-session';
import { freshDb } from './testing/test-db';
import { deleteChange, upsertChange } from './testing/pulled-changes';

let db: MesaDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

describe('applyPulledPage', () => {
  it('stores a page of several entities and its cursor', async () => {
    const ticket = makeTicket({ number: 'INC-1' });
    const reply = makeComment(ticket.id, 'Have you tried the other tray?');
    await applyPulledPage(
      [
        upsertChange('sla_policy', alwaysOpenPolicy()),
        upsertChange('ticket', ticket),
        upsertChange('comment', reply),
      ],
      42,
      db,
    );

    const row = await ticketById(ticket.id, db);
    expect(row).toMatchObject({ number: 'INC-1', pendingCount: 0, open: 1, assigneeKey: '' });
    expect(serverCopyOf(row!)).toEqual(ticket);
    expect((await searchTickets('tray', 10, db)).map((t) => t.id)).toEqual([ticket.id]);
    expect((await searchTickets('INC-1', 10, db)).map((t) => t.id)).toEqual([ticket.id]);
    expect(await commentsOfTicket(ticket.id, db)).toEqual([
      expect.objectContaining({ id: reply.id, body: reply.body, pending: 0 }),
    ]);
    // The page is one row, whatever it holds; nothing of it is in the per-ticket overlay.
    expect(await db.pages.count()).toBe(1);
    expect(await db.tickets.count()).toBe(0);
    expect(await db.slaPolicies.get('default')).toBeDefined();
    expect(await readCursor(db)).toBe(42);
  });

  it('a comment pulled pages after its ticket makes the ticket findable by its words, the ticket row untouched', async () => {
    const ticket = makeTicket({ number: 'INC-7' });
    await applyPulledPage([upsertChange('ticket', ticket)], 1, db);
    expect(await searchTickets('firmware', 10, db)).toEqual([]);
    const before = await ticketById(ticket.id, db);
    await applyPulledPage([upsertChange('comment', makeComment(ticket.id, 'Updated the firmware'))], 2, db);
    expect((await searchTickets('firmware', 10, db)).map((t) => t.id)).toEqual([ticket.id]);
    expect(await ticketById(ticket.id, db)).toEqual(before);
  });

  it('deletes a ticket with its comments, and the last change of an id wins', async () => {
    const ticket = makeTicket();
    await applyPulledPage(
      [upsertChange('ticket', ticket), upsertChange('comment', makeComment(ticket.id, 'hello'))],
      2,
      db,
    );
    const renamed = { ...ticket, title: 'Renamed' };
    await applyPulledPage([upsertChange('ticket', renamed), deleteChange('ticket', ticket.id)], 4, db);
    expect(await ticketById(ticket.id, db)).toBeUndefined();
    expect(await commentsOfTicket(ticket.id, db)).toEqual([]);
  });

  it('rebases the pending changes on the new server copy', async () => {
    const agent = await seedSession(db);
    const ticket = makeTicket({ number: 'INC-9' });
    await applyPulledPage([upsertChange('ticket', ticket)], 1, db);
    const assigned = await performMutation(
      'ticket.assign',
      { ticketId: ticket.id, assigneeId: agent.id },
      { db },
    );
    expect(assigned.ok).toBe(true);

    // Someone else renamed it meanwhile; our assignment is not on the server yet.
    const serverCopy: Ticket = {
      ...ticket,
      title: 'Printer jammed again',
      updatedAt: '2025-03-03T10:00:00.000Z',
    };
    await applyPulledPage([upsertChange('ticket', serverCopy)], 2, db);

    const row = await ticketById(ticket.id, db);
    expect(row).toMatchObject({
      title: 'Printer jammed again',
      assigneeId: agent.id,
      status: 'assigned',
      pendingCount: 1,
    });
    expect(row?.server).toEqual(serverCopy);
  });

  it('stores a ticket with nothing pending once: its visible fields are the server copy', async () => {
    const ticket = makeTicket();
    await applyPulledPage([upsertChange('ticket', ticket)], 1, db);
    const row = (await ticketById(ticket.id, db))!;
    expect(row).not.toHaveProperty('server');
    expect(serverCopyOf(row)).toEqual(ticket);
  });

  it('skips data the shared schema refuses, and still moves the cursor', async () => {
    const bad: Change = { ...upsertChange('ticket', { id: testUuid() }), data: { title: '' } };
    const good = makeTicket();
    const result = await applyPulledPage([bad, upsertChange('ticket', good)], 7, db);
    expect(result.applied).toBe(1);
    expect(result.skipped).toEqual([expect.objectContaining({ entity: 'ticket', id: bad.id })]);
    expect(await countQueue({ kind: 'all' }, db)).toBe(1);
    expect(await readCursor(db)).toBe(7);
  });

  it('replaces the agent’s own copy of a comment the server sends, deleting only the rows the overlay holds', async () => {
    const ticket = makeTicket();
    const mine = makeComment(ticket.id, 'Sent from the train');
    await db.comments.put({ ...mine, pending: 1, server: null });
    const others = Array.from({ length: 300 }, (_, i) => makeComment(ticket.id, `Reply ${i}`));
    // Dexie notes every deleted key for each live query: absent ids must not be deleted at all.
    const deletes = vi.spyOn(db.relaxed.comments, 'bulkDelete');

    await applyPulledPage(
      [
        upsertChange('ticket', ticket),
        upsertChange('comment', mine),
        ...others.map((c) => upsertChange('comment', c)),
      ],
      5,
      db,
    );

    expect(deletes.mock.calls).toEqual([[[mine.id]]]);
    expect(await db.comments.count()).toBe(0);
    const comments = await commentsOfTicket(ticket.id, db);
    expect(comments).toHaveLength(301);
    expect(comments).toContainEqual(
      expect.objectContaining({ id: mine.id, body: 'Sent from the train', pending: 0 }),
    );
  });

  it('wakes live queries on the strict connection, though it writes through the relaxed one', async () => {
    const counts: number[] = [];
    const seen = new Promise<void>((resolve) => {
      const subscription = liveQuery(() => countQueue({ kind: 'all' }, db)).subscribe((n) => {
        counts.push(n);
        if (n === 1) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    await applyPulledPage([upsertChange('ticket', makeTicket())], 1, db);
    await seen;
    expect(counts.at(-1)).toBe(1);
  });
});

describe('applyPulledPage, reference data after its tickets', () => {
  it('dates the warning once the policy arrives', async () => {
    // Created and answered at 09:00, 480 minutes to resolve: due 17:00, warning (75%) from 15:00.
    const ticket = makeTicket({
      slaPolicyId: 'default',
      firstResponseAt: '2025-03-03T09:00:00.000Z',
      sla: runningSla('2025-03-03T17:00:00.000Z'),
    });
    await applyPulledPage([upsertChange('ticket', ticket)], 1, db);
    expect((await ticketById(ticket.id, db))?.slaWarnMs).toBe(Date.parse('2025-03-03T17:00:00.000Z'));
    await applyPulledPage([upsertChange('sla_policy', alwaysOpenPolicy())], 2, db);
    expect((await ticketById(ticket.id, db))?.slaWarnMs).toBe(Date.parse('2025-03-03T15:00:00.000Z'));
  });

  it('dates the warning again when the warning fraction changes', async () => {
    const ticket = makeTicket({
      slaPolicyId: 'default',
      firstResponseAt: '2025-03-03T09:00:00.000Z',
      sla: runningSla('2025-03-03T17:00:00.000Z'),
    });
    await applyPulledPage(
      [upsertChange('sla_policy', alwaysOpenPolicy()), upsertChange('ticket', ticket)],
      1,
      db,
    );
    await applyPulledPage([upsertChange('sla_policy', alwaysOpenPolicy({ warnAtFraction: 0.5 }))], 2, db);
    // Half of 480 minutes from 09:00.
    expect((await ticketById(ticket.id, db))?.slaWarnMs).toBe(Date.parse('2025-03-03T13:00:00.000Z'));
  });

  it('leaves the tickets alone when a policy comes again with the same warning rules', async () => {
    const ticket = makeTicket({
      slaPolicyId: 'default',
      firstResponseAt: '2025-03-03T09:00:00.000Z',
      sla: runningSla('2025-03-03T17:00:00.000Z'),
    });
    await applyPulledPage(
      [upsertChange('sla_policy', alwaysOpenPolicy()), upsertChange('ticket', ticket)],
      1,
      db,
    );
    const written: string[] = [];
    const unsubscribe = db.ticketWrites.subscribe((write) => {
      if (write.kind === 'overlay') written.push(...write.ids);
    });
    await applyPulledPage([upsertChange('sla_policy', alwaysOpenPolicy({ name: 'Renamed' }))], 2, db);
    unsubscribe();
    expect(written).toEqual([]);
    expect(await db.slaPolicies.get('default')).toMatchObject({ name: 'Renamed' });
    expect((await ticketById(ticket.id, db))?.slaWarnMs).toBe(Date.parse('2025-03-03T15:00:00.000Z'));
  });
});
