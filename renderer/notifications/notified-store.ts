import type { MesaDb } from '../data/db';
import type { NotifiedStore } from './sla-watcher';

/**
 * "Already notified" in the cache's meta table, one row per notification key, so a reload
 * or a restart never raises the same warning twice. It lives and dies with the cache: a
 * sign-in as another agent empties the cache (cache-owner.ts), and their warnings start afresh.
 */
const PREFIX = 'sla-notified:';

export function dexieNotifiedStore(db: MesaDb, now: () => Date = () => new Date()): NotifiedStore {
  return {
    has: async (key) => (await db.meta.get(PREFIX + key)) !== undefined,
    add: async (key) => {
      await db.meta.put({ key: PREFIX + key, value: now().toISOString() });
    },
  };
}
