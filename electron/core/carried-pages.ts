import type { PullResponse } from '../../shared/sync/wire';

/** How many recent carried pages are kept: the pull that wants one follows within moments. */
const KEPT = 8;

type Carried = { after: number; page: PullResponse };

/**
 * Pull pages the server's event stream carried (see event-stream.ts). A carried page holds
 * every change in (after, page.cursor] as the log stood when it was sent, so for any cursor in
 * that range its changes after the cursor are exactly what a pull from there would have
 * answered then. Such a pull is answered from here instead of the network; any other (a
 * cursor outside every kept page, a smaller limit) goes to the server as before, so a missed
 * or dropped event only costs a request.
 */
export class CarriedPages {
  private readonly pages: Carried[] = [];

  offer(after: number, page: PullResponse): void {
    if (page.cursor <= after || page.hasMore) return;
    this.pages.push({ after, page });
    if (this.pages.length > KEPT) this.pages.shift();
  }

  take(cursor: number, limit: number): PullResponse | null {
    // Newest first: it reaches furthest.
    for (let i = this.pages.length - 1; i >= 0; i -= 1) {
      const { after, page } = this.pages[i]!;
      if (cursor < after || cursor >= page.cursor) continue;
      const changes = cursor === after ? page.changes : page.changes.filter((c) => c.seq > cursor);
      if (changes.length > limit) return null;
      return { changes, cursor: page.cursor, hasMore: false };
    }
    return null;
  }

  clear(): void {
    this.pages.length = 0;
  }
}
