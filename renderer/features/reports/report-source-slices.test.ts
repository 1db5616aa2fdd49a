import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FIXTURE_POLICIES, FIXTURE_TICKETS } from '../../../shared/reports/sla-report.fixture';
import { setDb } from '../../data/app-db';
import { toCachedTicket } from '../../data/cached-ticket';
import { freshDb } from '../../data/testing/test-db';
import { SLICE_MS } from './main-thread-turn';
import { readReportTickets } from './report-source';

/**
 * Handing 100,000 tickets to the report's worker is main-thread work (each message is
 * cloned there): it must come in slices, with the agent's next key (here, a timer queued
 * meanwhile) handled between them, whatever the tickets cost.
 */

const TICKETS = 1_000;
/** What handing one ticket over costs on the page's clock here: a slow, busy machine. */
const TICKET_COST_MS = 0.02;

beforeEach(async () => {
  const db = freshDb();
  setDb(db);
  const seed = FIXTURE_TICKETS[0]!;
  const policy = seed.slaPolicyId ? FIXTURE_POLICIES.get(seed.slaPolicyId) : null;
  await db.tickets.bulkPut(
    Array.from({ length: TICKETS }, (_, i) => {
      const ticket = { ...seed, id: `0190ffff-0000-7000-8000-${i.toString(16).padStart(12, '0')}` };
      return toCachedTicket(ticket, { server: ticket, pendingCount: 0, policy });
    }),
  );
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('reading the tickets for a report', () => {
  it('gives the main thread back after each slice of work, and hands every ticket over once', async () => {
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const handed: string[] = [];
    /** The page's time spent handing tickets over, between two turns of the agent. */
    const spentPerTurn: number[] = [0];
    let reading = true;
    const agent = () => {
      if (!reading) return;
      spentPerTurn.push(0);
      setTimeout(agent, 0);
    };
    setTimeout(agent, 0);

    await readReportTickets((tickets) => {
      clock += tickets.length * TICKET_COST_MS;
      spentPerTurn[spentPerTurn.length - 1]! += tickets.length * TICKET_COST_MS;
      handed.push(...tickets.map((t) => t.id));
    });
    reading = false;

    expect(handed).toHaveLength(TICKETS);
    expect(new Set(handed).size).toBe(TICKETS);
    // A slice ends with the first message past its time, and a message is far shorter than a slice.
    expect(Math.max(...spentPerTurn)).toBeLessThanOrEqual(2 * SLICE_MS);
    expect(spentPerTurn.filter((ms) => ms > 0).length).toBeGreaterThan(1);
  });
});
