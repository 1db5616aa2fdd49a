import type { Page } from '@playwright/test';

/**
 * Fills the console's cache straight in IndexedDB (clones of the tickets the first sync
 * brought, then the caller reloads), so a spec at 100,000 tickets measures the console's
 * read path and not the first sync's speed.
 */

/**
 * Writes `count` clones of the cached open tickets as the console stores pulled pages
 * (renderer/data/rows.ts PageRow: 1,000 tickets a row, JSON text, each ticket's SLA
 * instants beside it), one transaction per row.
 */
export async function fillCache(page: Page, count: number): Promise<void> {
  await page.evaluate(async (total) => {
    type Stored = [number | null, number | null, string];
    interface Body {
      tickets: Array<Record<string, unknown>>;
      slaKeys?: Stored[];
      ticketDeletes: string[];
      comments: unknown[];
      commentDeletes: string[];
    }
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('mesa-cache');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    // The synced tickets, replayed from the pages in order (a later copy wins).
    const texts: Array<{ text: string }> = await new Promise((resolve) => {
      const all = db.transaction('pages').objectStore('pages').getAll();
      all.onsuccess = () => resolve(all.result as Array<{ text: string }>);
    });
    const latest = new Map<string, { ticket: Record<string, unknown>; keys: Stored }>();
    for (const { text } of texts) {
      const body = JSON.parse(text) as Body;
      for (const id of body.ticketDeletes) latest.delete(id);
      body.tickets.forEach((ticket, i) =>
        latest.set(ticket.id as string, { ticket, keys: body.slaKeys?.[i] ?? [null, null, '\u0000'] }),
      );
    }
    // Clones of the open tickets, so the whole 100k is in the "All" queue's list.
    const seeds = [...latest.values()].filter(({ ticket }) =>
      ['new', 'assigned', 'in_progress', 'pending'].includes(ticket.status as string),
    );
    const hex = (n: number) => n.toString(16).padStart(12, '0');
    const CHUNK = 1_000;
    for (let start = 0; start < total; start += CHUNK) {
      const body: Body = { tickets: [], slaKeys: [], ticketDeletes: [], comments: [], commentDeletes: [] };
      for (let i = start; i < Math.min(total, start + CHUNK); i++) {
        const seed = seeds[i % seeds.length]!;
        const shift = (ms: number | null) => (ms === null ? null : ms + (i % 5000) * 60_000);
        body.tickets.push({
          ...seed.ticket,
          id: `0190ffff-0000-7000-8000-${hex(i)}`,
          number: `SIM-${100000 + i}`,
          title: `${seed.ticket.title as string} · ${i}`,
        });
        body.slaKeys!.push([shift(seed.keys[0]), shift(seed.keys[1]), seed.keys[2]]);
      }
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('pages', 'readwrite');
        tx.objectStore('pages').add({ text: JSON.stringify(body), size: body.tickets.length });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}
