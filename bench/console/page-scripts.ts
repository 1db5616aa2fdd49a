/**
 * Scripts evaluated in the console page. Kept as source strings, not functions: tsx
 * rewrites functions (name helpers) in ways that do not survive serialisation into the page.
 */

const OPEN_DB = `
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
  // Reads the console's cache ('mesa') with its own connection; -1 while it or the store does not exist yet.
  const readCache = async (store, read) => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'mesa')) return -1;
    const db = await openDb('mesa');
    try {
      return db.objectStoreNames.contains(store) ? await read(db) : -1;
    } finally { db.close(); }
  };
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
  // A ticket row's queue facets (renderer/data/queue-match.ts facetsOf): a raw write to tickets
  // must log them too (one ticketFacetLog entry per write), as the console's own writes do.
  const facetsOf = (t) => ({
    id: t.id, status: t.status, priority: t.priority, category: t.category, assigneeId: t.assigneeId, teamId: t.teamId,
    assigneeKey: t.assigneeKey, teamKey: t.teamKey, tags: t.tags.map((tag) => tag.toLowerCase()), pendingCount: t.pendingCount,
    open: t.open, slaDueMs: t.slaDueMs, slaWarnMs: t.slaWarnMs, updatedAt: t.updatedAt,
  });
`;

/**
 * Tickets in the console's cache ('mesa' database), or -1 while it does not exist yet.
 * Counted on the `number` index: Chromium counts by walking the range, and walking the
 * object store reads every ~5 KB row, which at 100k rows, polled while the bootstrap
 * writes, cost the browser process more than the bootstrap itself.
 */
export const countCachedTickets = `(async () => {
  ${OPEN_DB}
  return readCache('tickets', async (db) => {
    const store = db.transaction('tickets', 'readonly').objectStore('tickets');
    return await done(store.indexNames.contains('number') ? store.index('number').count() : store.count());
  });
})()`;

/**
 * The change sequence the console's cache holds everything up to (its sync cursor, written
 * in the same transaction as the page it ends), or -1 before the cache exists. One `get`:
 * polling the ticket count instead walked the whole `number` index every second (Chromium
 * counts by walking, ~1 s a poll at 100k; see bench/README.md), and that browser-side
 * work competed with the very writes being timed.
 */
export const syncedCursor = `(async () => {
  ${OPEN_DB}
  return readCache('meta', async (db) => {
    const row = await done(db.transaction('meta', 'readonly').objectStore('meta').get('cursor'));
    return typeof row?.value === 'number' ? row.value : -1;
  });
})()`;

/**
 * Baseline for bootstrap: the same JSON the sync path stored, put raw. One real cached
 * ticket cloned N times (id, number and SLA due varied), and one real cached comment
 * cloned as many times as the cache holds comments (spread over those tickets), each
 * table in ONE relaxed transaction into a scratch database whose stores have the same
 * indexes as the cache's. Generation is outside the timing; the two puts are timed apart.
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
    const mesa = await openDb('mesa');
    const samples = {}; const indexes = {}; const counts = {};
    try {
      for (const name of ['tickets', 'comments']) {
        const store = mesa.transaction(name, 'readonly').objectStore(name);
        const cursor = await done(store.openCursor());
        samples[name] = cursor.value;
        counts[name] = await done(store.count());
        indexes[name] = [...store.indexNames].map((ix) => store.index(ix)).map((ix) => ({ name: ix.name, keyPath: ix.keyPath, multiEntry: ix.multiEntry, unique: ix.unique }));
      }
    } finally { mesa.close(); }
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
      if (typeof row.number === 'number') row.number = 10000000 + i;
      if (typeof row.slaDueMs === 'number') row.slaDueMs = ticket.slaDueMs + (i * 7919) % 86400000;
      tickets[i] = row;
    }
    const comment = samples.comments;
    const commentStem = String(comment.id).slice(0, -8);
    const comments = new Array(counts.comments);
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
  indexMedianMs: number;
  searchWord: string;
  /** The first search of a session: the words of the whole cache read into memory. */
  searchIndexBuildMs: number;
  searchMedianMs: number;
  searchRows: number;
  getManyMedianMs: number;
}

