// The watcher decides from local data only; these tests drive it with a hand-set clock
// (no timers, no waiting) through a ticket's life: ok → warning → breach.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALENDAR_24X7, type SlaPolicy } from '../../shared/index';
import { toCachedTicket } from '../data/cached-ticket';
import { makeTicket } from '../data/testing/make-ticket';
import { MesaDb } from '../data/db';
import type { WatchedTicket } from './sla-alerts';
import {
  createSlaWatcher,
  DEFAULT_SLA_WATCH_SETTINGS,
  type NotifiedStore,
  type SlaWatchSettings,
} from './sla-watcher';

const AGENT = '0190a000-0000-7000-8000-000000000001';
const OTHER_AGENT = '0190a000-0000-7000-8000-000000000002';
const TEAM = '0190a000-0000-7000-8000-0000000000aa';
const OTHER_TEAM = '0190a000-0000-7000-8000-0000000000bb';

/** 24×7 so minutes are wall minutes: P3 answers within 60 min, resolves within 240; warn at half. */
const POLICY: SlaPolicy = {
  id: 'test-24x7',
  name: 'Test 24×7',
  calendar: CALENDAR_24X7,
  targets: {
    1: { firstResponseMinutes: 15, resolutionMinutes: 60 },
    2: { firstResponseMinutes: 30, resolutionMinutes: 120 },
    3: { firstResponseMinutes: 60, resolutionMinutes: 240 },
    4: { firstResponseMinutes: 120, resolutionMinutes: 480 },
    5: { firstResponseMinutes: 240, resolutionMinutes: 960 },
  },
  warnAtFraction: 0.5,
};

const T0 = Date.parse('2025-03-10T08:00:00Z');
const at = (minutes: number, seconds = 0) => new Date(T0 + minutes * 60_000 + seconds * 1000);

