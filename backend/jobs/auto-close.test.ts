import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ticket } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';
import { closeStaleResolvedTickets } from './auto-close';

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_DIALECTS)('auto-close of resolved tickets (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestBackend(
      dialect,
      { autoCloseDays: 3, autoCloseIntervalMs: 100 },
      { clock: () => new Date(Date.now() + offset), autoCloseJob: true },
    );
    agent = await t.login();
  });
  afterAll(() => t?.close());

  const resolved = async () => {
    const create = mutations.create();
    const ticketId = create.args.ticketId;
    await t.push(agent, [
      create,
      mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }),
      mutations.of('ticket.transition', { ticketId, to: 'resolved', resolutionNote: 'Listo' }),
    ]);
    return ticketId;
  };
  const ticket = async (id: string) =>
    (await t.pullAll(agent)).find((c) => c.id === id)?.data as unknown as Ticket;

  it('closes tickets resolved more than N days ago, as the system, as a synced change', async () => {
    const old = await resolved();
    const reopened = await resolved();
    await t.push(agent, [mutations.of('ticket.transition', { ticketId: reopened, to: 'in_progress' })]);
    offset = 2 * DAY;
    expect(await closeStaleResolvedTickets(t.backend.services)).toBe(0);
    const fresh = await resolved(); // resolved "now", two days later than the first
    offset = 3 * DAY + 60_000;
    // The background job (every 100 ms here) does the sweep.
    await expect.poll(async () => (await ticket(old)).status, { timeout: 5_000 }).toBe('closed');
    const closed = await ticket(old);
    expect(closed.closedAt).not.toBeNull();
    expect(closed.audit.at(-1)).toMatchObject({
      actorId: null,
      action: 'ticket.transition',
      changes: { status: ['resolved', 'closed'] },
    });
    expect((await ticket(reopened)).status).toBe('in_progress');
    expect((await ticket(fresh)).status).toBe('resolved');
    expect(await closeStaleResolvedTickets(t.backend.services)).toBe(0);
    offset = 0;
  });
});
