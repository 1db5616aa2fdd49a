/**
 * Scripts evaluated in the console page. Kept as source strings, not functions: tsx
 * rewrites functions (name helpers) in ways that do not survive serialisation into the page.
 */

/** The console's cache database (renderer/data/db.ts DB_NAME): pages of JSON text plus a per-ticket overlay. */
const CACHE_DB = 'mesa-cache';

const OPEN_DB = `
  const CACHE_DB = ${JSON.stringify(CACHE_DB)};
  const openDb = (name, version, upgrade) => new Promise((resolve, reject) => {
    const request = version === undefined ? indexedDB.open(name) : indexedDB.open(name, version);
    if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error('open blocked: ' + name));
  });
  const done = (request) => new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  // Reads the console's cache with its own connection; -1 while it or the store does not exist yet.
  const readCache = async (store, read) => {
    if (!(await indexedDB.databases()).some((d) => d.name === CACHE_DB)) return -1;
    const db = await openDb(CACHE_DB);
    try {
      return db.objectStoreNames.contains(store) ? await read(db) : -1;
    } finally { db.close(); }
  };
  // Every stored page's body (renderer/data/rows.ts PageBody) in pull order, a few rows a
  // read, so that 100k tickets of text are never held at once.
  const eachPage = async (db, visit) => {
    let range = null;
    for (;;) {
      const rows = await done(db.transaction('pages', 'readonly').objectStore('pages').getAll(range, 8));
      for (const row of rows) visit(JSON.parse(row.text), row.seq);
      if (rows.length < 8) return;
      range = IDBKeyRange.lowerBound(rows[rows.length - 1].seq, true);
    }
  };
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
`;

/**
 * Distinct tickets in the console's cache (the pages replayed in order, deletes applied, plus
 * the overlay's tickets), or -1 before the cache exists. Reads every page: for a check after
 * the sign-in figures are taken, never for polling during them.
 */
export const cachedTickets = `(async () => {
  ${OPEN_DB}
  return readCache('pages', async (db) => {
    const ids = new Set();
    await eachPage(db, (body) => {
      for (const id of body.ticketDeletes) ids.delete(id);
      for (const ticket of body.tickets) ids.add(ticket.id);
    });
    for (const id of await done(db.transaction('tickets', 'readonly').objectStore('tickets').getAllKeys())) ids.add(id);
    return ids.size;
  });
})()`;

export interface SyncProgress {
  /** The pull cursor; it stays 0 (or absent, -1) until the snapshot's last page is stored. */
  cursor: number;
  /** The snapshot under way: its tickets stored and its total; -1 when none is (not begun, or done). */
  sent: number;
  total: number;
}

/**
 * Where the bootstrap stands, from two `meta` rows: the snapshot's progress (written with
 * each of its pages) and then the pull cursor (written with each pulled page). Two gets:
 * counting tickets would read every page, work that would compete with the writes timed.
 */
export const syncProgress = `(async () => {
  ${OPEN_DB}
  const progress = await readCache('meta', async (db) => {
    const store = db.transaction('meta', 'readonly').objectStore('meta');
    const cursor = await done(store.get('cursor'));
    const snapshot = await done(store.get('snapshot'));
    return {
      cursor: typeof cursor?.value === 'number' ? cursor.value : -1,
      sent: typeof snapshot?.value?.sent === 'number' ? snapshot.value.sent : -1,
      total: typeof snapshot?.value?.total === 'number' ? snapshot.value.total : -1,
    };
  });
  return progress === -1 ? { cursor: -1, sent: -1, total: -1 } : progress;
})()`;

/**
 * The former bootstrap floor, a row per ticket: the same JSON the sync path stored, put raw.
 * One cached ticket (from the pages) cloned N times (id and number varied), and one cached
 * comment cloned as many times as the pages hold comments (spread over those tickets), each
 * table in ONE relaxed transaction into a scratch database whose stores are shaped like the
 * cache's per-ticket overlay. Generation is outside the timing; the two puts are timed apart.
 */
export interface RawPut {
  ms: number;
  ticketsMs: number;
  commentsMs: number;
  comments: number;
  ticketJsonBytes: number;
  commentJsonBytes: number;
  indexes: number;
}

