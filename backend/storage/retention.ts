import { sql } from 'kysely';
import type { Database } from './database';

const COMPACT_BATCH = 1_000;

/**
 * Deletes sessions that can no longer sign anyone in: expired or revoked. A deleted token
 * is refused exactly like an expired one (only its SHA-256 was ever stored).
 */
export async function pruneSessions(database: Database, now: Date): Promise<number> {
  const result = await database.db
    .deleteFrom('auth_tokens')
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('revoked_at', 'is not', null)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Exactly-once needs every mutation id ever applied: a laptop that was offline for a
 * month (or a year) may retry a batch the server applied long ago, and only the id tells
 * it not to run again. So ids are never deleted. What ages is the full result row (client,
 * agent, type, message, time): after the window it is moved into `applied_mutation_ids`,
 * which keeps the id and, for a refusal, its code, enough to answer a retry with the same
 * status and code (the console words its messages from the code). Each batch moves and
 * deletes in one transaction, so an id is always in one of the two tables; instances that
 * compact at once insert the same rows and ignore the duplicates.
 */
export async function compactMutationResults(database: Database, before: Date): Promise<number> {
  let moved = 0;
  for (;;) {
    const count = await database.db.transaction().execute(async (trx) => {
      const ids = (
        await trx
          .selectFrom('applied_mutations')
          .select('id')
          .where('applied_at', '<', before.toISOString())
          .orderBy('applied_at')
          .limit(COMPACT_BATCH)
          .execute()
      ).map((row) => row.id);
      if (ids.length === 0) return 0;
      await trx
        .insertInto('applied_mutation_ids')
        .columns(['id', 'rejected_code'])
        .expression((eb) =>
          eb
            .selectFrom('applied_mutations')
            .select([
              'id',
              sql<string | null>`case when status = 'rejected' then coalesce(code, 'rejected') end`.as(
                'rejected_code',
              ),
            ])
            .where('id', 'in', ids),
        )
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      await trx.deleteFrom('applied_mutations').where('id', 'in', ids).execute();
      return ids.length;
    });
    moved += count;
    if (count < COMPACT_BATCH) return moved;
  }
}
