import type { Page } from '@playwright/test';

/**
 * Fills the console's cache straight in IndexedDB (clones of the tickets the first sync
 * brought, then the caller reloads), so a spec at 100,000 tickets measures the console's
 * read path and not the first sync's speed.
 */

/** Writes `count` clones of the cached tickets, in chunks of one transaction each. */
export async function fillCache(page: Page, count: number): Promise<void> {
  await page.evaluate(async (total) => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('mesa');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    // Clones of the open tickets, so the whole 100k is in the "All" queue's list.
    const seeds: Array<Record<string, unknown>> = await new Promise((resolve) => {
      const all = db.transaction('tickets').objectStore('tickets').getAll();
      all.onsuccess = () => resolve((all.result as Array<Record<string, unknown>>).filter((t) => t.open === 1));
    });
    const hex = (n: number) => n.toString(16).padStart(12, '0');
    const CHUNK = 5_000;
    for (let start = 0; start < total; start += CHUNK) {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['tickets', 'ticketFacetLog'], 'readwrite');
        const store = tx.objectStore('tickets');
        const facets: Array<Record<string, unknown>> = [];
        for (let i = start; i < Math.min(total, start + CHUNK); i++) {
          const seed = seeds[i % seeds.length]!;
          const shift = (ms: number) => (Number.isFinite(ms) ? ms + (i % 5000) * 60_000 : ms);
          const due = shift(seed.slaDueMs as number);
          const warn = shift(seed.slaWarnMs as number);
          // The queue index keys (renderer/data/queue-keys.ts) follow the shifted SLA instants.
          const queueKeys = (seed.queueKeys as unknown[][])
            .filter((key) => key[0] !== 'pending')
            .map((key) => {
              if (key[0] === 'w') return ['w', warn];
              if (key[2] === 's') return [key[0], key[1], 's', due];
              if (key[2] === 'p') return [key[0], key[1], 'p', key[3], due];
              return key;
            });
          const row = {
            ...seed,
            id: `0190ffff-0000-7000-8000-${hex(i)}`,
            number: `SIM-${100000 + i}`,
            title: `${seed.title as string} · ${i}`,
            slaDueMs: due,
            slaWarnMs: warn,
            queueKeys,
            pendingCount: 0,
          };
          store.put(row);
          // The queue fields the console logs beside the tickets (renderer/data/queue-match.ts facetsOf).
          const { status, priority, category, assigneeId, teamId, assigneeKey, teamKey, open, updatedAt } = row as Record<string, unknown>;
          const tags = (seed.tags as string[]).map((tag) => tag.toLowerCase());
          facets.push({ id: row.id, status, priority, category, assigneeId, teamId, assigneeKey, teamKey, tags, pendingCount: 0, open, slaDueMs: due, slaWarnMs: warn, updatedAt });
        }
        // One facet-log entry per write, as the console's own writes add (renderer/data/facet-log.ts).
        tx.objectStore('ticketFacetLog').add({ put: facets });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.close();
  }, count);
}
