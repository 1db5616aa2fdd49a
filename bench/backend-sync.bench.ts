import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { startBackendProcess } from '../backend/testing/backend-process';
import { openDatabase, type Database } from '../backend/storage/database';
import { postgresAvailable, startPostgresCluster } from '../backend/testing/postgres-cluster';
import type { LoginResponse, PullResponse, PushResponse } from '../shared/index';
import type { BenchResult } from './bench-result';
import {
  openHttpConnection,
  prepareRequest,
  type PreparedRequest,
  type RawResponse,
} from './http-connection';

/**
 * Sync throughput of the backend over real HTTP, on SQLite and PostgreSQL:
 * - push: ticket.create mutations in batches of 100 (mutations/s), each decided with the
 *   shared rules, numbered, recorded for exactly-once, logged for sync;
 * - pull: the whole change log in pages of 1,000 (rows/s), request to last byte received,
 *   after untimed passes; the client's JSON.parse of each page is not timed.
 * Both after untimed warm-up, through undici's Client on one keep-alive connection.
 * Baselines, measured in the same run on the same engine: the very rows the timed pushes
 * wrote (tickets, change log, applied mutations) inserted with plain prepared statements
 * in one transaction, and the whole log read back with one prepared join query per page.
 * Goals (SQLite, 2 cores): push ≥ 2,000/s, pull ≥ 50,000 rows/s, each within 3× of baseline.
 */

const MUTATIONS = 5_000;
const BATCH = 100;
const PAGE = 1_000;
const PULL_PASSES = 6;
/** Untimed pushes first (see measureHttp). */
const PUSH_WARMUP_BATCHES = 100;
/**
 * Untimed passes first: the server's JIT needs a few dozen pages before a page costs its
 * steady time, and a cold read runs far below the steady rate (bench/README.md). A
 * console's 100k-ticket bootstrap is 100 pages, so the steady rate is the one agents meet.
 */
const PULL_WARMUP_PASSES = 4;

const createMutation = (i: number) => ({
  id: uuidv7(),
  type: 'ticket.create',
  args: {
    ticketId: uuidv7(),
    title: `Bench ticket ${i}: la impresora no imprime`,
    description: 'Los trabajos se quedan en cola. '.repeat(8),
    category: ['network', 'hardware', 'software', 'access', 'email', 'printing'][i % 6],
    impact: (i % 3) + 1,
    urgency: ((i >> 1) % 3) + 1,
    requester: { name: 'Carmen García', email: 'carmen@example.org' },
  },
});

const parse = <T>(bytes: Buffer): T => JSON.parse(bytes.toString('utf8')) as T;

const checked = (response: RawResponse, what: string): RawResponse => {
  if (response.status !== 200) throw new Error(`${what}: ${response.status} ${response.body.toString()}`);
  return response;
};

