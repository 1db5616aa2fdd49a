import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { SlaPolicy } from '../../shared/index';
import type { CachedComment, CachedTicket, PageBody, PageHeads } from './rows';

/**
 * What was written to the cache, told to whoever keeps a view derived from it (the memory
 * view, ticket-memory-index.ts). A Dexie DBCore middleware sees every write to the overlay
 * (`tickets`, `comments`), whichever path made it (optimistic mutation, rollback, pull), so
 * no write path has to remember to tell; a stored page is told by its writer
 * (apply-pulled-page.ts), which has it parsed already, and so is a fold (fold-pages.ts). A write is reported as it is asked
 * for, before its transaction commits, with a promise of how its transaction ended: the
 * listener applies it once committed.
 */
export type CacheWrite =
  /** Overlay tickets put (`rows`) or deleted (no rows). */
  | { kind: 'overlay'; ids: readonly string[]; rows?: readonly CachedTicket[]; committed: Promise<boolean> }
  /** Overlay comments of these tickets changed: their words are behind. */
  | { kind: 'comments'; ticketIds: readonly string[]; committed: Promise<boolean> }
  /** A page stored, as `seq`, with its heads and the SLA policies stored with it (they date its tickets). */
  | {
      kind: 'page';
      seq: number;
      body: PageBody;
      heads: PageHeads;
      policies: readonly SlaPolicy[];
      committed: Promise<boolean>;
    }
  /** Runs of consecutive pages folded into their last one (fold-pages.ts): same content, fewer rows. */
  | { kind: 'fold'; runs: readonly (readonly number[])[]; committed: Promise<boolean> }
  /** Rows went that no id list names (a clear): the view is built again. */
  | { kind: 'all'; committed: Promise<boolean> };

export class TicketWriteFeed {
  readonly #listeners = new Set<(write: CacheWrite) => void>();

  subscribe(listener: (write: CacheWrite) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(write: CacheWrite): void {
    for (const listener of this.#listeners) listener(write);
  }
}

type AskedWrite = DistributiveOmit<CacheWrite, 'committed'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

function ticketWriteOf(req: DBCoreMutateRequest): AskedWrite {
  switch (req.type) {
    case 'add':
    case 'put': {
      const rows = req.values as CachedTicket[];
      return { kind: 'overlay', ids: rows.map((row) => row.id), rows };
    }
    case 'delete':
      return { kind: 'overlay', ids: req.keys as string[] };
    case 'deleteRange':
      return { kind: 'all' };
  }
}

function commentWriteOf(req: DBCoreMutateRequest): AskedWrite | null {
  if (req.type === 'deleteRange') return { kind: 'all' };
  if (req.type !== 'add' && req.type !== 'put') return null;
  return { kind: 'comments', ticketIds: (req.values as CachedComment[]).map((comment) => comment.ticketId) };
}

/** Only a clear of the pages needs telling here: their adds and folds are told by their writers. */
function pageWriteOf(req: DBCoreMutateRequest): AskedWrite | null {
  return req.type === 'deleteRange' ? { kind: 'all' } : null;
}

const describers: Record<string, (req: DBCoreMutateRequest) => AskedWrite | null> = {
  tickets: ticketWriteOf,
  comments: commentWriteOf,
  pages: pageWriteOf,
};

const outcomes = new WeakMap<DBCoreTransaction, Promise<boolean>>();

/** How a transaction ends; one promise per transaction, however many writes it makes. */
export function outcomeOf(trans: DBCoreTransaction): Promise<boolean> {
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

export function ticketWritesMiddleware(feed: TicketWriteFeed): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TicketWrites',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        const describe = describers[name];
        if (!describe) return table;
        return {
          ...table,
          mutate: (req) => {
            const write = describe(req);
            const done = table.mutate(req);
            // Told now, before the write is made: Dexie re-runs live queries optimistically,
            // before the commit, and one must already find this write pending.
            if (write) {
              const made = done.then(
                () => true,
                () => false,
              );
              feed.emit({
                ...write,
                committed: Promise.all([outcomeOf(req.trans), made]).then(([ended, ok]) => ended && ok),
              } as CacheWrite);
            }
            return done;
          },
        };
      },
    }),
  };
}
