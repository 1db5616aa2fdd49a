import type { Transaction } from 'dexie';
import type { SlaPolicy } from '../../shared/index';
import type { CachedTicket } from './db';
import { FACET_LOG, chunksOf, type FacetLogEntry } from './facet-log';
import { facetsOf, type TicketFacets } from './queue-match';
import { queueKeysOf } from './queue-keys';
import { slaKeys } from './sla-keys';

/**
 * Dexie upgrade functions, one per schema version that changes stored rows. They run
 * inside the version-change transaction, so a failed upgrade leaves the old database intact.
 */

/** v2 adds assigneeKey/teamKey (indexable stand-ins for null ids) and slaWarnMs. */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const policies = await policiesById(tx);
  await tx
    .table<CachedTicket, string>('tickets')
    .toCollection()
    .modify((ticket) => {
      ticket.assigneeKey = ticket.assigneeId ?? '';
      ticket.teamKey = ticket.teamId ?? '';
      ticket.slaWarnMs = slaKeys(ticket, ticket.slaPolicyId ? policies.get(ticket.slaPolicyId) : null).slaWarnMs;
    });
}

/**
 * v8 re-keys open tickets by their SLA state (the most urgent running clock, dated from its
 * own history): earlier versions keyed on the resolution clock alone, dated from updatedAt.
 */
export async function upgradeToV8(tx: Transaction): Promise<void> {
  const policies = await policiesById(tx);
  await tx
    .table<CachedTicket, string>('tickets')
    .filter((ticket) => ticket.open === 1)
    .modify((ticket) => {
      Object.assign(ticket, slaKeys(ticket, ticket.slaPolicyId ? policies.get(ticket.slaPolicyId) : null));
      ticket.queueKeys = queueKeysOf(ticket);
    });
}

/** v3 drops the stored search words (now kept in memory) and adds the queue index keys. */
export async function upgradeToV3(tx: Transaction): Promise<void> {
  await tx
    .table<CachedTicket & { words?: string[] }, string>('tickets')
    .toCollection()
    .modify((ticket) => {
      delete ticket.words;
      ticket.queueKeys = queueKeysOf(ticket);
    });
}

/** v4 adds the ticketFacets store, filled here from the tickets (later writes mirror into it). */
export async function upgradeToV4(tx: Transaction): Promise<void> {
  const facets: TicketFacets[] = [];
  await tx
    .table<CachedTicket, string>('tickets')
    .each((ticket) => void facets.push(facetsOf(ticket)));
  await tx.table<TicketFacets, string>('ticketFacets').bulkPut(facets);
}

/** v6 moves the facets of v4's store into the facet log, as compacted chunks. */
export async function upgradeToV6(tx: Transaction): Promise<void> {
  const facets = await tx.table<TicketFacets, string>('ticketFacets').toArray();
  await tx.table<FacetLogEntry, number>(FACET_LOG).bulkAdd(chunksOf(facets));
}

async function policiesById(tx: Transaction): Promise<Map<string, SlaPolicy>> {
  const policies = new Map<string, SlaPolicy>();
  await tx
    .table<SlaPolicy, string>('slaPolicies')
    .each((policy) => void policies.set(policy.id, policy));
  return policies;
}
