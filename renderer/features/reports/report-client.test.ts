import { beforeEach, describe, expect, it } from 'vitest';
import { reportPeriod, type ReportPeriod } from '../../../shared/reports/index';
import {
  FIXTURE_FIRST_DAY,
  FIXTURE_LAST_DAY,
  FIXTURE_TIME_ZONE,
} from '../../../shared/reports/service-report.fixture';
import {
  FIXTURE_EXPECTED_TOTAL,
  FIXTURE_NOW,
  FIXTURE_POLICIES,
  FIXTURE_TICKETS,
} from '../../../shared/reports/sla-report.fixture';
import { setDb } from '../../data/app-db';
import { toCachedTicket } from '../../data/cached-ticket';
import type { MesaDb } from '../../data/db';
import { freshDb } from '../../data/testing/test-db';
import { ReportClient } from './report-client';

/**
 * The report client over a real (fake-IndexedDB) cache, in-thread as where no Worker
 * exists: the figures of the cached fixture tickets, and a ticket written afterwards
 * counted in the next report without a full reload.
 */

const nowMs = Date.parse(FIXTURE_NOW);
let db: MesaDb;
let period: ReportPeriod;

const cached = (ticket: (typeof FIXTURE_TICKETS)[number]) =>
  toCachedTicket(ticket, {
    server: ticket,
    pendingCount: 0,
    policy: ticket.slaPolicyId ? FIXTURE_POLICIES.get(ticket.slaPolicyId) : null,
  });

beforeEach(async () => {
  db = freshDb();
  setDb(db);
  await db.slaPolicies.bulkPut([...FIXTURE_POLICIES.values()]);
  await db.tickets.bulkPut(FIXTURE_TICKETS.map(cached));
  const result = reportPeriod(
    { preset: 'custom', from: FIXTURE_FIRST_DAY, to: FIXTURE_LAST_DAY },
    new Date(nowMs),
    FIXTURE_TIME_ZONE,
  );
  if (!result.ok) throw new Error(result.error);
  period = result.period;
});

describe('report client', () => {
  it("gives the fixture's figures from the cached tickets", async () => {
    const { report, judgedAtMs } = await new ReportClient().compute({ period, filters: {} }, nowMs);
    expect(report.sla.total).toEqual(FIXTURE_EXPECTED_TOTAL);
    expect(judgedAtMs).toBe(nowMs);
  });

  it('counts a ticket written after the first report in the next one, and forgets a deleted one', async () => {
    const client = new ReportClient();
    await client.compute({ period, filters: {} }, nowMs);
    // Ticket 6 (untouched, both clocks running) is answered and resolved within its targets.
    const six = FIXTURE_TICKETS[5]!;
    await db.tickets.put(
      cached({
        ...six,
        status: 'resolved',
        firstResponseAt: '2026-04-07T13:00:00.000Z',
        resolvedAt: '2026-04-07T14:00:00.000Z',
        statusHistory: [...six.statusHistory, { at: '2026-04-07T14:00:00.000Z', status: 'resolved' }],
      }),
    );
    const { report } = await client.compute({ period, filters: {} }, nowMs + 1_000);
    expect(report.sla.total.firstResponse).toMatchObject({ met: 7, breached: 1, running: 0 });
    expect(report.sla.total.resolution).toMatchObject({ met: 3, breached: 3, running: 2 });

    await db.tickets.delete(six.id);
    const after = await client.compute({ period, filters: {} }, nowMs + 2_000);
    expect(after.report.tickets).toBe(8);
  });
});
