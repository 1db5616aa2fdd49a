import type { Change, Comment, MesaApi, Ticket } from '../../../shared/index';

/**
 * What the server holds, read straight from its change feed (as another client would),
 * to check a test's outcome on the server rather than in the cache under test.
 */
export interface ServerView {
  tickets: Map<string, Ticket>;
  comments: Map<string, Comment>;
  cursor: number;
}

export async function readServer(api: Pick<MesaApi, 'pull'>): Promise<ServerView> {
  const latest = new Map<string, Change>();
  let cursor = 0;
  for (;;) {
    const page = await api.pull({ cursor, limit: 1000 });
    for (const change of page.changes) latest.set(`${change.entity}:${change.id}`, change);
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  const view: ServerView = { tickets: new Map(), comments: new Map(), cursor };
  for (const change of latest.values()) {
    if (change.op !== 'upsert') continue;
    if (change.entity === 'ticket') view.tickets.set(change.id, change.data as unknown as Ticket);
    if (change.entity === 'comment') view.comments.set(change.id, change.data as unknown as Comment);
  }
  return view;
}
