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
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };
`;

/** Tickets in the console's cache ('mesa' database), or -1 while it does not exist yet. */
export const countCachedTickets = `(async () => {
  ${OPEN_DB}
  const names = (await indexedDB.databases()).map((d) => d.name);
  if (!names.includes('mesa')) return -1;
  const db = await openDb('mesa');
  try {
    if (!db.objectStoreNames.contains('tickets')) return -1;
    return await done(db.transaction('tickets', 'readonly').objectStore('tickets').count());
  } finally { db.close(); }
})()`;

/**
 * Baseline for bootstrap: one real cached ticket cloned N times (id, number and SLA due
 * varied), put in ONE relaxed transaction into a scratch database whose tickets store has
 * the same indexes as the cache's. Generation is outside the timing.
 */
export function rawBulkPut(count: number): string {
  return `(async (count) => {
    ${OPEN_DB}
    const mesa = await openDb('mesa');
    let sample; const indexes = [];
    try {
      const store = mesa.transaction('tickets', 'readonly').objectStore('tickets');
      const cursor = await done(store.openCursor());
      sample = cursor.value;
      for (const name of store.indexNames) {
        const index = store.index(name);
        indexes.push({ name, keyPath: index.keyPath, multiEntry: index.multiEntry, unique: index.unique });
      }
    } finally { mesa.close(); }
    const scratchName = 'mesa-bench-scratch';
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase(scratchName); r.onsuccess = r.onerror = r.onblocked = resolve; });
    const scratch = await openDb(scratchName, 1, (db) => {
      const store = db.createObjectStore('tickets', { keyPath: 'id' });
      for (const ix of indexes) store.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry, unique: ix.unique });
    });
    const rows = new Array(count);
    const stem = String(sample.id).slice(0, -8);
    for (let i = 0; i < count; i++) {
      const row = structuredClone(sample);
      row.id = stem + i.toString(16).padStart(8, '0');
      if (typeof row.number === 'number') row.number = 10000000 + i;
      if (typeof row.slaDueMs === 'number') row.slaDueMs = sample.slaDueMs + (i * 7919) % 86400000;
      rows[i] = row;
    }
    const started = performance.now();
    await new Promise((resolve, reject) => {
      const tx = scratch.transaction('tickets', 'readwrite', { durability: 'relaxed' });
      const store = tx.objectStore('tickets');
      for (const row of rows) store.put(row);
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const ms = performance.now() - started;
    scratch.close();
    await new Promise((resolve) => { const r = indexedDB.deleteDatabase(scratchName); r.onsuccess = r.onerror = r.onblocked = resolve; });
    return { ms, ticketJsonBytes: JSON.stringify(sample).length, indexes: indexes.length };
  })(${JSON.stringify(count)})`;
}

export interface QueryFigures {
  agentFound: boolean;
  teamIds: string[];
  queueMedianMs: number;
  queueRows: number;
  indexMedianMs: number;
  searchWord: string;
  searchMedianMs: number;
  searchRows: number;
  rawSearchMedianMs: number;
}

/**
 * Queue and search through the console's own data code (the bundle from page-entry.ts
 * must have been evaluated first), each against a plain raw-IndexedDB index read.
 * Queue: "open, mine + my team, by SLA due, first 50" = the console's 'mine' and 'team'
 * queue queries (sort 'sla', limit 50) run together and merged to the first 50 by SLA due.
 */
export function queryBench(email: string, runs: number): string {
  return `(async ({ email, runs }) => {
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
      const index = raw.transaction('tickets', 'readonly').objectStore('tickets').index('[open+slaDueMs]');
      const request = index.openCursor(IDBKeyRange.bound([1, -Infinity], [1, [[]]]));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor || out.length >= 50) { resolve(out); return; }
        out.push(cursor.value);
        if (out.length >= 50) resolve(out); else cursor.continue();
      };
      request.onerror = () => reject(request.error);
    });
    const rawWordOnce = (word) => new Promise((resolve, reject) => {
      const out = new Map();
      const index = raw.transaction('tickets', 'readonly').objectStore('tickets').index('words');
      const request = index.openCursor(IDBKeyRange.bound(word, word + '\\uffff'));
      request.onsuccess = () => {
        const cursor = request.result;
        if (!cursor) { resolve([...out.values()]); return; }
        out.set(cursor.primaryKey, cursor.value);
        if (out.size >= 50) resolve([...out.values()]); else cursor.continue();
      };
      request.onerror = () => reject(request.error);
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
    // A word a real ticket carries: the first word (5+ letters) of the first cached ticket's title.
    const first = await db.tickets.orderBy('number').first();
    const titleWords = String(first.title).toLowerCase().normalize('NFD').replace(/[\\u0300-\\u036f]/g, '').split(/[^a-z0-9]+/);
    const searchWord = titleWords.find((w) => w.length >= 5 && first.words.includes(w)) || first.words.find((w) => w.length >= 5) || first.words[0];
    const queue = await time(queueOnce, runs);
    const index = await time(rawIndexOnce, runs);
    const search = await time(() => searchTickets(searchWord, 50, db), runs);
    const rawSearch = await time(() => rawWordOnce(searchWord), runs);
    raw.close();
    db.close();
    return {
      agentFound: !!agent, teamIds,
      queueMedianMs: queue.median, queueRows: queue.rows,
      indexMedianMs: index.median,
      searchWord, searchMedianMs: search.median, searchRows: search.rows,
      rawSearchMedianMs: rawSearch.median,
    };
  })(${JSON.stringify({ email, runs })})`;
}

/**
 * Tops the console's cache up to `target` tickets by cloning the tickets the sync path
 * already cached (cycled, so assignees, teams, words and sizes keep their real mix; id,
 * number and SLA due varied). Used only when the real bootstrap did not finish within
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
          const tx = db.transaction('tickets', 'readwrite', { durability: 'relaxed' });
          const store = tx.objectStore('tickets');
          for (let k = 0; k < batch; k++, i++) {
            const sample = samples[i % samples.length];
            const row = structuredClone(sample);
            row.id = 'fill-' + String(i).padStart(8, '0') + '-' + sample.id;
            if (typeof row.number === 'number') row.number = 20000000 + i;
            if (typeof row.slaDueMs === 'number') row.slaDueMs = sample.slaDueMs + ((i * 7919) % 86400000);
            store.put(row);
          }
          tx.oncomplete = resolve;
          tx.onerror = () => reject(tx.error);
        });
        missing -= batch;
      }
      return await done(db.transaction('tickets', 'readonly').objectStore('tickets').count());
    } finally { db.close(); }
  })(${JSON.stringify(target)})`;
}