/** Push and pull through a running backend; returns rates and the database it wrote. */
async function measureHttp(dataDir: string, databaseUrl?: string): Promise<HttpFigures> {
  // Its own process, as deployed: the client's JSON work here does not eat the server's time.
  const backend = await startBackendProcess({
    dataDir,
    databaseUrl,
    seedDemo: true,
    demoTickets: 0,
    env: { MESA_LOG_LEVEL: 'warn' },
    // One client pushes every batch: the per-agent limit that holds back a runaway console
    // would turn this throughput figure into a 429 count.
    extraArgs: ['--push-rate-limit', '1000000'],
  });
  const connection = openHttpConnection(backend.url);
  try {
    const send = async (
      method: 'GET' | 'POST',
      path: string,
      headers: Record<string, string>,
      body?: string,
    ) => checked(await connection.exchange(prepareRequest(method, path, headers, body)), path);
    const headers = { 'content-type': 'application/json' };
    const login = parse<LoginResponse>(
      (
        await send(
          'POST',
          '/api/v1/auth/login',
          headers,
          JSON.stringify({ email: 'agent@example.com', password: 'mesa-demo' }),
        )
      ).body,
    );
    const auth = { ...headers, authorization: `Bearer ${login.token}` };
    // Requests are serialized before the clock starts: the baseline has no client either.
    const batches = Array.from({ length: MUTATIONS / BATCH }, (_, b) =>
      Array.from({ length: BATCH }, (_, i) => createMutation(b * BATCH + i)),
    );
    const pushRequest = (mutations: Array<ReturnType<typeof createMutation>>) =>
      prepareRequest('POST', '/api/v1/sync/push', auth, JSON.stringify({ clientId: 'bench', mutations }));
    /** Sends one push and fails unless the server applied every mutation in it. */
    const pushApplied = async (request: PreparedRequest, what: string) => {
      const res = parse<PushResponse>(checked(await connection.exchange(request), what).body);
      const refused = res.results.find((r) => r.status !== 'applied');
      if (refused) throw new Error(`${what} rejected: ${JSON.stringify(refused)}`);
    };
    const requests = batches.map(pushRequest);
    const timed: TimedRows = {
      mutationIds: new Set(batches.flat().map((m) => m.id)),
      ticketIds: new Set(batches.flat().map((m) => m.args.ticketId)),
    };
    // Warm-up outside the timing (JIT, statement caches, the SLA calendar's time zone), as
    // the pull's untimed passes: full batches the rules accept, since a rejected mutation
    // never reaches the rules and warms nothing. Validation and rules keep compiling for
    // dozens of batches, and a server that has run for a minute is past that; after 100
    // the timed rounds are flat (bench/README.md). The baseline writes only the timed rows,
    // so this costs it nothing.
    for (let b = 0; b < PUSH_WARMUP_BATCHES; b += 1) {
      const mutations = Array.from({ length: BATCH }, (_, i) => createMutation(MUTATIONS + b * BATCH + i));
      await pushApplied(pushRequest(mutations), 'warm-up push');
    }

    const started = performance.now();
    for (const request of requests) await pushApplied(request, 'push');
    const push = MUTATIONS / ((performance.now() - started) / 1000);

    // The clock runs from each request until its last byte has arrived, after the untimed
    // warm-up passes. Parsing a page (1.5 MB of ticket JSON) is client work the baseline does not do
    // (it reads bodies as text), and its garbage puts this client's mark-compact pauses
    // inside the timed requests. So the loop follows the cursor from the page's last bytes,
    // and every page is parsed and counted after the clock. The clock stops at the last
    // byte, before the page's chunks are joined into one Buffer: that join is client work
    // too (a fresh 1.2 MB allocation's page faults; figures in bench/README.md).
    const pages: Array<{ bytes: Buffer; cursor: number }> = [];
    let pullMs = 0;
    for (let pass = -PULL_WARMUP_PASSES; pass < PULL_PASSES; pass += 1) {
      let cursor = 0;
      for (;;) {
        const requested = performance.now();
        const { body: bytes, lastByteAt } = await send(
          'GET',
          `/api/v1/sync/pull?cursor=${cursor}&limit=${PAGE}`,
          auth,
        );
        const elapsed = lastByteAt - requested;
        const end = /"cursor":(\d+),"hasMore":(true|false)\}$/.exec(bytes.subarray(-80).toString('latin1'));
        if (!end)
          throw new Error(`pull page does not end with its cursor: ${bytes.subarray(-80).toString()}`);
        cursor = Number(end[1]);
        if (pass >= 0) {
          pullMs += elapsed;
          pages.push({ bytes, cursor });
        }
        if (end[2] === 'false') break;
      }
    }
    let rows = 0;
    for (const { bytes, cursor } of pages) {
      const page = parse<PullResponse>(bytes);
      if (page.cursor !== cursor) throw new Error(`pull page cursor ${page.cursor}, followed ${cursor}`);
      rows += page.changes.length;
    }
    const pull = rows / (pullMs / 1000);
    return { push, pull, pulledRows: rows, timed };
  } finally {
    await connection.close();
    await backend.stop();
  }
}

type Rows = { tickets: unknown[][]; changes: unknown[][]; applied: unknown[][] };
const TICKET_COLUMNS = [
  'id',
  'number',
  'status',
  'assignee_id',
  'team_id',
  'category',
  'priority',
  'created_at',
  'updated_at',
  'resolved_at',
  'data',
];
const CHANGE_COLUMNS = ['entity', 'entity_id', 'seq', 'op'];
const APPLIED_COLUMNS = ['id', 'client_id', 'agent_id', 'type', 'status', 'code', 'message', 'applied_at'];

/** What the timed pushes sent: their rows, and only theirs, are the baseline's. */
interface TimedRows {
  mutationIds: Set<string>;
  ticketIds: Set<string>;
}