export function rawBulkPut(count: number): string {
  return `(async (count) => {
    ${OPEN_DB}
    const cache = await openDb(CACHE_DB);
    const samples = {}; const indexes = {}; let commentCount = 0;
    try {
      await eachPage(cache, (body) => {
        samples.tickets ??= body.tickets[0];
        samples.comments ??= body.comments[0];
        commentCount += body.comments.length;
      });
      for (const name of ['tickets', 'comments']) {
        const store = cache.transaction(name, 'readonly').objectStore(name);
        indexes[name] = [...store.indexNames].map((ix) => store.index(ix)).map((ix) => ({ name: ix.name, keyPath: ix.keyPath, multiEntry: ix.multiEntry, unique: ix.unique }));
      }
    } finally { cache.close(); }
    if (!samples.tickets || !samples.comments) throw new Error('raw rows: the cache holds no ticket or no comment to clone');
    const scratchName = 'mesa-bench-scratch';
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase(scratchName); r.onsuccess = r.onerror = r.onblocked = resolve; });
    const scratch = await openDb(scratchName, 1, (db) => {
      for (const name of ['tickets', 'comments']) {
        const store = db.createObjectStore(name, { keyPath: 'id' });
        for (const ix of indexes[name]) store.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry, unique: ix.unique });
      }
    });
    const ticket = samples.tickets;
    const stem = String(ticket.id).slice(0, -8);
    const idOf = (i) => stem + i.toString(16).padStart(8, '0');
    const tickets = new Array(count);
    for (let i = 0; i < count; i++) {
      const row = structuredClone(ticket);
      row.id = idOf(i);
      row.number = 'RAW-' + i;
      tickets[i] = row;
    }
    const comment = samples.comments;
    const commentStem = String(comment.id).slice(0, -8);
    const comments = new Array(commentCount);
    for (let i = 0; i < comments.length; i++) {
      const row = structuredClone(comment);
      row.id = commentStem + i.toString(16).padStart(8, '0');
      row.ticketId = idOf(i % count);
      comments[i] = row;
    }
    const putAll = (name, rows) => new Promise((resolve, reject) => {
      const tx = scratch.transaction(name, 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore(name);
      for (const row of rows) store.put(row);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    let started = performance.now();
    await putAll('tickets', tickets);
    const ticketsMs = performance.now() - started;
    started = performance.now();
    await putAll('comments', comments);
    const commentsMs = performance.now() - started;
    scratch.close();
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase(scratchName); r.onsuccess = r.onerror = r.onblocked = resolve; });
    return {
      ms: ticketsMs + commentsMs,
      ticketsMs,
      commentsMs,
      comments: comments.length,
      ticketJsonBytes: JSON.stringify(ticket).length,
      commentJsonBytes: JSON.stringify(comment).length,
      indexes: indexes.tickets.length + indexes.comments.length,
    };
  })(${JSON.stringify(count)})`;
}

export interface QueryFigures {
  agentFound: boolean;
  teamIds: string[];
  queueMedianMs: number;
  queueRows: number;
  searchWord: string;
  /** The first search of a session: the cache's memory view and its words built. */
  searchIndexBuildMs: number;
  searchMedianMs: number;
  searchRows: number;
  /** One stored page read by key and parsed (the baseline of both). */
  pageReadMedianMs: number;
  pageTickets: number;
}

/**
 * Queue and search through the console's own data code (the bundle from page-entry.ts
 * must have been evaluated first), both answered from the cache's memory view.
 * Queue: "open, mine + my team, by SLA due, first 50" = the console's 'mine' and 'team'
 * queue queries (sort 'sla', limit 50) run together and merged to the first 50 by SLA due.
 * Search: searchTickets for an accent-folded word.
 * Baseline of both: one stored page (up to 1,000 tickets of JSON text) read by key and
 * parsed, in raw IndexedDB: the least any answer read from the cache's rows would cost in
 * this layout, which keeps no per-ticket row or index to read 50 tickets by.
 */
