import type { ChaosClient } from './chaos-client';
import { canonicalJson } from './canonical-json';
import type { LedgerRow, ServerState } from './server-state';
import { toTicket } from '../../renderer/data/cached-ticket';
import { cachedComments, cachedTickets } from '../../renderer/data/testing/cache-contents';

/** Everything the harness asked for, per client, so the end can account for each mutation. */
export interface SentMutation {
  id: string;
  client: string;
  type: string;
  args: Record<string, unknown>;
}

/**
 * The three promises, checked after the settle:
 * 1. every client's cache equals the server (tickets and comments, by id and content);
 * 2. every mutation the server accepted was applied exactly once (ledger + effects);
 * 3. nothing a client queued was lost: each has an answer, and the answer matches the ledger.
 */
export async function checkConvergence(input: {
  clients: ChaosClient[];
  reference: Map<string, ServerState>;
  accountOf: Map<string, string>;
  ledger: Map<string, LedgerRow>;
  sent: SentMutation[];
  seeded: { tickets: number; comments: number };
}): Promise<string[]> {
  const violations: string[] = [];
  const note = (message: string) => {
    if (violations.length < 50) violations.push(message);
  };

  for (const client of input.clients) {
    const reference = input.reference.get(input.accountOf.get(client.name)!)!;
    const pending = await client.db.outbox.count();
    if (pending) note(`${client.name}: ${pending} mutations still in the outbox`);
    for (const c of client.contradictions) note(`${client.name}: contradictory answers ${c}`);
    const rows = await cachedTickets(client.db);
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      const server = reference.tickets.get(row.id);
      if (!server) note(`${client.name}: ticket ${row.id} is not on the server`);
      else if (canonicalJson(toTicket(row)) !== canonicalJson(server))
        note(
          `${client.name}: ticket ${row.id} differs:\n  local  ${canonicalJson(toTicket(row))}\n  server ${canonicalJson(server)}`,
        );
      else if (row.pendingCount !== 0)
        note(`${client.name}: ticket ${row.id} still counts ${row.pendingCount} pending`);
    }
    for (const id of reference.tickets.keys())
      if (!seen.has(id)) note(`${client.name}: server ticket ${id} missing from the cache`);
    const comments = await cachedComments(client.db);
    const seenComments = new Set<string>();
    for (const { server: _server, pending, ...comment } of comments) {
      seenComments.add(comment.id);
      const server = reference.comments.get(comment.id);
      if (!server) note(`${client.name}: comment ${comment.id} is not on the server`);
      else if (pending || canonicalJson(comment) !== canonicalJson(server))
        note(`${client.name}: comment ${comment.id} differs`);
    }
    for (const id of reference.comments.keys())
      if (!seenComments.has(id)) note(`${client.name}: server comment ${id} missing from the cache`);
  }

  const answersOf = new Map(input.clients.map((c) => [c.name, c.answers]));
  let appliedComments = 0;
  let appliedCreates = 0;
  const anyReference = [...input.reference.values()][0]!;
  for (const sent of input.sent) {
    const answer = answersOf.get(sent.client)!.get(sent.id);
    const row = input.ledger.get(sent.id);
    if (!answer) note(`${sent.client}: ${sent.type} ${sent.id} queued but never answered (lost)`);
    if (!row) note(`${sent.client}: ${sent.type} ${sent.id} is not in the server's ledger (lost)`);
    if (answer && row && (answer.status !== row.status || (answer.code ?? null) !== row.code))
      note(
        `${sent.client}: ${sent.id} answered ${answer.status}/${answer.code} but the ledger says ${row.status}/${row.code}`,
      );
    if (row?.status !== 'applied') continue;
    if (sent.type === 'comment.add') {
      appliedComments += 1;
      const comment = anyReference.comments.get(String(sent.args.commentId));
      if (!comment || comment.ticketId !== sent.args.ticketId)
        note(`applied comment ${String(sent.args.commentId)} is not on its ticket`);
    }
    if (sent.type === 'ticket.create') {
      appliedCreates += 1;
      if (!anyReference.tickets.has(String(sent.args.ticketId)))
        note(`applied ticket.create ${String(sent.args.ticketId)} has no ticket`);
    }
  }
  const sentIds = new Set(input.sent.map((s) => s.id));
  for (const id of input.ledger.keys())
    if (!sentIds.has(id)) note(`the ledger holds ${id}, which no client sent`);
  // Exactly once, seen from the effects: no comment or ticket appeared twice or from nowhere.
  if (anyReference.comments.size !== input.seeded.comments + appliedComments)
    note(
      `server has ${anyReference.comments.size} comments; expected ${input.seeded.comments} seeded + ${appliedComments} applied`,
    );
  if (anyReference.tickets.size !== input.seeded.tickets + appliedCreates)
    note(
      `server has ${anyReference.tickets.size} tickets; expected ${input.seeded.tickets} seeded + ${appliedCreates} created`,
    );
  return violations;
}
