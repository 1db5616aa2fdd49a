import Dexie, { type DBCoreTransaction, type EntityTable, type IDType } from 'dexie';
import type { Actor, Change, SlaPolicy, Ticket } from '../../shared/index';
import { getDb } from './app-db';
import { serverCopyOf, toTicket } from './cached-ticket';
import type { MesaDb } from './db';
import { writeMeta } from './meta';
import { loadActor, loadReferences } from './mutation-context';
import { isEmptyBody, pageBodyOf, pageRowOf } from './page-body';
import { headsOf, headsRowOf } from './page-heads';
import { groupPageChanges, type EntityChanges, type PageChanges } from './page-changes';
import type { CachedAttachment } from './rows';
import { policyStamp } from './sla-stamp';
import { slaKeys } from './sla-keys';
import { rebuildTicket } from './ticket-state';
import { ticketMemoryIndex, type TicketMemoryIndex } from './ticket-memory-index';
import { outcomeOf } from './ticket-writes';

export interface AppliedPage {
  /** Changes stored. */
  applied: number;
  /** Changes whose data the shared schemas refused; the cursor still moves past them. */
  skipped: PageChanges['skipped'];
}

/**
 * Applies one pulled page and its cursor in ONE transaction: after a crash the cache holds
 * either the whole page and the new cursor or neither, so the next pull resumes exactly.
 * Runs on the relaxed-durability connection (see CacheDurability in rows.ts): a page lost to
 * a power cut after commit is lost with its cursor, and simply pulled again.
 *
 * Its tickets and comments are stored as ONE row (the `pages` store), whatever their
 * number. A ticket with pending mutations is rebuilt into the overlay (its visible state =
 * the server's copy + the mutations still in the outbox, re-applied); any other ticket the
 * page brings leaves the overlay, the page's copy being the newer one.
 *
 * `alsoStore` writes what must commit with the page (a snapshot's position) in the same
 * transaction, after the cursor; it may touch only the `meta` store.
 */
export async function applyPulledPage(
  changes: readonly Change[],
  cursor: number,
  db: MesaDb = getDb(),
  alsoStore?: (rdb: MesaDb) => Promise<void>,
): Promise<AppliedPage> {
  const page = groupPageChanges(changes);
  const memory = ticketMemoryIndex(db);
  // The copies this page does not bring (tickets touched through their comments) come from memory.
  await memory.facetsReady();
  const rdb = db.relaxed;
  await rdb.transaction(
    'rw',
    [
      rdb.pages,
      rdb.heads,
      rdb.tickets,
      rdb.comments,
      rdb.attachments,
      rdb.agents,
      rdb.teams,
      rdb.categories,
      rdb.macros,
      rdb.slaPolicies,
      rdb.outbox,
      rdb.meta,
    ],
    async () => {
      // Reference data first: tickets of this same page are dated and rebased against it.
      await putAndDelete(rdb.agents, page.agent);
      await putAndDelete(rdb.teams, page.team);
      await putAndDelete(rdb.categories, page.category);
      await putAndDelete(rdb.macros, page.macro);
      await putAndDelete(rdb.slaPolicies, page.sla_policy);
      const refs = await loadReferences(rdb);
      const body = pageBodyOf(page, refs.policies);
      const policies = [...page.sla_policy.upserts.values()];
      const deletedCommentTickets = await ticketsOfDeletedComments(rdb, page, memory);
      if (!isEmptyBody(body) || policies.length) {
        const heads = headsOf(body, deletedCommentTickets.values());
        let seq = 0;
        if (!isEmptyBody(body)) {
          seq = (await rdb.pages.add(pageRowOf(body)))!;
          await rdb.heads.put(headsRowOf(seq, heads));
        }
        const trans = Dexie.currentTransaction.idbtrans as unknown as DBCoreTransaction;
        db.ticketWrites.emit({ kind: 'page', seq, body, heads, policies, committed: outcomeOf(trans) });
      }
      const withPending = new Set((await rdb.outbox.orderBy('ticketId').uniqueKeys()) as string[]);
      await applyAttachments(rdb, page);
      // Our copies of comments the server now sends (or deleted) go: the page's copy is the one.
      const commentIds = [...page.comment.upserts.keys(), ...page.comment.deletes];
      // Only the ids the overlay holds: Dexie records every deleted key for each live
      // query, so deleting a snapshot page's hundreds of absent ids cost more than storing it.
      const held = commentIds.length ? await rdb.comments.where(':id').anyOf(commentIds).primaryKeys() : [];
      if (held.length) await rdb.comments.bulkDelete(held);
      await deleteTickets(rdb, page.ticket.deletes);
      const touched = touchedTickets(page, deletedCommentTickets);
      let actor: Actor | null | undefined;
      const leaving: string[] = [];
      for (const id of touched) {
        if (withPending.has(id)) {
          // Read before this page's copy counts as the pages': the memory view applies it on commit.
          const server = page.ticket.upserts.get(id) ?? (await serverCopyIn(rdb, memory, id));
          actor = actor === undefined ? await loadActor(rdb) : actor;
          await rebuildTicket(rdb, id, {
            server,
            refs,
            actor,
            serverCommentIds: await serverCommentIdsOf(rdb, memory, page, id),
          });
        } else if (memory.hasOverlay(id) && (page.ticket.upserts.has(id) || memory.hasPaged(id))) {
          leaving.push(id);
        }
      }
      if (leaving.length) await rdb.tickets.bulkDelete(leaving);
      await redateOverlay(rdb, policiesThatMove(memory, policies));
      await writeMeta(rdb, 'cursor', cursor);
      await alsoStore?.(rdb);
    },
  );
  return { applied: changes.length - page.skipped.length, skipped: page.skipped };
}

