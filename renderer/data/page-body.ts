import type { SlaPolicy, Ticket } from '../../shared/index';
import type { PageChanges } from './page-changes';
import type { PageBody, PageRow } from './rows';
import { slaKeys } from './sla-keys';
import { policyStamp, storeSlaKeys, type StoredSlaKeys } from './sla-stamp';

/**
 * What a pulled page stores about tickets and comments (reference data and attachments
 * have their own stores), each ticket with its SLA instants dated by the cached policies.
 */
export function pageBodyOf(page: PageChanges, policies: ReadonlyMap<string, SlaPolicy>): PageBody {
  const tickets = [...page.ticket.upserts.values()];
  return {
    tickets,
    slaKeys: tickets.map((ticket) => datedSlaKeys(ticket, policies)),
    ticketDeletes: [...page.ticket.deletes],
    comments: [...page.comment.upserts.values()],
    commentDeletes: [...page.comment.deletes],
  };
}

export function datedSlaKeys(ticket: Ticket, policies: ReadonlyMap<string, SlaPolicy>): StoredSlaKeys {
  const policy = ticket.slaPolicyId ? policies.get(ticket.slaPolicyId) : undefined;
  return storeSlaKeys(slaKeys(ticket, policy), policyStamp(policy));
}

export function pageRowOf(body: PageBody): PageRow {
  return { text: JSON.stringify(body), size: sizeOf(body) };
}

export function sizeOf(body: PageBody): number {
  return body.tickets.length + body.ticketDeletes.length + body.comments.length + body.commentDeletes.length;
}

export function isEmptyBody(body: PageBody): boolean {
  return sizeOf(body) === 0;
}

/**
 * The stored text back as a body. Its contents were checked against the shared schemas
 * before they were stored (page-changes.ts), by this same console.
 */
export function readPageBody(row: PageRow): PageBody {
  return JSON.parse(row.text) as PageBody;
}

/**
 * Several consecutive pages as one, in order: a later page's copy or delete of an id
 * replaces an earlier one's, as replaying them one by one would.
 */
export function mergePageBodies(bodies: readonly PageBody[]): PageBody {
  const tickets = new Map<string, { ticket: Ticket; keys: StoredSlaKeys | undefined } | null>();
  const comments = new Map<string, PageBody['comments'][number] | null>();
  for (const body of bodies) {
    for (const id of body.ticketDeletes) tickets.set(id, null);
    for (const [i, ticket] of body.tickets.entries())
      tickets.set(ticket.id, { ticket, keys: body.slaKeys?.[i] });
    for (const id of body.commentDeletes) comments.set(id, null);
    for (const comment of body.comments) comments.set(comment.id, comment);
  }
  const merged: PageBody = { tickets: [], slaKeys: [], ticketDeletes: [], comments: [], commentDeletes: [] };
  for (const [id, entry] of tickets) {
    if (!entry) {
      merged.ticketDeletes.push(id);
      continue;
    }
    merged.tickets.push(entry.ticket);
    // A stamp no policy has: the next start dates it with the policy cached then.
    merged.slaKeys!.push(entry.keys ?? [null, null, '\u0000']);
  }
  for (const [id, comment] of comments) {
    if (comment) merged.comments.push(comment);
    else merged.commentDeletes.push(id);
  }
  return merged;
}
