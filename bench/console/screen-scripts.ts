/**
 * What the agent sees, read from the page's DOM. These depend only on the screen (rows,
 * the sync status), not on how the cache stores anything, so the figures built on them
 * hold across changes to the storage layout.
 */

/** A row of a queue (the search results use the same grid, inside `.search-view`). */
export const QUEUE_ROW = '.queue-view:not(.search-view) [data-testid="ticket-row"]';
export const SEARCH_ROW = '.search-view [data-testid="ticket-row"]';

/**
 * Keeps, in `__mesaFirstSeen[name]`, when each selector first matched: `performance.now()`
 * (ms since this document's navigation started) and `Date.now()`, taken in the frame that
 * paints it. Added as an init script, it watches every load of the page from its start.
 */
export function firstSeenScript(selectors: Record<string, string>): string {
  return `(() => {
    const selectors = ${JSON.stringify(selectors)};
    const seen = (globalThis.__mesaFirstSeen = {});
    const check = () => {
      for (const [name, selector] of Object.entries(selectors)) {
        if (seen[name] || !document.querySelector(selector)) continue;
        seen[name] = { pending: true };
        requestAnimationFrame(() => { seen[name] = { sinceStart: performance.now(), wall: Date.now() }; });
      }
      if (Object.keys(seen).length === Object.keys(selectors).length) observer.disconnect();
    };
    const observer = new MutationObserver(check);
    const start = () => { observer.observe(document.documentElement, { subtree: true, childList: true }); check(); };
    if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
  })()`;
}

export interface FirstSeen {
  sinceStart: number;
  wall: number;
}

/** `__mesaFirstSeen[name]` once its frame has run, else null. */
export function firstSeen(name: string): string {
  return `(() => { const s = globalThis.__mesaFirstSeen?.[${JSON.stringify(name)}]; return s && !s.pending ? s : null; })()`;
}

/**
 * Whether the sync status says everything is cached: rows are on screen, the status pill
 * says online and not "Syncing…", and no progress bar (ARIA or <progress>) is showing. Returns the page's wall
 * clock when true, else 0. (The bench runs the console in English.)
 */
export const cacheSettledAt = `(() => {
  const pill = document.querySelector('[data-testid="connectivity"]');
  if (!pill || pill.getAttribute('data-state') !== 'online' || /Syncing/i.test(pill.textContent ?? '')) return 0;
  if (document.querySelector('[role="progressbar"], progress')) return 0;
  if (!document.querySelector('[data-testid="ticket-row"]')) return 0;
  return Date.now();
})()`;
