import type { Actor, Ticket } from '../../shared/index';
import { serverCopyOf, toCachedTicket, toTicket } from './cached-ticket';
import type { MesaDb } from './db';
import { loadActor, loadReferences, type ReferenceSnapshot } from './mutation-context';
import { replayPending, type ReplayResult } from './replay-pending';
import type { CachedAttachment, CachedComment, CachedTicket, OutboxEntry } from './rows';
import { ticketMemoryIndex } from './ticket-memory-index';

/**
 * Writing one ticket's local state (its overlay row, and the comments and attachments our
 * pending mutations made) from its server copy and its pending mutations. Callers run
 * these inside their own rw transaction over tickets, comments, attachments, outbox, pages
 * and the reference tables, with the memory view loaded (ticketMemoryIndex(db).facetsReady()):
 * the server's copies of tickets and comments not in the overlay are in the pages, read
 * through that transaction.
 */

/** The outbox entries that touch a ticket, in push order. */
export async function pendingEntriesOf(db: MesaDb, ticketId: string): Promise<OutboxEntry[]> {
  const entries = await db.outbox.where('ticketId').equals(ticketId).toArray();
  return entries.sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
}

/**
 * Stores a replayed ticket: the ticket row (deleted when the replay yields none), the
 * comments and attachments the replay produced (unless the server's copy is already
 * here), and drops local-only ones no pending mutation makes any more.
 */
export async function writeTicketState(
  db: MesaDb,
  ticketId: string,
  server: Ticket | null,
  replay: ReplayResult,
  pending: readonly OutboxEntry[],
  refs: ReferenceSnapshot,
  serverCommentIds?: ReadonlySet<string>,
): Promise<void> {
  await reconcileComments(db, ticketId, replay, serverCommentIds ?? (await serverCommentIdsIn(db, ticketId)));
  await reconcileAttachments(db, ticketId, replay, pending);
  if (!replay.ticket) {
    await db.tickets.delete(ticketId);
    return;
  }
  const visible = replay.ticket;
  await db.tickets.put(
    toCachedTicket(visible, {
      server,
      pendingCount: pending.length,
      policy: visible.slaPolicyId ? refs.policies.get(visible.slaPolicyId) : null,
    }),
  );
}

async function reconcileComments(
  db: MesaDb,
  ticketId: string,
  replay: ReplayResult,
  serverCommentIds: ReadonlySet<string>,
): Promise<void> {
  const existing = new Map(
    (await db.comments.where('ticketId').equals(ticketId).toArray()).map((c) => [c.id, c]),
  );
  const made = new Set(replay.comments.map((comment) => comment.id));
  // Only unacknowledged comments can go: an acknowledged one (pending 0) waits for the server's copy.
  const stale = [...existing.values()]
    .filter((c) => c.pending === 1 && c.server === null && !made.has(c.id))
    .map((c) => c.id);
  await db.comments.bulkDelete(stale);
  for (const id of stale) existing.delete(id);
  const fresh: CachedComment[] = replay.comments
    // Never over the server's copy (in the pages, or an overlay row that is that copy).
    .filter(
      (comment) =>
        !serverCommentIds.has(comment.id) &&
        (existing.has(comment.id) ? existing.get(comment.id)!.server === null : true),
    )
    .map((comment): CachedComment => ({ ...comment, server: null, pending: 1 }));
  await db.comments.bulkPut(fresh);
}

async function reconcileAttachments(
  db: MesaDb,
  ticketId: string,
  replay: ReplayResult,
  pending: readonly OutboxEntry[],
): Promise<void> {
  const existing = new Map(
    (await db.attachments.where('ticketId').equals(ticketId).toArray()).map((a) => [a.id, a]),
  );
  const made = new Set(replay.attachments.map((attachment) => attachment.id));
  // A file whose attachment.add is still queued keeps its row (and bytes) even when the
  // replay predicts a refusal (the ticket was cancelled meanwhile): the bytes exist nowhere
  // else, and the refusal, once the server gives it, hands them back (settle-push.ts).
  const queued = new Set(
    pending
      .filter((entry) => entry.type === 'attachment.add')
      .map((entry) => (entry.args as { attachmentId?: unknown }).attachmentId),
  );
  const stale = [...existing.values()]
    .filter((a) => a.confirmed === 0 && !made.has(a.id) && !queued.has(a.id))
    .map((a) => a.id);
  await db.attachments.bulkDelete(stale);
  const fresh: CachedAttachment[] = replay.attachments
    .filter((attachment) => existing.get(attachment.id)?.confirmed !== 1)
    .map((attachment) => {
      const before = existing.get(attachment.id);
      // The bytes, and what this console noted locally (why an upload failed, where a dropped
      // file came from), were stored before this rebuild; only the entity's fields are replaced.
      return {
        ...before,
        ...attachment,
        blob: before?.blob ?? null,
        uploaded: before?.uploaded ?? 0,
        confirmed: 0,
      };
    });
  await db.attachments.bulkPut(fresh);
}

export interface RebuildOptions {
  /** The server copy to build on; by default the one the cache holds. */
  server?: Ticket | null;
  refs?: ReferenceSnapshot;
  /** Who made the pending mutations; by default the signed-in agent. */
  actor?: Actor | null;
  /** The ids of the ticket's comments the server has; by default those the pages hold. */
  serverCommentIds?: ReadonlySet<string>;
}

/** A ticket's local state again from its server copy + the mutations still pending (after a pull or a rejection). */
export async function rebuildTicket(
  db: MesaDb,
  ticketId: string,
  options: RebuildOptions = {},
): Promise<void> {
  const server = options.server !== undefined ? options.server : await serverCopyIn(db, ticketId);
  const pending = await pendingEntriesOf(db, ticketId);
  const refs = options.refs ?? (await loadReferences(db));
  const actor = options.actor !== undefined ? options.actor : await loadActor(db);
  // Signed out, nothing can be replayed as anyone: show the server's state.
  const replay = actor
    ? replayPending(server ?? undefined, pending, refs, actor)
    : { ticket: server ?? undefined, comments: [], attachments: [] };
  await writeTicketState(db, ticketId, server, replay, pending, refs, options.serverCommentIds);
}

/** A ticket as the agent sees it: the overlay's row, else the pages' copy (read from its page). */
export async function currentTicket(db: MesaDb, ticketId: string): Promise<CachedTicket | undefined> {
  return (await db.tickets.get(ticketId)) ?? (await ticketMemoryIndex(db).pagedTicket(ticketId, db));
}

/** The server's copy: the overlay's, else the pages'; null for a ticket only this console has. */
async function serverCopyIn(db: MesaDb, ticketId: string): Promise<Ticket | null> {
  const row = await db.tickets.get(ticketId);
  if (row) return serverCopyOf(row);
  const paged = await ticketMemoryIndex(db).pagedTicket(ticketId, db);
  return paged ? toTicket(paged) : null;
}

async function serverCommentIdsIn(db: MesaDb, ticketId: string): Promise<Set<string>> {
  const comments = await ticketMemoryIndex(db).serverComments(ticketId, db);
  return new Set(comments.map((comment) => comment.id));
}
