import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import type { CachedComment, CachedTicket } from './db';
import { FACET_LOG, type FacetLogEntry } from './facet-log';
import { facetsOf, type TicketFacets } from './queue-match';

/**
 * Which tickets were written, told to whoever keeps a copy derived from them (the memory
 * index). A Dexie DBCore middleware sees every write to the tickets table, whichever path
 * made it (pulled page, optimistic mutation, rollback, migration), so no write path has to
 * remember to tell. A write is reported as it is asked for, before its transaction commits,
 * with the facets of the rows it puts and a promise of how its transaction ended: a listener may apply
 * them once committed, or re-read the ids in its own transaction, which IndexedDB
 * orders after the writing one, so it sees the committed state (or the old one, if it aborted).
 *
 * The same middleware keeps the facet log (facet-log.ts: the few fields a queue view
 * filters on, ~200 bytes a ticket) in step with `tickets`, in the same transaction: every
 * read-write transaction on tickets also takes the log, and every ticket write appends one
 * entry to it. Building the memory index from it reads a few bytes a ticket instead of
 * whole rows.
 *
 * A comment put is reported as a words-only write of its ticket (comment bodies are
 * searched as the ticket's words), so a pulled comment need not rewrite its ticket's row.
 * A comment delete is not reported: every path that removes comments writes their ticket
 * too (a ticket deleted, a ticket's pending state rebuilt).
 */
export interface TicketWrite {
  /** Ids written, or 'all' for a write whose ids are unknown (a range delete, a clear). */
  ids: readonly string[] | 'all';
  /** The facets of the rows of a put or add, in the order of `ids`; undefined for a delete. */
  facets?: readonly TicketFacets[];
  /** Only the tickets' comments changed (their words, not their fields). */
  wordsOnly?: true;
  /** True when the write was made and its transaction committed; false when either failed. */
  committed: Promise<boolean>;
}

export class TicketWriteFeed {
  readonly #listeners = new Set<(write: TicketWrite) => void>();

  subscribe(listener: (write: TicketWrite) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(write: TicketWrite): void {
    for (const listener of this.#listeners) listener(write);
  }
}

/** A write as the middleware sees it asked for; `committed` is added once it is made. */
type AskedWrite = Omit<TicketWrite, 'committed'>;

function commentWriteOf(req: DBCoreMutateRequest): AskedWrite | null {
  if (req.type !== 'add' && req.type !== 'put') return null;
  return { ids: (req.values as CachedComment[]).map((comment) => comment.ticketId), wordsOnly: true };
}

/** A tickets write as reported; a put's facets are taken once, for the report and the facets store. */
function writeOf(req: DBCoreMutateRequest): AskedWrite {
  switch (req.type) {
    case 'add':
    case 'put': {
      const facets = (req.values as CachedTicket[]).map(facetsOf);
      return { ids: facets.map((row) => row.id), facets };
    }
    case 'delete':
      return { ids: req.keys as string[] };
    case 'deleteRange':
      return { ids: 'all' };
  }
}

const outcomes = new WeakMap<DBCoreTransaction, Promise<boolean>>();

/** How a transaction ends; one promise per transaction, however many writes it makes. */
function outcomeOf(trans: DBCoreTransaction): Promise<boolean> {
  let outcome = outcomes.get(trans);
  if (!outcome) {
    // Dexie's IndexedDB core hands the native transaction down as its DBCoreTransaction.
    const native = trans as unknown as IDBTransaction;
    outcome = new Promise<boolean>((resolve) => {
      native.addEventListener('complete', () => resolve(true), { once: true });
      native.addEventListener('abort', () => resolve(false), { once: true });
    });
    outcomes.set(trans, outcome);
  }
  return outcome;
}

/** The facet log's entry for a tickets write. */
function facetLogEntryOf(req: DBCoreMutateRequest, write: AskedWrite): FacetLogEntry {
  switch (req.type) {
    case 'add':
    case 'put':
      return { put: [...(write.facets ?? [])] };
    case 'delete':
      return { del: [...(req.keys as string[])] };
    case 'deleteRange': {
      const { lower, upper, lowerOpen, upperOpen } = req.range;
      return { delRange: { lower, upper, lowerOpen, upperOpen } };
    }
  }
}

export function ticketWritesMiddleware(feed: TicketWriteFeed): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TicketWrites',
    create: (down) => ({
      ...down,
      transaction: (stores, mode, options) =>
        down.transaction(mode === 'readwrite' && stores.includes('tickets') && !stores.includes(FACET_LOG) ? [...stores, FACET_LOG] : stores, mode, options),
      table: (name) => {
        const table = down.table(name);
        if (name !== 'tickets' && name !== 'comments') return table;
        const describe = name === 'tickets' ? writeOf : commentWriteOf;
        const logTable = name === 'tickets' && down.schema.tables.some((t) => t.name === FACET_LOG) ? down.table(FACET_LOG) : null;
        // Not during an upgrade from before the log existed: there v6 fills it itself.
        const logOf = (trans: DBCoreTransaction): DBCoreTable | null =>
          logTable && (trans as unknown as IDBTransaction).objectStoreNames.contains(FACET_LOG) ? logTable : null;
        return {
          ...table,
          mutate: (req) => {
            const write = describe(req);
            // .then, not await: Dexie keeps its transaction zone across its own promises.
            const done = table.mutate(req).then((result) => {
              const log = write && logOf(req.trans);
              return log ? log.mutate({ type: 'add', trans: req.trans, values: [facetLogEntryOf(req, write)] }).then(() => result) : result;
            });
            // Told now, before the write is made: Dexie re-runs live queries optimistically,
            // before the commit, and one must already find this write pending.
            if (write) {
              const made = done.then(
                () => true,
                () => false,
              );
              feed.emit({ ...write, committed: Promise.all([outcomeOf(req.trans), made]).then(([ended, ok]) => ended && ok) });
            }
            return done;
          },
        };
      },
    }),
  };
}
