import pg from 'pg';
import type { Database } from '../storage/database';

export type LeaseOutcome<T> = { ran: true; result: T } | { ran: false };

/** First key of every lock Mesa takes ("MESA"), so ours never collide with another application's. */
const LOCK_CLASS = 0x4d455341;

/**
 * Runs `work` only if no other instance is running the job called `job` right now;
 * otherwise returns `{ ran: false }` at once. On PostgreSQL the lease is a session
 * advisory lock held on one pooled connection for the length of `work`: released when
 * work ends, and by the server if the instance dies (its connection closes). On SQLite
 * one process owns the database file, so work just runs.
 *
 * A lease is a "one at a time" guarantee, not "exactly once": a lost connection drops
 * the lock while work may still be running, so jobs keep their own effects idempotent.
 */
export async function withJobLease<T>(
  database: Database,
  job: string,
  work: () => Promise<T>,
): Promise<LeaseOutcome<T>> {
  if (!database.postgresUrl) return { ran: true, result: await work() };
  // Its own connection, not one of the pool's: it stays idle while work runs, and a pool
  // client that dies idle while checked out throws an unhandled 'error' event.
  const client = new pg.Client({ connectionString: database.postgresUrl });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>(
      'select pg_try_advisory_lock($1, hashtext($2)) as locked',
      [LOCK_CLASS, job],
    );
    if (!rows[0]?.locked) return { ran: false };
    return { ran: true, result: await work() };
  } finally {
    // Ending the session releases the lock.
    await client.end().catch(() => undefined);
  }
}
