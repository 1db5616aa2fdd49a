import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/**
 * Which tickets were written, told to whoever keeps a copy derived from them (the search
 * index). A Dexie DBCore middleware sees every write to the tickets table, whichever
 * path made it (pulled page, optimistic mutation, rollback, migration), so no write path
 * has to remember to tell. The ids come as the write is made, before its transaction
 * commits; a listener re-reads them later in its own transaction, which IndexedDB orders
 * after the writing one, so it sees the committed state (or the old one, if it aborted).
 */

/** Ids written, or 'all' for a write whose ids are unknown (a range delete, a clear). */
export type TicketWrite = readonly string[] | 'all';

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

function writtenIds(req: DBCoreMutateRequest): TicketWrite {
  switch (req.type) {
    case 'add':
    case 'put':
      return req.values.map((value) => (value as { id: string }).id);
    case 'delete':
      return req.keys as string[];
    case 'deleteRange':
      return 'all';
  }
}

export function ticketWritesMiddleware(feed: TicketWriteFeed): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'TicketWrites',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'tickets') return table;
        return {
          ...table,
          // .then, not await: Dexie keeps its transaction zone across its own promises.
          mutate: (req) =>
            table.mutate(req).then((result) => {
              feed.emit(writtenIds(req));
              return result;
            }),
        };
      },
    }),
  };
}
