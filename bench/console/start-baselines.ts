/**
 * The floors the start figures are judged against, measured in the console's own page
 * (scripts evaluated there; source strings, as page-scripts.ts explains).
 */

/** The console's page sizes (renderer/sync/sync-coordinator.ts): tickets per snapshot page, changes per pull page. */
const SNAPSHOT_PAGE = 500;
const PULL_PAGE = 1_000;

export interface RawPages {
  ms: number;
  /** Of `ms`, the part spent turning pages into text and storing them; the rest waited for pages. */
  storeMs: number;
  pages: number;
  changes: number;
  bytes: number;
}

/**
 * Sign-in → whole cache, its floor: every page the console's first sign-in fetches (the
 * snapshot's pages, then the pull from the change number it is as of), asked for through
 * the same bridge (the page bundle's own connection to the host), one ahead as the
 * console's loops do, each stored as one text row (its JSON) in a scratch database.
 * No rules, no memory view, no rendering: the transport plus the cheapest durable layout.
 */
export const rawPagesPut = `(async ({ snapshotPage, pullPage }) => {
  const { getMesa } = globalThis.__mesaBench;
  const api = getMesa();
  const name = 'mesa-bench-raw-pages';
  const drop = () => new Promise((resolve) => { const r = indexedDB.deleteDatabase(name); r.onsuccess = r.onerror = r.onblocked = resolve; });
  await drop();
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => request.result.createObjectStore('pages', { autoIncrement: true });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  let pages = 0; let changes = 0; let bytes = 0; let storeMs = 0;
  const store = async (page) => {
    const storing = performance.now();
    const text = JSON.stringify(page);
    await new Promise((resolve, reject) => {
      const tx = db.transaction('pages', 'readwrite');
      tx.objectStore('pages').add(text);
      tx.oncomplete = resolve;
      tx.onerror = tx.onabort = () => reject(tx.error);
    });
    storeMs += performance.now() - storing;
    pages += 1; changes += page.changes.length; bytes += text.length;
  };
  // Asks for the next page while this one is stored; \`next\` says what follows a page, or null at the end.
  const walk = async (first, next) => {
    let ahead = first;
    for (;;) {
      const page = await ahead;
      const following = next(page);
      if (following) ahead = following;
      await store(page);
      if (!following) return page;
    }
  };
  const started = performance.now();
  const last = await walk(api.snapshot({ limit: snapshotPage }), (page) => (page.hasMore ? api.snapshot({ cursor: page.cursor, limit: snapshotPage }) : null));
  let cursor = last.asOf;
  await walk(api.pull({ cursor, limit: pullPage }), (page) => {
    const more = page.hasMore && page.cursor > cursor;
    cursor = page.cursor;
    return more ? api.pull({ cursor, limit: pullPage }) : null;
  });
  const ms = performance.now() - started;
  db.close();
  await drop();
  return { ms, storeMs, pages, changes, bytes };
})(${JSON.stringify({ snapshotPage: SNAPSHOT_PAGE, pullPage: PULL_PAGE })})`;

export interface ReadAll {
  ms: number;
  rows: number;
  parsed: number;
  bytes: number;
}

/**
 * Reload → rows, its floor: every row of every store of the console's cache read back
 * (getAll in chunks of 2,000) and each text value `JSON.parse`d, whatever the layout:
 * row-per-ticket objects are read, pages stored as text are read and parsed.
 */
export const readAllCache = `(async () => {
  const done = (request) => new Promise((resolve, reject) => { request.onsuccess = () => resolve(request.result); request.onerror = () => reject(request.error); });
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('mesa-cache');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const started = performance.now();
  let rows = 0; let parsed = 0; let bytes = 0;
  const parseIn = (value, depth) => {
    if (typeof value === 'string') {
      if (value.length > 1 && (value[0] === '{' || value[0] === '[')) { JSON.parse(value); parsed += 1; bytes += value.length; }
      return;
    }
    if (depth > 1 || value === null || typeof value !== 'object') return;
    for (const inner of Object.values(value)) parseIn(inner, depth + 1);
  };
  try {
    for (const name of db.objectStoreNames) {
      let range = null;
      for (;;) {
        const store = db.transaction(name, 'readonly').objectStore(name);
        const keys = await done(store.getAllKeys(range, 2000));
        if (keys.length === 0) break;
        const values = await done(store.getAll(IDBKeyRange.bound(keys[0], keys[keys.length - 1]), 2000));
        for (const value of values) parseIn(value, 0);
        rows += values.length;
        if (keys.length < 2000) break;
        range = IDBKeyRange.lowerBound(keys[keys.length - 1], true);
      }
    }
  } finally { db.close(); }
  return { ms: performance.now() - started, rows, parsed, bytes };
})()`;
