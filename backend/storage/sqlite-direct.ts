import type BetterSqlite3 from 'better-sqlite3';

/**
 * The SQLite connection of an open writing transaction, for the statements a push runs
 * per mutation. Kysely builds and compiles every query anew, even plain `sql` templates,
 * and that costs more than running them: prepared once, these statements take about a
 * quarter off a push's server CPU (bench/README.md). Statements run on this connection
 * join Kysely's open transaction, since SQLite has only the one connection and the
 * transaction holds it.
 * So use it only while holding that connection (inside writeTransaction, or in
 * `db.connection().execute`), never beside the root Kysely instance: a statement there
 * would run inside whichever transaction happened to be open.
 */
export type DirectSqlite = BetterSqlite3.Database;

/**
 * Its own cache, not Kysely's (sqlite-statement-cache.ts): these statements are switched
 * to pluck or raw mode, which must not leak into a Kysely query of the same text.
 */
const statements = new WeakMap<DirectSqlite, Map<string, BetterSqlite3.Statement>>();

/** The statement for `sql` (a constant of the caller's) on this connection, prepared once. */
export function prepared(sqlite: DirectSqlite, sql: string): BetterSqlite3.Statement {
  let cache = statements.get(sqlite);
  if (!cache) {
    cache = new Map();
    statements.set(sqlite, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = sqlite.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
