import type { EntityTable, IDType } from 'dexie';
import type { Actor, Change, SlaPolicy, Ticket } from '../../shared/index';
import { getDb } from './app-db';
import { serverCopyOf, toCachedTicket } from './cached-ticket';
import type { CachedAttachment, CachedComment, CachedTicket, MesaDb } from './db';
import { writeMeta } from './meta';
import { loadActor, loadReferences } from './mutation-context';
import { groupPageChanges, type EntityChanges, type PageChanges } from './page-changes';
import { queueKeyRange, queueKeysOf } from './queue-keys';
import { slaKeys } from './sla-keys';
import { rebuildTicket } from './ticket-state';

export interface AppliedPage {
  /** Changes stored. */
  applied: number;
  /** Changes whose data the shared schemas refused; the cursor still moves past them. */
  skipped: PageChanges['skipped'];
}

/**
 * Applies one pulled page and its cursor in ONE transaction: after a crash the cache holds
 * either the whole page and the new cursor or neither, so the next pull resumes exactly.
 * Runs on the relaxed-durability connection (see CacheDurability in db.ts): a page lost to
 * a power cut after commit is lost with its cursor, and simply pulled again.
 *
 * A ticket's visible state = the server's copy + the mutations still in the outbox,
 * re-applied (the rebase); without pending mutations it is the server's copy.
 */
export async function applyPulledPage(changes: readonly Change[], cursor: number, db: MesaDb = getDb()): Promise<AppliedPage> {
  const page = groupPageChanges(changes);
  const rdb = db.relaxed;
  await rdb.transaction(
    'rw',
    [rdb.tickets, rdb.comments, rdb.attachments, rdb.agents, rdb.teams, rdb.categories, rdb.macros, rdb.slaPolicies, rdb.outbox, rdb.meta],
    async () => {
      // Reference data first: tickets of this same page are rebased against it.
      await putAndDelete(rdb.agents, page.agent);
      await putAndDelete(rdb.teams, page.team);
      await putAndDelete(rdb.categories, page.category);
      await putAndDelete(rdb.macros, page.macro);
      const redating = await policiesThatMoveWarnings(rdb, page.sla_policy.upserts);
      await putAndDelete(rdb.slaPolicies, page.sla_policy);
      const touched = new Set<string>(page.ticket.upserts.keys());
      const withPending = new Set((await rdb.outbox.orderBy('ticketId').uniqueKeys()) as string[]);
      await applyComments(rdb, page, touched, withPending);
      await applyAttachments(rdb, page);
      await deleteTickets(rdb, page.ticket.deletes);
      for (const id of page.ticket.deletes) touched.delete(id);
      await refreshTickets(rdb, [...touched], page.ticket.upserts, withPending);
      await refreshWarnTimes(rdb, redating, touched);
      await writeMeta(rdb, 'cursor', cursor);
    },
  );
  return { applied: changes.length - page.skipped.length, skipped: page.skipped };
}

async function putAndDelete<T extends { id: string }>(table: EntityTable<T, 'id'>, changes: EntityChanges<T>): Promise<void> {
  if (changes.upserts.size) await table.bulkPut([...changes.upserts.values()]);
  if (changes.deletes.size) await table.bulkDelete([...changes.deletes] as Array<IDType<T, 'id'>>);
}

/**
 * Server comments replace our pending copies. A ticket with pending mutations is rebuilt
 * (its pending comments are settled against the server's); any other ticket's row does not
 * change with its comments (their words reach the search index from the comment write
 * itself, see ticket-writes.ts). A bootstrap's comments arrive pages after their tickets,
 * and rewriting every ticket for them wrote each ticket two or three times. A ticket that
 * loses a comment is rewritten: comment deletes are not reported to the search index.
 */
async function applyComments(db: MesaDb, page: PageChanges, touched: Set<string>, withPending: ReadonlySet<string>): Promise<void> {
  const rows: CachedComment[] = [...page.comment.upserts.values()].map((comment) => ({ ...comment, pending: 0 }));
  for (const row of rows) if (withPending.has(row.ticketId)) touched.add(row.ticketId);
  const deletes = [...page.comment.deletes];
  for (const gone of await db.comments.bulkGet(deletes)) if (gone) touched.add(gone.ticketId);
  await db.comments.bulkPut(rows);
  await db.comments.bulkDelete(deletes);
}

