// The watcher's inputs from the real cache (fake-indexeddb): which tickets it reads per
// scope, the persisted "already notified" keys, and "open this ticket" requests by number.
import { liveQuery } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventChannel, EventPayload, MesaApi } from '../../shared/index';
import { applyPulledPage } from '../data/apply-pulled-page';
import type { MesaDb } from '../data/db';
import { makeTicket, testUuid } from '../data/testing/make-ticket';
import { freshDb } from '../data/testing/test-db';
import { dexieNotifiedStore } from './notified-store';
import { listenForOpenTicket } from './open-ticket-requests';
import { loadWatchedTickets, countWatchedTickets } from './open-tickets-source';

const ME = testUuid();
const TEAM = testUuid();
let db: MesaDb;

beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  await db.delete();
});

async function put(...tickets: ReturnType<typeof makeTicket>[]) {
  await applyPulledPage(
    tickets.map((data, i) => ({
      seq: i + 1,
      entity: 'ticket' as const,
      id: data.id,
      op: 'upsert' as const,
      data,
    })),
    tickets.length,
    db,
  );
}

describe('loadWatchedTickets', () => {
  it('reads mine, my team’s or both, open ones only', async () => {
    const mine = makeTicket({ status: 'assigned', assigneeId: ME });
    const teams = makeTicket({ status: 'new', teamId: TEAM });
    const mineDone = makeTicket({
      status: 'resolved',
      assigneeId: ME,
      resolvedAt: new Date().toISOString(),
      resolutionNote: 'ok',
    });
    const other = makeTicket({ status: 'assigned', assigneeId: testUuid(), teamId: testUuid() });
    await put(mine, teams, mineDone, other);
    const ids = async (scope: 'mine' | 'team' | 'both') =>
      (await loadWatchedTickets(db, ME, [TEAM], scope)).map((t) => t.id).sort();
    expect(await ids('mine')).toEqual([mine.id]);
    expect(await ids('team')).toEqual([teams.id]);
    expect(await ids('both')).toEqual([mine.id, teams.id].sort());
  });
});

describe('countWatchedTickets', () => {
  it('observed live, tells of a change to a watched ticket that does not change which tickets are watched', async () => {
    const mine = makeTicket({ status: 'assigned', assigneeId: ME });
    await put(mine);
    let answers = 0;
    const subscription = liveQuery(() => countWatchedTickets(db, ME, [TEAM], 'both')).subscribe(() => {
      answers += 1;
    });
    await vi.waitFor(() => expect(answers).toBe(1));
    expect(await countWatchedTickets(db, ME, [TEAM], 'both')).toBe(
      (await loadWatchedTickets(db, ME, [TEAM], 'both')).length,
    );
    await applyPulledPage(
      [
        {
          seq: 2,
          entity: 'ticket',
          id: mine.id,
          op: 'upsert',
          data: { ...mine, priority: 1, updatedAt: new Date().toISOString() },
        },
      ],
      2,
      db,
    );
    await vi.waitFor(() => expect(answers).toBe(2));
    subscription.unsubscribe();
  });
});

describe('dexieNotifiedStore', () => {
  it('remembers keys across store instances (a reload)', async () => {
    await dexieNotifiedStore(db).add('t1:resolution:warning');
    const again = dexieNotifiedStore(db);
    expect(await again.has('t1:resolution:warning')).toBe(true);
    expect(await again.has('t1:resolution:breach')).toBe(false);
  });
});

describe('listenForOpenTicket', () => {
  function fakeEvents() {
    let listener: ((payload: EventPayload<'openTicket'>) => void) | null = null;
    const api: Pick<MesaApi, 'on'> = {
      on: <E extends EventChannel>(_event: E, l: (payload: EventPayload<E>) => void) => {
        listener = l as unknown as (payload: EventPayload<'openTicket'>) => void;
        return () => void (listener = null);
      },
    };
    return { api, emit: (payload: EventPayload<'openTicket'>) => listener?.(payload) };
  }

  it('opens by id (a clicked notification) and by number (a mesa:// link)', async () => {
    const ticket = makeTicket({ number: 'INC-1042' });
    await put(ticket);
    const opened: string[] = [];
    const unknown: string[] = [];
    const events = fakeEvents();
    const stop = listenForOpenTicket(
      events.api,
      db,
      (id) => opened.push(id),
      (n) => unknown.push(n),
    );
    events.emit({ ticketId: ticket.id });
    events.emit({ number: 'inc-1042' });
    events.emit({ number: 'INC-9999' });
    await expect.poll(() => opened.length + unknown.length).toBe(3);
    expect(opened).toEqual([ticket.id, ticket.id]);
    expect(unknown).toEqual(['INC-9999']);
    stop();
  });
});
