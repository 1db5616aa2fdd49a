import type { MutationEnvelope } from '../../shared/index';
import type { MesaDb, OutboxEntry } from './db';
import { readMeta, writeMeta } from './meta';

/**
 * The outbox: mutations the agent made, in the order made (`seq`), until the server has
 * answered for each. It is the truth across reloads: an entry leaves only after the server
 * answered, so a push interrupted anywhere is sent again with the same mutation id, and the
 * server, which applies each id once, returns its earlier answer.
 */

/**
 * A push request's mutations, UTF-8 JSON, stay under this many bytes: far below the
 * backend's default body limit (16 MB) and the browser host's frame limit (40 MB), which a
 * full batch of long comments (up to 100,000 characters each) could otherwise pass.
 */
export const PUSH_BATCH_MAX_BYTES = 4 * 1024 * 1024;

/** The oldest entries, at most `max` of them and `maxBytes` of envelopes (never fewer than one): a push batch. */
export async function nextOutboxBatch(
  db: MesaDb,
  max: number,
  maxBytes = PUSH_BATCH_MAX_BYTES,
): Promise<OutboxEntry[]> {
  const oldest = await db.outbox.orderBy(':id').limit(max).toArray();
  const encoder = new TextEncoder();
  let bytes = 0;
  for (let i = 0; i < oldest.length; i++) {
    bytes += encoder.encode(JSON.stringify(toEnvelope(oldest[i]!))).length;
    if (bytes > maxBytes && i > 0) return oldest.slice(0, i);
  }
  return oldest;
}

/** How many entries wait, and the tickets they touch (read from the ticketId index's keys alone). */
export async function queuedTickets(db: MesaDb): Promise<{ pendingCount: number; ticketIds: string[] }> {
  const [pendingCount, ticketIds] = await Promise.all([
    db.outbox.count(),
    db.outbox.orderBy('ticketId').uniqueKeys(),
  ]);
  return { pendingCount, ticketIds: ticketIds.map(String) };
}

/**
 * Notes which entries are about to be sent, before the request leaves: one small write,
 * where counting each entry's try up front (`attempts`) would write every entry of the
 * batch, hundreds of ms for 500 in Chromium (bench/README.md). The note is cleared when
 * the answer is recorded (settle-push.ts counts the entries it leaves queued); a note
 * still there means an answer never came (a failed request, a closed app), and
 * `countLostSend` turns it into a try each.
 */
export async function noteSending(db: MesaDb, entries: readonly OutboxEntry[]): Promise<void> {
  await writeMeta(
    db,
    'pushInFlight',
    entries.map((entry) => entry.seq).filter((seq): seq is number => seq !== undefined),
  );
}

/** A send whose answer was never recorded counts as one try of each entry still queued. */
export async function countLostSend(db: MesaDb): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const seqs = await readMeta(db, 'pushInFlight');
    if (!seqs) return;
    await countTries(db, seqs);
    await db.meta.delete('pushInFlight');
  });
}

/** One more try for each of these entries still queued; joins the caller's transaction. */
export async function countTries(db: MesaDb, seqs: readonly number[]): Promise<void> {
  if (!seqs.length) return;
  const queued = (await db.outbox.bulkGet([...seqs])).filter((entry) => entry !== undefined);
  await db.outbox.bulkPut(queued.map((entry) => ({ ...entry, attempts: entry.attempts + 1 })));
}

/** What travels: the envelope only, never our bookkeeping. */
export function toEnvelope(entry: OutboxEntry): MutationEnvelope {
  return { id: entry.id, type: entry.type, args: entry.args };
}
