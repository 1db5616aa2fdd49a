import { isOpenStatus, type SlaPolicy } from '../../shared/index';
import { isQuietAt, quietHoursEnd, type QuietHours } from './quiet-hours';
import { ticketAlerts, type SlaClockName, type SlaThreshold, type WatchedTicket } from './sla-alerts';

/**
 * Decides which SLA notifications to raise, with nothing but local data: the cached open
 * tickets, the cached SLA policies and the clock. It shows nothing itself; the caller
 * (sla-scheduler) turns the answer into notifications and sleeps until `nextWakeAt`.
 *
 * Quiet hours DEFER, they do not drop: an event that happens while quiet is neither
 * raised nor remembered, so the first check after quiet hours raises it. By then a
 * clock may have moved on from warning to breach; the agent then gets one notification,
 * for the breach, because that is the news that still matters in the morning.
 */

export interface SlaWatchSettings {
  /** mine = assigned to me; team = my teams' tickets; both = either. */
  scope: 'mine' | 'team' | 'both';
  events: { warning: boolean; breach: boolean };
  quietHours: QuietHours | null;
}

export const DEFAULT_SLA_WATCH_SETTINGS: SlaWatchSettings = {
  scope: 'both',
  events: { warning: true, breach: true },
  quietHours: null,
};

/** The keys of notifications already raised. The caller persists it, so "never twice" survives restarts. */
export interface NotifiedStore {
  has(key: string): boolean | Promise<boolean>;
  add(key: string): void | Promise<void>;
}

export interface SlaWatcherDeps {
  agentId: string;
  teamIds: readonly string[];
  settings: SlaWatchSettings;
  /** The agent's and their teams' open tickets, from the local cache. */
  loadOpenTickets: () => Promise<readonly WatchedTicket[]>;
  loadPolicies: () => Promise<readonly SlaPolicy[]>;
  notified: NotifiedStore;
}

export interface SlaNotification {
  key: string;
  ticketId: string;
  ticketNumber: string | null;
  ticketTitle: string;
  clock: SlaClockName;
  threshold: SlaThreshold;
  dueAt: Date | null;
}

export interface SlaWatchResult {
  /** Raise these now; they are already remembered as raised. */
  notify: SlaNotification[];
  /** Held back by quiet hours; raised by the first check after they end. */
  deferred: SlaNotification[];
  /** Tickets in scope with a clock in warning or breach: the tray's count. */
  attentionCount: number;
  /** The soonest instant something can change (a threshold, the end of quiet hours); null = nothing pending. */
  nextWakeAt: Date | null;
}

export interface SlaWatcher {
  check(now: Date): Promise<SlaWatchResult>;
}

export const notificationKey = (ticketId: string, clock: SlaClockName, threshold: SlaThreshold): string =>
  `${ticketId}:${clock}:${threshold}`;

export function inScope(
  ticket: WatchedTicket,
  agentId: string,
  teamIds: readonly string[],
  scope: SlaWatchSettings['scope'],
): boolean {
  const mine = ticket.assigneeId === agentId;
  const team = ticket.teamId !== null && teamIds.includes(ticket.teamId);
  return scope === 'mine' ? mine : scope === 'team' ? team : mine || team;
}

export function createSlaWatcher(deps: SlaWatcherDeps): SlaWatcher {
  // Checks run one at a time: two overlapping checks could both see a key as new and raise it twice.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    check(now) {
      const run = queue.then(() => checkOnce(deps, now));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

/** One ticket with a policy the domain refuses (a calendar with no business time) must not stop the watch of the others. */
function alertsOrNull(
  ticket: WatchedTicket,
  policy: SlaPolicy,
  now: Date,
): ReturnType<typeof ticketAlerts> | null {
  try {
    return ticketAlerts(ticket, policy, now);
  } catch {
    return null;
  }
}

async function checkOnce(deps: SlaWatcherDeps, now: Date): Promise<SlaWatchResult> {
  const { settings, notified } = deps;
  const [tickets, policies] = await Promise.all([deps.loadOpenTickets(), deps.loadPolicies()]);
  const policyById = new Map(policies.map((p) => [p.id, p]));
  const quiet = isQuietAt(settings.quietHours, now);
  const result: SlaWatchResult = { notify: [], deferred: [], attentionCount: 0, nextWakeAt: null };
  const wakeAt = (at: Date | null) => {
    if (at && at > now && (!result.nextWakeAt || at < result.nextWakeAt)) result.nextWakeAt = at;
  };

  for (const ticket of tickets) {
    if (!isOpenStatus(ticket.status) || !inScope(ticket, deps.agentId, deps.teamIds, settings.scope))
      continue;
    // A ticket created offline has no policy until the server assigns one: nothing to evaluate yet.
    const policy = ticket.slaPolicyId ? policyById.get(ticket.slaPolicyId) : undefined;
    if (!policy) continue;
    const alerts = alertsOrNull(ticket, policy, now);
    if (!alerts) continue;
    if (alerts.needsAttention) result.attentionCount += 1;
    for (const clock of alerts.clocks) {
      wakeAt(clock.nextCrossingAt);
      if (!clock.crossed || !settings.events[clock.crossed]) continue;
      const key = notificationKey(ticket.id, clock.clock, clock.crossed);
      if (await notified.has(key)) continue;
      const notification: SlaNotification = {
        key,
        ticketId: ticket.id,
        ticketNumber: ticket.number,
        ticketTitle: ticket.title,
        clock: clock.clock,
        threshold: clock.crossed,
        dueAt: clock.dueAt,
      };
      if (quiet) {
        result.deferred.push(notification);
        continue;
      }
      await notified.add(key);
      // The breach supersedes the warning: a warning raised later (e.g. after a priority change) would be stale news.
      if (clock.crossed === 'breach') await notified.add(notificationKey(ticket.id, clock.clock, 'warning'));
      result.notify.push(notification);
    }
  }
  if (result.deferred.length > 0) wakeAt(quietHoursEnd(settings.quietHours, now));
  return result;
}
