import BetterSqlite3 from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index';
import type { Schema } from './schema';
import { cachedStatements } from './sqlite-statement-cache';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Schema>;
export type Tx = Transaction<Schema>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** Where the rows live, for logs: a file path or a URL without its password. */
  describe: string;
  /** PostgreSQL only: the connection string, for the LISTEN connection. */
  postgresUrl?: string;
  /**
   * SQLite only: the connection itself, for bulk loads (the demo seed) that would spend
   * most of their time building queries. Statements run on it join Kysely's open
   * transaction, since there is one connection.
   */
  sqlite?: BetterSqlite3.Database;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL pool size. */
  poolSize?: number;
}

const INT8_OID = 20;

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const database = options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 10)
    : openSqlite(options.dataDir);
  await migrate(database.db);
  return database;
}

function openSqlite(dataDir: string): Database {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'mesa.sqlite');
  const sqlite = new BetterSqlite3(file);
  // WAL lets readers run beside the writer. synchronous=FULL: the console deletes a mutation
  // from its outbox once we acknowledge it, so our commit is then the only copy and must
  // survive a power cut, not only a crash of this process. NORMAL would save one fsync per
  // push (a large share of a push's time; see bench/README.md) at the price of losing the last
  // acknowledged pushes to a power cut: not a trade a help desk should make silently.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  // UPDATE … RETURNING (the ticket-number and change counters) and multi-row inserts
  // open a statement journal; as a temp file it costs tens of times more than in memory
  // (bench/README.md).
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('busy_timeout = 5000');
  // Pages are read through a memory map, straight from the kernel's page cache, so SQLite's
  // own cache need only hold what a transaction changes (a push of 100 tickets dirties ~100
  // pages; 8 MiB holds twenty times that): a larger cache grows by fresh memory for every page
  // written, and fresh memory costs page faults (figures in bench/README.md). Writes still go
  // through write(), so a full disk remains an error SQLite reports rather than a signal.
  sqlite.pragma('mmap_size = 1073741824');
  sqlite.pragma('cache_size = -8192');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  return { db, dialect: 'sqlite', describe: file, sqlite, close: () => db.destroy() };
}

function openPostgres(url: string, poolSize: number): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    // Sequences and counters are bigint; they stay far below 2^53, so plain numbers are safe.
    types: {
      getTypeParser: (oid, format) =>
        oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format),
    },
  });
  // An idle client's error (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', describe: redactUrl(url), postgresUrl: url, close: () => db.destroy() };
}

async function migrate(db: Db): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparsable URL)';
  }
}