interface HttpFigures {
  push: number;
  pull: number;
  pulledRows: number;
  timed: TimedRows;
}

/**
 * The rows the timed pushes wrote, to write again as the baseline: the push's rate is of
 * the timed mutations, so the baseline writes exactly their rows, not the warm-up's as
 * well (a larger transaction than the one it stands for).
 */
async function rowsWritten(database: Database, timed: TimedRows): Promise<Rows> {
  const { db } = database;
  const values = (rows: Array<Record<string, unknown>>, columns: string[]) =>
    rows.map((r) => columns.map((c) => r[c]));
  const tickets = (await db.selectFrom('tickets').selectAll().execute()).filter((t) =>
    timed.ticketIds.has(t.id),
  );
  const changes = (
    await db.selectFrom('changes').selectAll().where('entity', '=', 'ticket').execute()
  ).filter((c) => timed.ticketIds.has(c.entity_id));
  const applied = (await db.selectFrom('applied_mutations').selectAll().execute()).filter((a) =>
    timed.mutationIds.has(a.id),
  );
  if (tickets.length !== timed.ticketIds.size || applied.length !== timed.mutationIds.size)
    throw new Error(
      `the timed pushes wrote ${tickets.length} tickets and ${applied.length} results, not ${MUTATIONS}`,
    );
  return {
    tickets: values(tickets, TICKET_COLUMNS),
    changes: values(changes, CHANGE_COLUMNS),
    applied: values(applied, APPLIED_COLUMNS),
  };
}

const insertSql = (table: string, columns: string[], dollar: boolean) =>
  `insert into ${table} (${columns.join(', ')}) values (${columns.map((_, i) => (dollar ? `$${i + 1}` : '?')).join(', ')})`;
const PULL_SQL = (dollar: boolean) =>
  `select c.seq, c.entity, c.entity_id, c.op, t.data from changes c left join tickets t on c.entity = 'ticket' and t.id = c.entity_id where c.seq > ${dollar ? '$1' : '?'} order by c.seq limit ${PAGE}`;

async function sqliteBaselines(sourceDir: string, timed: TimedRows): Promise<{ push: number; pull: number }> {
  const source = await openDatabase({ dataDir: sourceDir });
  const rows = await rowsWritten(source, timed);
  const raw = source.sqlite!;
  let started = performance.now();
  let read = 0;
  raw.transaction(() => {
    const page = raw.prepare(PULL_SQL(false));
    for (let pass = 0; pass < PULL_PASSES; pass += 1) {
      for (let cursor = 0; ;) {
        const got = page.all(cursor) as Array<{ seq: number; data: string }>;
        read += got.length;
        if (got.length < PAGE) break;
        cursor = got[got.length - 1]!.seq;
      }
    }
  })();
  const pull = read / ((performance.now() - started) / 1000);
  await source.close();

  const dir = mkdtempSync(join(tmpdir(), 'mesa-bench-base-'));
  const target = await openDatabase({ dataDir: dir });
  const db = target.sqlite!;
  started = performance.now();
  db.transaction(() => {
    const tickets = db.prepare(insertSql('tickets', TICKET_COLUMNS, false));
    const changes = db.prepare(insertSql('changes', CHANGE_COLUMNS, false));
    const applied = db.prepare(insertSql('applied_mutations', APPLIED_COLUMNS, false));
    for (const r of rows.tickets) tickets.run(...r);
    for (const r of rows.changes) changes.run(...r);
    for (const r of rows.applied) applied.run(...r);
  })();
  const push = rows.tickets.length / ((performance.now() - started) / 1000);
  await target.close();
  rmSync(dir, { recursive: true, force: true });
  await reportCommitFloor(rows);
  return { push, pull };
}

/**
 * Not a judged figure, a floor to read the push against: the same rows and statements, but
 * committed in transactions of one batch each, as the push must (each answer promises a
 * durable commit, and synchronous=FULL makes every commit wait for its fsync). The fsync
 * sets a floor of 50 commits' time under the push, whatever the server does around them.
 */
