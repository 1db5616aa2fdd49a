import Dexie from 'dexie';

/**
 * A cache as the row-per-ticket layout left it (schema v7, the last before v8 only re-keyed
 * rows), declared here as it shipped so tests can fill one and open it with today's code.
 */
export function legacyV7Cache(name: string): Dexie {
  const db = new Dexie(name);
  db.version(7).stores({
    tickets: 'id, number, *queueKeys',
    ticketFacetLog: '++seq',
    comments: 'id, [ticketId+createdAt]',
    attachments: 'id, ticketId, sha256, uploaded',
    agents: 'id, email',
    teams: 'id',
    categories: 'id',
    macros: 'id',
    slaPolicies: 'id',
    outbox: '++seq, id, ticketId',
    rejections: 'id, at',
    meta: 'key',
  });
  return db;
}
