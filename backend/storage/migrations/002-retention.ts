import { SqliteAdapter, sql, type Kysely } from 'kysely';

// Retention (storage/retention.ts): old mutation results are compacted into a table that
// keeps only the id and the refusal code, forever; expired sessions are deleted.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('applied_mutation_ids')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // null: applied; else the code it was refused with.
    .addColumn('rejected_code', 'text')
    // On SQLite the key is the row: the id is stored once, not in a table and an index.
    .$call((table) => (sqlite ? table.modifyEnd(sql`without rowid`) : table))
    .execute();
  await db.schema
    .createIndex('applied_mutations_applied_at')
    .on('applied_mutations')
    .column('applied_at')
    .execute();
  await db.schema.createIndex('auth_tokens_expires_at').on('auth_tokens').column('expires_at').execute();
}