async function reportCommitFloor(rows: Rows): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mesa-bench-floor-'));
  const target = await openDatabase({ dataDir: dir });
  const db = target.sqlite!;
  const tickets = db.prepare(insertSql('tickets', TICKET_COLUMNS, false));
  const changes = db.prepare(insertSql('changes', CHANGE_COLUMNS, false));
  const applied = db.prepare(insertSql('applied_mutations', APPLIED_COLUMNS, false));
  const started = performance.now();
  for (let i = 0; i < rows.tickets.length; i += BATCH) {
    db.transaction(() => {
      for (const r of rows.tickets.slice(i, i + BATCH)) tickets.run(...r);
      for (const r of rows.changes.slice(i, i + BATCH)) changes.run(...r);
      for (const r of rows.applied.slice(i, i + BATCH)) applied.run(...r);
    })();
  }
  const rate = rows.tickets.length / ((performance.now() - started) / 1000);
  console.error(
    `bench: sqlite, the same rows committed one batch of ${BATCH} per transaction: ${Math.round(rate)} rows/s`,
  );
  await target.close();
  rmSync(dir, { recursive: true, force: true });
}

async function postgresBaselines(
  sourceUrl: string,
  targetUrl: string,
  timed: TimedRows,
): Promise<{ push: number; pull: number }> {
  const source = await openDatabase({ dataDir: '.', databaseUrl: sourceUrl });
  const rows = await rowsWritten(source, timed);
  await source.close();

  const reader = new pg.Client({ connectionString: sourceUrl });
  await reader.connect();
  let read = 0;
  let started = performance.now();
  await reader.query('begin');
  for (let pass = 0; pass < PULL_PASSES; pass += 1) {
    for (let cursor = 0; ;) {
      const got = await reader.query<{ seq: string }>({
        name: 'pull',
        text: PULL_SQL(true),
        values: [cursor],
      });
      read += got.rows.length;
      if (got.rows.length < PAGE) break;
      cursor = Number(got.rows[got.rows.length - 1]!.seq);
    }
  }
  await reader.query('commit');
  const pull = read / ((performance.now() - started) / 1000);
  await reader.end();

  const target = await openDatabase({ dataDir: '.', databaseUrl: targetUrl });
  await target.close();
  const writer = new pg.Client({ connectionString: targetUrl });
  await writer.connect();
  started = performance.now();
  await writer.query('begin');
  for (const r of rows.tickets)
    await writer.query({ name: 't', text: insertSql('tickets', TICKET_COLUMNS, true), values: r });
  for (const r of rows.changes)
    await writer.query({ name: 'c', text: insertSql('changes', CHANGE_COLUMNS, true), values: r });
  for (const r of rows.applied)
    await writer.query({ name: 'a', text: insertSql('applied_mutations', APPLIED_COLUMNS, true), values: r });
  await writer.query('commit');
  const push = rows.tickets.length / ((performance.now() - started) / 1000);
  await writer.end();
  return { push, pull };
}

const results = (
  engine: string,
  http: { push: number; pull: number; pulledRows: number },
  base: { push: number; pull: number },
): BenchResult[] => [
  {
    name: `backend.push.${engine}`,
    value: Math.round(http.push),
    unit: 'mutations/s',
    n: MUTATIONS,
    baseline: { name: `${engine}.prepared-insert-one-transaction`, value: Math.round(base.push) },
  },
  {
    name: `backend.pull.${engine}`,
    value: Math.round(http.pull),
    unit: 'rows/s',
    n: http.pulledRows,
    baseline: { name: `${engine}.prepared-select-one-transaction`, value: Math.round(base.pull) },
  },
];

export async function run(): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'mesa-bench-'));
  try {
    const http = await measureHttp(dir);
    out.push(...results('sqlite', http, await sqliteBaselines(dir, http.timed)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (!postgresAvailable()) {
    console.error('bench: PostgreSQL is not installed; skipping the PostgreSQL figures');
    return out;
  }
  const cluster = await startPostgresCluster({ durable: true });
  const pgDir = mkdtempSync(join(tmpdir(), 'mesa-bench-pg-'));
  try {
    const url = await cluster.createDatabase('bench_sync');
    const http = await measureHttp(pgDir, url);
    out.push(
      ...results(
        'postgres',
        http,
        await postgresBaselines(url, await cluster.createDatabase('bench_baseline'), http.timed),
      ),
    );
  } finally {
    rmSync(pgDir, { recursive: true, force: true });
    await cluster.stop();
  }
  return out;
}
