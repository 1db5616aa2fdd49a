import type { MutationEnvelope } from '../../shared/index';
import type { MesaDb, OutboxEntry } from './db';

/**
 * The outbox: mutations the agent made, in the order made (`seq`), until the server has
 * answered for each. It is the truth across reloads: an entry leaves only after the server
 * answered, so a push interrupted anywhere is sent again with the same mutation id, and the
 * server, which applies each id once, returns its earlier answer.
 */

/** The oldest `max` entries: a push batch. */
export async function nextOutboxBatch(db: MesaDb, max: number): Promise<OutboxEntry[]> {
  return db.outbox.orderBy(':id').limit(max).toArray();
}

export async function outboxSize(db: MesaDb): Promise<number> {
  return db.outbox.count();
}

/** Counts a send before it happens, so an entry that keeps failing shows how often it was tried. */
export async function markAttempted(db: MesaDb, entries: readonly OutboxEntry[]): Promise<void> {
  const seqs = entries.map((entry) => entry.seq).filter((seq): seq is number => seq !== undefined);
  await db.outbox.where(':id').anyOf(seqs).modify((entry) => {
    entry.attempts += 1;
  });
}

/** What travels: the envelope only, never our bookkeeping. */
export function toEnvelope(entry: OutboxEntry): MutationEnvelope {
  return { id: entry.id, type: entry.type, args: entry.args };
}