export function queryBench(email: string, runs: number, searchWord: string): string {
  return `(async ({ email, runs, searchWord }) => {
    ${OPEN_DB}
    const { MesaDb, queueQuery, searchTickets } = globalThis.__mesaBench;
    const db = new MesaDb();
    await db.open();
    const agent = await db.agents.where('email').equals(email).first();
    const agentId = agent ? agent.id : null;
    const teamIds = agent ? agent.teamIds : [];
    const queueOnce = async () => {
      const [mine, team] = await Promise.all([
        queueQuery({ kind: 'mine', agentId, state: 'open', sort: 'sla', limit: 50 }, db),
        queueQuery({ kind: 'team', teamIds, state: 'open', sort: 'sla', limit: 50 }, db),
      ]);
      const seen = new Set();
      return [...mine, ...team]
        .filter((t) => (seen.has(t.id) ? false : (seen.add(t.id), true)))
        .sort((a, b) => a.slaDueMs - b.slaDueMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .slice(0, 50);
    };
    const raw = await openDb(CACHE_DB);
    const seqs = await done(raw.transaction('pages', 'readonly').objectStore('pages').getAllKeys());
    let round = 0;
    const pageReadOnce = async () => {
      round += 1;
      const row = await done(raw.transaction('pages', 'readonly').objectStore('pages').get(seqs[(round * 7) % seqs.length]));
      return JSON.parse(row.text).tickets;
    };
    const time = async (fn, n) => {
      for (let i = 0; i < 3; i++) await fn();
      const samples = []; let rows = 0;
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const result = await fn();
        samples.push(performance.now() - t0);
        rows = result.length;
      }
      return { median: median(samples), rows };
    };
    const t0 = performance.now();
    await searchTickets(searchWord, 50, db);
    const searchIndexBuildMs = performance.now() - t0;
    const queue = await time(queueOnce, runs);
    const search = await time(() => searchTickets(searchWord, 50, db), runs);
    const pageRead = await time(pageReadOnce, runs);
    raw.close();
    db.close();
    return {
      agentFound: !!agent, teamIds,
      queueMedianMs: queue.median, queueRows: queue.rows,
      searchWord, searchIndexBuildMs, searchMedianMs: search.median, searchRows: search.rows,
      pageReadMedianMs: pageRead.median, pageTickets: pageRead.rows,
    };
  })(${JSON.stringify({ email, runs, searchWord })})`;
}

/**
 * Arms a watcher for one row's title in the page's DOM: when it shows `marker`, the wall
 * clock (Date.now, the same clock the bench reads in Node) is kept in `__mesaSeenAt`.
 */
export function watchRowTitle(ticketId: string, marker: string): string {
  return `((ticketId, marker) => {
    globalThis.__mesaSeenAt = 0;
    const selector = '[data-ticket-id="' + ticketId + '"] .cell-title';
    const check = () => {
      const cell = document.querySelector(selector);
      if (cell && cell.textContent.includes(marker)) { globalThis.__mesaSeenAt = Date.now(); observer.disconnect(); }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    check();
  })(${JSON.stringify(ticketId)}, ${JSON.stringify(marker)})`;
}

/**
 * `count` internal comments written through the console's own performMutation (the bundle
 * from page-entry.ts), each on its own open ticket: each one is the optimistic write and
 * its outbox entry in one transaction, as a click in the UI makes them.
 */
export function writeOfflineComments(count: number, body: string): string {
  return `(async ({ count, body }) => {
    const { MesaDb, queueQuery, performMutation } = globalThis.__mesaBench;
    const db = new MesaDb();
    await db.open();
    const tickets = [];
    for (let offset = 0; tickets.length < count; offset += 500) {
      const page = await queueQuery({ kind: 'all', state: 'open', sort: 'updated', offset, limit: 500 }, db);
      if (page.length === 0) break;
      tickets.push(...page);
    }
    let refused = 0;
    for (let i = 0; i < count; i++) {
      const ticket = tickets[i % tickets.length];
      const outcome = await performMutation('comment.add', { ticketId: ticket.id, commentId: crypto.randomUUID(), body: body + ' ' + i, visibility: 'internal' }, { db });
      if (!outcome.ok) refused += 1;
    }
    const outbox = await db.outbox.count();
    db.close();
    return { tickets: tickets.length, refused, outbox };
  })(${JSON.stringify({ count, body })})`;
}

/** Entries in the console's outbox, refused changes on record, and overlay tickets still counting pending changes (raw IndexedDB, no Dexie). */
export const outboxState = `(async () => {
  ${OPEN_DB}
  const db = await openDb(CACHE_DB);
  try {
    const tx = db.transaction(['outbox', 'rejections', 'tickets'], 'readonly');
    // Only tickets with local changes have an overlay row: a few hundred at most, read whole.
    const overlay = await done(tx.objectStore('tickets').getAll());
    return {
      outbox: await done(tx.objectStore('outbox').count()),
      rejections: await done(tx.objectStore('rejections').count()),
      pendingRows: overlay.filter((ticket) => ticket.pendingCount > 0).length,
    };
  } finally { db.close(); }
})()`;
