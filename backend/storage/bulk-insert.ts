import type { Database, Tx } from './database';
import type { Schema } from './schema';

type Row<T extends keyof Schema> = Schema[T];

/**
 * Inserts many rows inside an open transaction, fast: on SQLite one prepared statement
 * run per row (building a query costs more than running it), on PostgreSQL multi-row
 * inserts kept under its 65,535-parameter limit (faster than unnest() of one array per
 * column, whose text encoding of JSON bodies is costly).
 */
export async function bulkInsert<T extends keyof Schema>(
  database: Database,
  trx: Tx,
  table: T,
  rows: Array<Row<T>>,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!) as Array<keyof Row<T> & string>;
  if (database.sqlite) {
    const statement = database.sqlite.prepare(
      `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`,
    );
    for (const row of rows) statement.run(...columns.map((c) => row[c] as unknown));
    return;
  }
  const perInsert = Math.max(1, Math.floor(60_000 / columns.length));
  for (let i = 0; i < rows.length; i += perInsert) {
    // Kysely cannot type a table chosen at run time; the rows' type ties them to it.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    await (trx as any)
      .insertInto(table)
      .values(rows.slice(i, i + perInsert))
      .execute();
  }
}
