import Dexie from 'dexie';
import type { MesaDb } from './db';
import type { MetaKey } from './meta';
import type { CachedAttachment, CachedComment, CachedTicket, OutboxEntry, Rejection, SyncMeta } from './rows';

/**
 * Caches from before the page layout (a row per ticket, schema v1..v8) are not migrated:
 * everything the server has is pulled again. Only what exists nowhere else is carried
 * over, as it was: the outbox (same seqs, so a send in flight is still recognised), the
 * attachments the server does not have yet (with their bytes), the refused changes, and
 * the overlay of the tickets that work touches (so it shows offline before the first
 * pull). Then the old database is deleted. Runs when the new cache opens, before any
 * other read of it (Dexie's `ready` event); the copy is one transaction: a crash leaves either
 * nothing carried or everything plus the mark that stops it running twice.
 */

/** Meta keys that belong to the install or its session, not to what was pulled. */
const KEPT_META: readonly MetaKey[] = ['clientId', 'owner', 'sessionAgent', 'pushInFlight'];

interface Carried {
  outbox: OutboxEntry[];
  attachments: CachedAttachment[];
  rejections: Rejection[];
  meta: SyncMeta[];
  tickets: CachedTicket[];
  comments: CachedComment[];
}

/**
 * Makes `db` take the pending work of the cache named `legacyName` when it opens, before
 * anything else reads it (the outbox must hold that work). The app's cache names
 * LEGACY_DB_NAME (db.ts); tests name their own.
 */
export function carryOverOnOpen(db: MesaDb, legacyName: string): MesaDb {
  db.on('ready', () => carryOverLegacyCache(db, legacyName));
  return db;
}

async function carryOverLegacyCache(db: MesaDb, legacyName: string): Promise<void> {
  if (legacyName === db.name || !(await Dexie.exists(legacyName))) return;
  const done = await db.meta.get('carriedOverFrom');
  if (done?.value !== legacyName) {
    const carried = await readLegacy(legacyName);
    await db.transaction(
      'rw',
      [db.outbox, db.attachments, db.rejections, db.meta, db.tickets, db.comments],
      async () => {
        await db.outbox.bulkPut(carried.outbox);
        await db.attachments.bulkPut(carried.attachments);
        await db.rejections.bulkPut(carried.rejections);
        await db.meta.bulkPut(carried.meta);
        await db.tickets.bulkPut(carried.tickets);
        await db.comments.bulkPut(carried.comments);
        await db.meta.put({ key: 'carriedOverFrom', value: legacyName });
      },
    );
  }
  await Dexie.delete(legacyName);
}

/** The old cache opened as it is (Dexie's dynamic mode: no schema declared, whatever version it has). */
async function readLegacy(name: string): Promise<Carried> {
  const old = new Dexie(name);
  try {
    await old.open();
    const has = (table: string) => old.tables.some((t) => t.name === table);
    const all = async <T>(table: string, keep: (row: T) => boolean = () => true): Promise<T[]> =>
      has(table) ? (await old.table<T>(table).toArray()).filter(keep) : [];
    const outbox = await all<OutboxEntry>('outbox');
    const pendingTickets = new Set(
      outbox.map((entry) => entry.ticketId).filter((id): id is string => id !== null),
    );
    return {
      outbox,
      // Not uploaded, or its attachment.add not yet accepted: the bytes and the row exist nowhere else.
      attachments: await all<CachedAttachment>('attachments', (a) => a.uploaded === 0 || a.confirmed === 0),
      rejections: await all<Rejection>('rejections'),
      meta: await all<SyncMeta>('meta', (row) => (KEPT_META as readonly string[]).includes(row.key)),
      tickets: (
        await all<CachedTicket & Record<string, unknown>>('tickets', (t) => pendingTickets.has(t.id))
      ).map(withoutOldIndexKeys),
      comments: await all<CachedComment>('comments', (c) => c.pending === 1),
    };
  } finally {
    old.close();
  }
}

/** The old rows' index-only fields, which the new layout does not keep. */
function withoutOldIndexKeys(row: CachedTicket & Record<string, unknown>): CachedTicket {
  const { queueKeys: _queueKeys, words: _words, ...ticket } = row;
  return ticket;
}
