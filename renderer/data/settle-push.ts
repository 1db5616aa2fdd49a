import type { MutationResult } from '../../shared/index';
import type { MesaDb } from './db';
import type { OutboxEntry, Rejection } from './rows';
import { loadActor, loadReferences } from './mutation-context';
import { countTries } from './outbox';
import { ticketMemoryIndex } from './ticket-memory-index';
import { rebuildTicket } from './ticket-state';

export interface SettledPush {
  applied: number;
  rejected: Rejection[];
  /** Entries the answer did not mention, or put off (rate_limited): they stay in the outbox for the next push. */
  unanswered: number;
}

/** Refusals that say "not now" rather than "no": the mutation stays queued and is sent again later. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set(['rate_limited']);

/**
 * Records the server's answers to one push batch, in ONE strict transaction:
 * - applied: the entry leaves the outbox, and what it made (a comment, an attachment) is
 *   marked as the server's, so no rebuild drops it. The ticket row is not rewritten: it
 *   keeps its optimistic state and its pending count until the pull that follows (every
 *   applied ticket mutation is in the server's change log, and the coordinator pulls after
 *   a push that applied anything) brings the server's copy, rebased on what is still
 *   queued. Rewriting each acknowledged ticket only to lower its count would be most of a
 *   settle's cost (bench/README.md), and the pull rewrites them anyway;
 * - rejected: the refusal is recorded for the agent (with what they wrote, and a refused
 *   file's bytes), the entry leaves the outbox, and the
 *   ticket returns to its server copy + the mutations still pending (a ticket created
 *   here and refused disappears).
 * Results are matched by mutation id, not by position, so a short answer loses nothing.
 * A rate_limited refusal is not final: that entry stays queued.
 * Written in bulk (one delete, one put per table): a batch of hundreds settles in a
 * handful of requests.
 */
export async function settlePushResults(
  batch: readonly OutboxEntry[],
  results: readonly MutationResult[],
  db: MesaDb,
  now: Date = new Date(),
): Promise<SettledPush> {
  const answers = new Map(results.map((result) => [result.id, result]));
  const settled: SettledPush = { applied: 0, rejected: [], unanswered: 0 };
  const done: number[] = [];
  const queued: number[] = [];
  const accepted: OutboxEntry[] = [];
  const rollBack = new Set<string>();
  for (const entry of batch) {
    const answer = answers.get(entry.id);
    if (
      !answer ||
      entry.seq === undefined ||
      (answer.status === 'rejected' && TRANSIENT_CODES.has(answer.code ?? ''))
    ) {
      settled.unanswered += 1;
      if (entry.seq !== undefined) queued.push(entry.seq);
      continue;
    }
    done.push(entry.seq);
    if (answer.status === 'applied') {
      settled.applied += 1;
      accepted.push(entry);
      // Sent before (attempts counted before this try ≥ 1): the server may have applied it on an earlier try whose
      // answer was lost, and a pull since then brought its copy WITH this change, onto which
      // the rebase replayed it a second time. Rebuild from the server copy; a copy still
      // without the change is corrected by the pull its server-side seq triggers.
      if (entry.ticketId && entry.attempts >= 1) rollBack.add(entry.ticketId);
      continue;
    }
    const rejection: Rejection = {
      id: entry.id,
      type: entry.type,
      ticketId: entry.ticketId,
      code: answer.code ?? 'rejected',
      message: answer.message ?? 'The server refused this change.',
      at: now.toISOString(),
      args: entry.args,
    };
    settled.rejected.push(rejection);
    if (entry.ticketId) rollBack.add(entry.ticketId);
  }
  // A rollback rebuilds from the server's copy, which for most tickets is in the pages.
  if (rollBack.size) await ticketMemoryIndex(db).facetsReady();
  const tables = [
    db.outbox,
    db.rejections,
    db.pages,
    db.tickets,
    db.comments,
    db.attachments,
    db.agents,
    db.teams,
    db.categories,
    db.slaPolicies,
    db.meta,
  ];
  await db.transaction('rw', tables, async () => {
    // The answer is recorded: the send is no longer in flight, and what it left queued was tried once.
    await countTries(db, queued);
    await db.meta.delete('pushInFlight');
    if (done.length === 0) return;
    await db.outbox.bulkDelete(done);
    await keepRefusedFiles(db, settled.rejected);
    await db.rejections.bulkPut(settled.rejected);
    await markAccepted(db, accepted);
    if (rollBack.size) {
      const refs = await loadReferences(db);
      const actor = await loadActor(db);
      for (const ticketId of rollBack) await rebuildTicket(db, ticketId, { refs, actor });
    }
  });
  return settled;
}

/**
 * A refused attachment's row goes with the rebuild below; its bytes move into the refusal
 * first, so the agent can still save the file or attach it again.
 */
async function keepRefusedFiles(db: MesaDb, rejected: Rejection[]): Promise<void> {
  for (const rejection of rejected) {
    const attachmentId =
      rejection.type === 'attachment.add'
        ? (rejection.args as { attachmentId?: unknown }).attachmentId
        : undefined;
    if (typeof attachmentId !== 'string') continue;
    const row = await db.attachments.get(attachmentId);
    if (row?.blob)
      rejection.files = [
        { fileName: row.fileName, contentType: row.contentType, size: row.size, blob: row.blob },
      ];
  }
}

/** What applied mutations made locally is now the server's too: no longer ours to roll back. */
async function markAccepted(db: MesaDb, entries: readonly OutboxEntry[]): Promise<void> {
  const comments: string[] = [];
  const attachments: string[] = [];
  for (const entry of entries) {
    const args = entry.args as { commentId?: unknown; attachmentId?: unknown };
    if (entry.type === 'comment.add' && typeof args.commentId === 'string') comments.push(args.commentId);
    if (entry.type === 'attachment.add' && typeof args.attachmentId === 'string')
      attachments.push(args.attachmentId);
  }
  if (comments.length)
    await db.comments.bulkUpdate(comments.map((key) => ({ key, changes: { pending: 0 as const } })));
  if (attachments.length)
    await db.attachments.bulkUpdate(attachments.map((key) => ({ key, changes: { confirmed: 1 as const } })));
}
