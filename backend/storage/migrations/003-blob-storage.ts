import { PostgresAdapter, type Kysely } from 'kysely';

/**
 * Blob cleanup finds old blobs no attachment references (two indexes). On PostgreSQL,
 * attachment bytes live in the database, in chunks, so every instance serves every file;
 * SQLite keeps them in the data folder beside its file.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('attachments_sha256').on('attachments').column('sha256').execute();
  await db.schema.createIndex('blobs_created').on('blobs').column('created_at').execute();
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.schema
    .createTable('blob_chunks')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('blob_chunks_pk', ['sha256', 'n'])
    .execute();
}