async function putAndDelete<T extends { id: string }>(
  table: EntityTable<T, 'id'>,
  changes: EntityChanges<T>,
): Promise<void> {
  if (changes.upserts.size) await table.bulkPut([...changes.upserts.values()]);
  if (changes.deletes.size) await table.bulkDelete([...changes.deletes] as Array<IDType<T, 'id'>>);
}

/** The tickets of the server comments a page deletes (the page names them by comment id). */
async function ticketsOfDeletedComments(
  db: MesaDb,
  page: PageChanges,
  memory: TicketMemoryIndex,
): Promise<Set<string>> {
  const tickets = new Set<string>();
  for (const id of page.comment.deletes) {
    const ticketId = await memory.ticketOfServerComment(id, db);
    if (ticketId) tickets.add(ticketId);
  }
  return tickets;
}

/** The tickets a page brings, and those whose comments it changes (a pending one is rebuilt for them). */
function touchedTickets(page: PageChanges, deletedCommentTickets: ReadonlySet<string>): Set<string> {
  const touched = new Set<string>(page.ticket.upserts.keys());
  for (const comment of page.comment.upserts.values()) touched.add(comment.ticketId);
  for (const ticketId of deletedCommentTickets) touched.add(ticketId);
  for (const id of page.ticket.deletes) touched.delete(id);
  return touched;
}

async function serverCopyIn(db: MesaDb, memory: TicketMemoryIndex, id: string): Promise<Ticket | null> {
  const overlay = memory.hasOverlay(id) ? await memory.fullTicket(id, db) : undefined;
  if (overlay) return serverCopyOf(overlay);
  const paged = await memory.pagedTicket(id, db);
  return paged ? toTicket(paged) : null;
}

/** The server's comments of a ticket once this page is stored. */
async function serverCommentIdsOf(
  db: MesaDb,
  memory: TicketMemoryIndex,
  page: PageChanges,
  ticketId: string,
): Promise<Set<string>> {
  const ids = new Set((await memory.serverComments(ticketId, db)).map((comment) => comment.id));
  for (const comment of page.comment.upserts.values()) if (comment.ticketId === ticketId) ids.add(comment.id);
  for (const id of page.comment.deletes) ids.delete(id);
  return ids;
}

async function applyAttachments(db: MesaDb, page: PageChanges): Promise<void> {
  const upserts = [...page.attachment.upserts.values()];
  const before = await db.attachments.bulkGet(upserts.map((a) => a.id));
  // Our own bytes stay: the feed carries the attachment's record, never its blob.
  const rows: CachedAttachment[] = upserts.map((attachment, i) => ({
    ...attachment,
    blob: before[i]?.blob ?? null,
    uploaded: 1,
    confirmed: 1,
  }));
  await db.attachments.bulkPut(rows);
  await db.attachments.bulkDelete([...page.attachment.deletes]);
}

async function deleteTickets(db: MesaDb, ids: Set<string>): Promise<void> {
  if (!ids.size) return;
  const list = [...ids];
  await db.tickets.bulkDelete(list);
  await db.comments.where('ticketId').anyOf(list).delete();
  await db.attachments.where('ticketId').anyOf(list).delete();
}

/**
 * The incoming policies that date SLA instants differently from the cached ones: new here,
 * or with other targets, warning fraction or calendar. A policy sent again with only its
 * name changed leaves every instant where it was.
 */
function policiesThatMove(memory: TicketMemoryIndex, incoming: readonly SlaPolicy[]): Map<string, SlaPolicy> {
  const moving = new Map<string, SlaPolicy>();
  for (const policy of incoming)
    if (memory.policyStampOf(policy.id) !== policyStamp(policy)) moving.set(policy.id, policy);
  return moving;
}

/**
 * A policy that arrives (or changes) after its tickets moves their warning instants: the
 * overlay's here (the pages' are re-dated in memory, and at the next start by their stamp).
 */
async function redateOverlay(db: MesaDb, policies: Map<string, SlaPolicy>): Promise<void> {
  if (!policies.size) return;
  await db.tickets
    .filter((ticket) => ticket.open === 1 && ticket.slaPolicyId !== null && policies.has(ticket.slaPolicyId))
    .modify((ticket) => {
      Object.assign(ticket, slaKeys(ticket, policies.get(ticket.slaPolicyId ?? '')));
    });
}