async function applyAttachments(db: MesaDb, page: PageChanges): Promise<void> {
  const upserts = [...page.attachment.upserts.values()];
  const before = await db.attachments.bulkGet(upserts.map((a) => a.id));
  // Our own bytes stay: the feed carries the attachment's record, never its blob.
  const rows: CachedAttachment[] = upserts.map((attachment, i) => ({ ...attachment, blob: before[i]?.blob ?? null, uploaded: 1, confirmed: 1 }));
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

/** Rewrites each touched ticket: server copy (new or kept) + its pending mutations. */
async function refreshTickets(db: MesaDb, ids: string[], upserts: Map<string, Ticket>, withPending: ReadonlySet<string>): Promise<void> {
  if (!ids.length) return;
  const refs = await loadReferences(db);
  // Only tickets touched through their comments need their stored server copy read back.
  const kept = ids.filter((id) => !upserts.has(id));
  const existing = new Map((await db.tickets.bulkGet(kept)).map((row, i) => [kept[i]!, row]));
  const rows: CachedTicket[] = [];
  let actor: Actor | null | undefined;
  for (const id of ids) {
    const row = existing.get(id);
    const server = upserts.get(id) ?? (row ? serverCopyOf(row) : null);
    if (withPending.has(id)) {
      actor = actor === undefined ? await loadActor(db) : actor;
      await rebuildTicket(db, id, { server, refs, actor });
      continue;
    }
    if (!server) continue; // a comment for a ticket this cache does not hold
    rows.push(
      toCachedTicket(server, {
        server,
        pendingCount: 0,
        policy: server.slaPolicyId ? refs.policies.get(server.slaPolicyId) : null,
      }),
    );
  }
  await db.tickets.bulkPut(rows);
}

/**
 * The incoming policies that date SLA instants differently from the cached ones: new here,
 * or with other targets, warning fraction or calendar (the console evaluates each ticket's
 * clocks with its policy). A policy sent again with only its name changed leaves every
 * instant where it was, and re-dating means reading every open ticket.
 */
async function policiesThatMoveWarnings(db: MesaDb, incoming: Map<string, SlaPolicy>): Promise<Map<string, SlaPolicy>> {
  if (!incoming.size) return incoming;
  const ids = [...incoming.keys()];
  const cached = await db.slaPolicies.bulkGet(ids);
  const moving = new Map<string, SlaPolicy>();
  for (const [i, id] of ids.entries()) {
    const next = incoming.get(id)!;
    const before = cached[i];
    // Both copies are the server's JSON, parsed: the same calendar serializes the same way.
    const rules = (policy: SlaPolicy) => JSON.stringify([policy.warnAtFraction, policy.calendar, policy.targets]);
    if (!before || rules(before) !== rules(next)) moving.set(id, next);
  }
  return moving;
}

/**
 * A policy that arrives (or changes) after its tickets moves their warning instants. The
 * server's change feed sends reference data when it changes, which on a first fill can be
 * after the tickets; only open tickets with a running clock have a warning instant.
 */
async function refreshWarnTimes(db: MesaDb, policies: Map<string, SlaPolicy>, alreadyDone: Set<string>): Promise<void> {
  if (!policies.size) return;
  const [lower, upper] = queueKeyRange('*', 1, 's');
  await db.tickets
    .where('queueKeys')
    .between(lower, upper, true, true)
    .filter((ticket) => ticket.slaDueMs !== Infinity && ticket.slaPolicyId !== null && policies.has(ticket.slaPolicyId) && !alreadyDone.has(ticket.id))
    .modify((ticket) => {
      Object.assign(ticket, slaKeys(ticket, policies.get(ticket.slaPolicyId ?? '')));
      ticket.queueKeys = queueKeysOf(ticket);
    });
}