let serial = 0;
function ticket(overrides: Partial<WatchedTicket> = {}): WatchedTicket {
  serial += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(serial).padStart(12, '0')}`,
    number: `INC-${1000 + serial}`,
    title: `Printer on floor ${serial} is on fire`,
    status: 'assigned',
    priority: 3,
    createdAt: new Date(T0).toISOString(),
    firstResponseAt: null,
    statusHistory: [{ at: new Date(T0).toISOString(), status: 'assigned' }],
    slaPolicyId: POLICY.id,
    assigneeId: AGENT,
    teamId: TEAM,
    ...overrides,
  };
}

/** What the app persists in Dexie's meta table; a Set is the same contract. */
function memoryStore(keys = new Set<string>()): NotifiedStore & { keys: Set<string> } {
  return { keys, has: (key) => keys.has(key), add: (key) => void keys.add(key) };
}

function watcher(tickets: WatchedTicket[], store: NotifiedStore, settings: Partial<SlaWatchSettings> = {}) {
  return createSlaWatcher({
    agentId: AGENT,
    teamIds: [TEAM],
    settings: { ...DEFAULT_SLA_WATCH_SETTINGS, ...settings },
    loadOpenTickets: async () => tickets,
    loadPolicies: async () => [POLICY],
    notified: store,
  });
}

const summary = (n: { ticketNumber: string | null; clock: string; threshold: string }) =>
  `${n.ticketNumber} ${n.clock} ${n.threshold}`;

afterEach(() => vi.unstubAllGlobals());

describe('SLA watcher', () => {
  it('raises a warning once, then the breach once', async () => {
    const t = ticket({ firstResponseAt: at(5).toISOString() }); // answered: only the resolution clock runs
    const w = watcher([t], memoryStore());

    expect((await w.check(at(60))).notify).toEqual([]);
    const warning = await w.check(at(121));
    expect(warning.notify.map(summary)).toEqual([`${t.number} resolution warning`]);
    expect(warning.notify[0]).toMatchObject({
      key: `${t.id}:resolution:warning`,
      ticketId: t.id,
      ticketTitle: t.title,
    });
    expect((await w.check(at(122))).notify).toEqual([]);
    expect((await w.check(at(200))).notify).toEqual([]);

    const breach = await w.check(at(241));
    expect(breach.notify.map(summary)).toEqual([`${t.number} resolution breach`]);
    expect((await w.check(at(300))).notify).toEqual([]);
  });

  it('raises nothing again after a reload: a new watcher with the same store', async () => {
    const t = ticket();
    const store = memoryStore();
    expect((await watcher([t], store).check(at(121))).notify.map(summary)).toEqual([
      `${t.number} firstResponse breach`,
    ]);
    const afterReload = watcher([t], memoryStore(new Set(store.keys)));
    expect((await afterReload.check(at(122))).notify).toEqual([]);
    // Answered at last: the resolution clock is now the one that matters, and it has breached.
    const answered = watcher(
      [{ ...t, firstResponseAt: at(400).toISOString() }],
      memoryStore(new Set(store.keys)),
    );
    expect((await answered.check(at(500))).notify.map(summary)).toEqual([`${t.number} resolution breach`]);
  });

  it('announces a clock first seen already breached as a breach only, never a late warning', async () => {
    const t = ticket({ firstResponseAt: at(1).toISOString() });
    const store = memoryStore();
    const w = watcher([t], store);
    expect((await w.check(at(250))).notify.map(summary)).toEqual([`${t.number} resolution breach`]);
    // Even if a priority drop pulls the clock back into warning, the stale warning stays unsaid.
    const lowered = watcher([{ ...t, priority: 4 }], store);
    expect((await lowered.check(at(251))).notify).toEqual([]);
  });

  it('runs on the clocks, not the server: paused and stopped clocks raise nothing', async () => {
    const pending = ticket({
      firstResponseAt: at(1).toISOString(),
      status: 'pending',
      statusHistory: [
        { at: at(0).toISOString(), status: 'assigned' },
        { at: at(10).toISOString(), status: 'pending' },
      ],
    });
    const resolved = ticket({ status: 'resolved' });
    expect((await watcher([pending, resolved], memoryStore()).check(at(1000))).notify).toEqual([]);
  });

  it('never calls the network: the cache and the clock are enough (offline)', async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('offline')));
    vi.stubGlobal('fetch', fetchSpy);
    const db = new MesaDb(`sla-watcher-offline-${Date.now()}`);
    try {
      const t = ticket({ firstResponseAt: at(2).toISOString() });
      const full = makeTicket(t);
      await db.tickets.put(toCachedTicket(full, { server: full, pendingCount: 0, policy: POLICY }));
      await db.slaPolicies.put(POLICY);
      const w = createSlaWatcher({
        agentId: AGENT,
        teamIds: [TEAM],
        settings: DEFAULT_SLA_WATCH_SETTINGS,
        loadOpenTickets: () => db.tickets.toArray(),
        loadPolicies: () => db.slaPolicies.toArray(),
        notified: memoryStore(),
      });
      expect((await w.check(at(130))).notify.map(summary)).toEqual([`${t.number} resolution warning`]);
      expect(fetchSpy).not.toHaveBeenCalled();
    } finally {
      db.close();
      await db.delete();
    }
  });

  describe('quiet hours', () => {
    // 08:00Z is 09:00 in Madrid; quiet until 12:00 Madrid = 11:00Z = T0 + 180 min.
    const quietHours = { start: '08:30', end: '12:00', timeZone: 'Europe/Madrid' };

    it('defer events to the end of quiet hours instead of dropping them', async () => {
      const t = ticket({ firstResponseAt: at(1).toISOString() });
      const store = memoryStore();
      const w = watcher([t], store, { quietHours });
      const quiet = await w.check(at(130));
      expect(quiet.notify).toEqual([]);
      expect(quiet.deferred.map(summary)).toEqual([`${t.number} resolution warning`]);
      expect(store.keys.size).toBe(0);
      expect(quiet.nextWakeAt?.toISOString()).toBe(at(180).toISOString());

      expect((await w.check(at(180))).notify.map(summary)).toEqual([`${t.number} resolution warning`]);
    });

    it('collapse a warning that became a breach while quiet into one breach', async () => {
      const t = ticket({ firstResponseAt: at(1).toISOString() });
      const w = watcher([t], memoryStore(), { quietHours: { ...quietHours, end: '14:00' } }); // 13:00Z = T0 + 300
      expect((await w.check(at(130))).deferred.map(summary)).toEqual([`${t.number} resolution warning`]);
      expect((await w.check(at(250))).deferred.map(summary)).toEqual([`${t.number} resolution breach`]);
      const morning = await w.check(at(300));
      expect(morning.notify.map(summary)).toEqual([`${t.number} resolution breach`]);
      expect((await w.check(at(301))).notify).toEqual([]);
    });
  });

  describe('settings', () => {
    const mine = ticket({ firstResponseAt: at(1).toISOString() });
    const teammates = ticket({ firstResponseAt: at(1).toISOString(), assigneeId: OTHER_AGENT });
    const unassignedInTeam = ticket({ firstResponseAt: at(1).toISOString(), assigneeId: null });
    const mineElsewhere = ticket({ firstResponseAt: at(1).toISOString(), teamId: OTHER_TEAM });
    const foreign = ticket({
      firstResponseAt: at(1).toISOString(),
      assigneeId: OTHER_AGENT,
      teamId: OTHER_TEAM,
    });
    const all = [mine, teammates, unassignedInTeam, mineElsewhere, foreign];
    const numbers = async (scope: SlaWatchSettings['scope']) =>
      (await watcher(all, memoryStore(), { scope }).check(at(130))).notify.map((n) => n.ticketNumber);

    it('scope picks mine, my team’s, or both', async () => {
      expect(await numbers('mine')).toEqual([mine.number, mineElsewhere.number]);
      expect(await numbers('team')).toEqual([mine.number, teammates.number, unassignedInTeam.number]);
      expect(await numbers('both')).toEqual([
        mine.number,
        teammates.number,
        unassignedInTeam.number,
        mineElsewhere.number,
      ]);
    });

    it('events switch warnings and breaches off independently', async () => {
      const t = ticket({ firstResponseAt: at(1).toISOString() });
      const breachesOnly = watcher([t], memoryStore(), { events: { warning: false, breach: true } });
      expect((await breachesOnly.check(at(130))).notify).toEqual([]);
      expect((await breachesOnly.check(at(241))).notify.map(summary)).toEqual([
        `${t.number} resolution breach`,
      ]);

      const warningsOnly = watcher([t], memoryStore(), { events: { warning: true, breach: false } });
      expect((await warningsOnly.check(at(130))).notify.map(summary)).toEqual([
        `${t.number} resolution warning`,
      ]);
      expect((await warningsOnly.check(at(241))).notify).toEqual([]);
    });
  });

  it('counts the tickets "Breaching soon" lists: SLA state in warning or breach; a paused clock has no due time to miss', async () => {
    const ok = ticket({
      firstResponseAt: at(201).toISOString(),
      createdAt: at(200).toISOString(),
      statusHistory: [{ at: at(200).toISOString(), status: 'new' }],
    });
    const warning = ticket({ firstResponseAt: at(1).toISOString() });
    const breachedAndPaused = ticket({
      firstResponseAt: at(1).toISOString(),
      status: 'pending',
      statusHistory: [
        { at: at(0).toISOString(), status: 'assigned' },
        { at: at(245).toISOString(), status: 'pending' },
      ],
    });
    const outOfScope = ticket({ assigneeId: OTHER_AGENT, teamId: OTHER_TEAM });
    const result = await watcher([ok, warning, breachedAndPaused, outOfScope], memoryStore()).check(at(246));
    expect(result.attentionCount).toBe(1);
  });

  it('sleeps until the next threshold instead of polling', async () => {
    const t = ticket(); // first response warns at 30 min and breaches after 60; unanswered, it stays the clock that matters
    const w = watcher([t], memoryStore());
    expect((await w.check(at(10))).nextWakeAt?.toISOString()).toBe(at(30, 1).toISOString());
    expect((await w.check(at(31))).nextWakeAt?.toISOString()).toBe(at(60, 1).toISOString());
    expect((await w.check(at(61))).nextWakeAt).toBeNull();
    const answered = watcher([{ ...t, firstResponseAt: at(62).toISOString() }], memoryStore()); // resolution warns at 120
    expect((await answered.check(at(63))).nextWakeAt?.toISOString()).toBe(at(120, 1).toISOString());
  });

  it('skips a ticket with no cached policy (created offline, not yet synced)', async () => {
    const t = ticket({ slaPolicyId: null, number: null });
    const result = await watcher([t], memoryStore()).check(at(500));
    expect(result).toEqual({ notify: [], deferred: [], attentionCount: 0, nextWakeAt: null });
  });

  it('raises once even when checks overlap (a data change and the timer together)', async () => {
    const t = ticket({ firstResponseAt: at(1).toISOString() });
    const w = watcher([t], memoryStore());
    const results = await Promise.all([w.check(at(130)), w.check(at(130)), w.check(at(131))]);
    expect(results.flatMap((r) => r.notify).map(summary)).toEqual([`${t.number} resolution warning`]);
  });
});