/**
 * Queue and search through the console's own data code (the bundle from page-entry.ts
 * must have been evaluated first), each against a plain raw-IndexedDB read.
 * Queue: "open, mine + my team, by SLA due, first 50" = the console's 'mine' and 'team'
 * queue queries (sort 'sla', limit 50) run together and merged to the first 50 by SLA due;
 * baseline: one raw 50-row cursor on the same index (all open tickets by SLA due).
 * Search: searchTickets for an accent-folded word; baseline: a raw getAll of 50 rows by
 * primary key in one transaction, the floor of any search that returns 50 whole tickets.
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
    const raw = await openDb('mesa');
    const rawIndexOnce = () => new Promise((resolve, reject) => {
      const out = [];
      const index = raw.transaction('tickets', 'readonly').objectStore('tickets').index('queueKeys');
      const request = index.openCursor(IDBKeyRange.bound(['*', 1, 's', -Infinity], ['*', 1, 's', [[]]]));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) { resolve(out); return; }
        out.push(cursor.value);
        if (out.length >= 50) resolve(out); else cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    const someIds = await done(raw.transaction('tickets', 'readonly').objectStore('tickets').getAllKeys(null, 5000));
    let round = 0;
    const getManyOnce = () => new Promise((resolve, reject) => {
      round += 1;
      const store = raw.transaction('tickets', 'readonly').objectStore('tickets');
      const out = [];
      for (let i = 0; i < 50; i++) {
        const request = store.get(someIds[(round * 97 + i * 89) % someIds.length]);
        request.onsuccess = () => { out.push(request.result); if (out.length === 50) resolve(out); };
        request.onerror = () => reject(request.error);
      }
    });
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
    const index = await time(rawIndexOnce, runs);
    const search = await time(() => searchTickets(searchWord, 50, db), runs);
    const getMany = await time(getManyOnce, runs);
    raw.close();
    db.close();
    return {
      agentFound: !!agent, teamIds,
      queueMedianMs: queue.median, queueRows: queue.rows,
      indexMedianMs: index.median,
      searchWord, searchIndexBuildMs, searchMedianMs: search.median, searchRows: search.rows,
      getManyMedianMs: getMany.median,
    };
  })(${JSON.stringify({ email, runs, searchWord })})`;
}

/**
 * Tops the console's cache up to `target` tickets by cloning the tickets the sync path
 * already cached (cycled, so assignees, teams, words and sizes keep their real mix; id,
 * number varied; the queue index keys stay the sample's). Used only when the real bootstrap did not finish within
 * the bench's budget, so the at-100k figures (queue, search, heap) can still be taken.
 */
export function fillCacheTo(target: number): string {
  return `(async (target) => {
    ${OPEN_DB}
    const db = await openDb('mesa');
    try {
      const store0 = db.transaction('tickets', 'readonly').objectStore('tickets');
      const have = await done(store0.count());
      const samples = await done(store0.getAll(null, 5000));
      let missing = target - have; let i = 0;
      while (missing > 0) {
        const batch = Math.min(missing, 10000);
        await new Promise((resolve, reject) => {
          const tx = db.transaction(['tickets', 'ticketFacetLog'], 'readwrite', { durability: 'relaxed' });
          const store = tx.objectStore('tickets');
          const facets = [];
          for (let k = 0; k < batch; k++, i++) {
            const sample = samples[i % samples.length];
            const row = structuredClone(sample);
            row.id = 'fill-' + String(i).padStart(8, '0') + '-' + sample.id;
            if (typeof row.number === 'number') row.number = 20000000 + i;
            store.put(row);
            facets.push(facetsOf(row));
          }
          tx.objectStore('ticketFacetLog').add({ put: facets });
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        missing -= batch;
      }
      return await done(db.transaction('tickets', 'readonly').objectStore('tickets').count());
    } finally { db.close(); }
  })(${JSON.stringify(target)})`;
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

/** Entries in the console's outbox and refused changes on record (raw IndexedDB, no Dexie). */
export const outboxState = `(async () => {
  ${OPEN_DB}
  const db = await openDb('mesa');
  try {
    const tx = db.transaction(['outbox', 'rejections', 'tickets'], 'readonly');
    return {
      outbox: await done(tx.objectStore('outbox').count()),
      rejections: await done(tx.objectStore('rejections').count()),
      // Tickets whose row still counts pending changes (the queue index's ['pending'] key, see queue-keys.ts).
      pendingRows: await done(tx.objectStore('tickets').index('queueKeys').count(IDBKeyRange.only(['pending']))),
    };
  } finally { db.close(); }
})()`;
