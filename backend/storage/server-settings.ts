import { randomBytes } from 'node:crypto';
import type { Db } from './database';

/**
 * A secret made on first start and kept in the database, so every instance on one
 * PostgreSQL database signs and checks links alike. Racing first starts all end up with
 * the one row that won the insert.
 */
export async function loadOrCreateSecret(db: Db, key: string): Promise<Buffer> {
  await db
    .insertInto('server_settings')
    .values({ key, value: randomBytes(32).toString('base64url') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow();
  return Buffer.from(row.value, 'base64url');
}
