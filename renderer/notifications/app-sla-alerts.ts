import { liveQuery, type Subscription } from 'dexie';
import type { TFunction } from 'i18next';
import type { MesaApi } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { throttle } from '../background/throttle';
import { readMeta } from '../data/meta';
import { dexieNotifiedStore } from './notified-store';
import { notificationText } from './notification-text';
import { loadWatchedTickets, countWatchedTickets } from './open-tickets-source';
import { presentNotification } from './present-notification';
import { useSlaAlertSettings } from './sla-alert-settings';
import { createSlaScheduler, type SlaScheduler } from './sla-scheduler';
import { createSlaWatcher, type SlaWatcher } from './sla-watcher';

/**
 * The SLA notifications of the window: who is watching (the signed-in agent and their
 * teams, from the cache), what to watch (the settings), and when to look again (the
 * scheduler's predicted next threshold, or any change to the watched tickets).
 */
export interface AppSlaAlertsOptions {
  api: MesaApi;
  db: MesaDb;
  t: TFunction;
  locale: () => string;
  openTicket(ticketId: string): void;
  now?: () => Date;
}

/** The longest a change to a watched ticket waits before the watcher looks at it. */
const DATA_WAKE_MS = 2_000;

interface Watching {
  agentId: string;
  teamIds: readonly string[];
}

export function startAppSlaAlerts(options: AppSlaAlertsOptions): () => void {
  const { api, db, t } = options;
  const now = options.now ?? (() => new Date());
  const notified = dexieNotifiedStore(db, now);
  let watching: Watching | null = null;
  let watcher: SlaWatcher | null = null;
  let ticketsSubscription: Subscription | null = null;

  const scheduler: SlaScheduler = createSlaScheduler({
    now,
    watcher: {
      check: async (at) =>
        watcher ? watcher.check(at) : { notify: [], deferred: [], attentionCount: 0, nextWakeAt: null },
    },
    present: async (n) => {
      const text = notificationText(t, n, options.locale());
      await presentNotification(
        { tag: n.key, ticketId: n.ticketId, ...text },
        {
          api,
          WebNotification: typeof Notification === 'undefined' ? undefined : Notification,
          focusWindow: () => window.focus(),
          openTicket: options.openTicket,
        },
      );
    },
    setAttentionCount: (count) => {
      // The tray's count (Electron); the browser host ignores it. The top bar counts "Breaching soon" itself.
      void api.setAttentionCount({ count }).catch(() => undefined);
    },
    onError: (error) => console.warn('SLA notifications:', error),
  });

  // Any change to a watched ticket may move a clock. While a bootstrap stores a page every
  // second or so, a look after each (up to WATCH_LIMIT_PER_RANGE rows read per range)
  // competes with the fill; clocks move in minutes, so a look at most every 2 s loses nothing.
  const wakeForData = throttle(() => scheduler.wake(), DATA_WAKE_MS);

  const rebuild = () => {
    ticketsSubscription?.unsubscribe();
    ticketsSubscription = null;
    watcher = null;
    if (watching) {
      const { agentId, teamIds } = watching;
      const settings = useSlaAlertSettings.getState().settings;
      const loadOpenTickets = () => loadWatchedTickets(db, agentId, teamIds, settings.scope);
      watcher = createSlaWatcher({
        agentId,
        teamIds,
        settings,
        loadOpenTickets,
        loadPolicies: () => db.slaPolicies.toArray(),
        notified,
      });
      ticketsSubscription = liveQuery(() =>
        countWatchedTickets(db, agentId, teamIds, settings.scope),
      ).subscribe({
        next: wakeForData,
        error: wakeForData,
      });
    }
    scheduler.wake();
  };

  // Who is signed in, and their teams, as the cache knows them (offline too).
  const who = liveQuery(async (): Promise<Watching | null> => {
    const agent = await readMeta(db, 'sessionAgent');
    if (!agent) return null;
    const me = await db.agents.get(agent.id);
    return { agentId: agent.id, teamIds: me?.teamIds ?? [] };
  }).subscribe({
    next: (next) => {
      if (JSON.stringify(next) === JSON.stringify(watching)) return;
      watching = next;
      rebuild();
    },
  });
  const unsubscribeSettings = useSlaAlertSettings.subscribe((state, previous) => {
    if (state.settings !== previous.settings) rebuild();
  });

  return () => {
    who.unsubscribe();
    unsubscribeSettings();
    ticketsSubscription?.unsubscribe();
    wakeForData.cancel();
    scheduler.stop();
  };
}
