import { sql } from 'kysely';
import type { SyncEntity } from '../../shared/index';
import type { Database, Dialect, Tx } from '../storage/database';
import type { Schema } from '../storage/schema';
import { prepared, type DirectSqlite } from '../storage/sqlite-direct';

/** PostgreSQL channel on which every instance announces the latest sequence after a commit. */
export const CHANGES_CHANNEL = 'mesa_changes';
const INSERT_CHUNK = 400;

interface PendingChange {
  entity: SyncEntity;
  id: string;
  op: 'upsert' | 'delete';
}

/**
 * One writing transaction and the changes it makes to syncable rows.
 *
 * Every change takes the next value of the one global sequence inside the same
 * transaction. On PostgreSQL a BIGSERIAL can commit out of order (writer A takes 7,
 * writer B takes 8 and commits first; a client that pulled "> 8" never sees 7). So a
 * writer first locks the single counter row and holds it to commit: writers serialize,
 * and the order in which sequence numbers become visible equals their numeric order.
 * SQLite has one writer at a time already.
 *
 * The log holds no copy of the entity: a change row says "this entity changed at seq N"
 * and a pull reads the entity's current row. Changes are collected and written at the
 * end, one counter bump and a few multi-row inserts per transaction; an entity changed
 * twice in one transaction gets one sequence number.
 */
export class ChangeLog {
  private readonly pending = new Map<string, PendingChange>();
  private lastSeq = 0;

  constructor(
    readonly trx: Tx,
    readonly dialect: Dialect,
    /** SQLite only: the connection this transaction holds, for prepared statements (see sqlite-direct). */
    readonly sqlite?: DirectSqlite,
  ) {}

  /** The entity's row was inserted or updated (in this transaction). */
  changed(entity: SyncEntity, id: string): void {
    this.put({ entity, id, op: 'upsert' });
  }

  /** The entity's row was deleted: a tombstone tells pullers it is gone. */
  deleted(entity: SyncEntity, id: string): void {
    this.put({ entity, id, op: 'delete' });
  }

  /** The highest sequence written by flush(), 0 if nothing changed. */
  get latestSeq(): number {
    return this.lastSeq;
  }

  /** The changes collected so far, to restore() when a savepoint is rolled back. */
  mark(): ReadonlyMap<string, PendingChange> {
    return new Map(this.pending);
  }

  restore(mark: ReadonlyMap<string, PendingChange>): void {
    this.pending.clear();
    for (const [key, change] of mark) this.pending.set(key, change);
  }

  private put(change: PendingChange): void {
    const key = `${change.entity}\u0000${change.id}`;
    // Re-inserting moves the entry to the end, so sequence order follows the last change.
    this.pending.delete(key);
    this.pending.set(key, change);
  }

  async flush(): Promise<void> {
    const changes = [...this.pending.values()];
    this.pending.clear();
    if (changes.length === 0) return;
    const last = await bumpCounter(this.trx, 'changes', changes.length, this.sqlite);
    let seq = last - changes.length;
    const rows = changes.map((c) => ({ entity: c.entity, entity_id: c.id, seq: ++seq, op: c.op }));
    if (this.sqlite) {
      // One prepared statement run per row: on SQLite a run costs a few µs, while building
      // a multi-row insert with the query builder cost more than writing it.
      const upsert = prepared(this.sqlite, UPSERT_CHANGE);
      for (const r of rows) upsert.run(r.entity, r.entity_id, r.seq, r.op);
    } else {
      await this.insertChunks(rows);
    }
    this.lastSeq = last;
  }

  private async insertChunks(rows: Array<Schema['changes']>): Promise<void> {
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await this.trx
        .insertInto('changes')
        .values(rows.slice(i, i + INSERT_CHUNK))
        .onConflict((oc) =>
          oc.columns(['entity', 'entity_id']).doUpdateSet((eb) => ({
            seq: eb.ref('excluded.seq'),
            op: eb.ref('excluded.op'),
          })),
        )
        .execute();
    }
  }
}

const UPSERT_CHANGE = `insert into changes (entity, entity_id, seq, op) values (?, ?, ?, ?)
  on conflict (entity, entity_id) do update set seq = excluded.seq, op = excluded.op`;

/** Adds `by` to a named counter and returns the new value. */
export async function bumpCounter(
  trx: Tx,
  name: 'changes' | 'ticket_number',
  by = 1,
  direct?: DirectSqlite,
): Promise<number> {
  // Plain SQL: it runs in every writing transaction (the change log's flush, the ticket-number
  // block), and building it with the query builder cost more than running it.
  if (direct) {
    const value = prepared(direct, BUMP_COUNTER).pluck().get(by, name) as number | undefined;
    if (value === undefined) throw new Error(`counter ${name} is missing`);
    return Number(value);
  }
  const { rows } = await sql<{
    value: number;
  }>`update sync_counter set value = value + ${by} where name = ${name} returning value`.execute(trx);
  if (!rows[0]) throw new Error(`counter ${name} is missing`);
  return Number(rows[0].value);
}

const BUMP_COUNTER = 'update sync_counter set value = value + ? where name = ? returning value';

export interface WriteOutcome<T> {
  result: T;
  /** The sequence after commit, or 0 when the transaction changed no syncable row. */
  latestSeq: number;
}

/**
 * Makes the transaction wait for, and then hold off, every other writer (see ChangeLog):
 * what it reads next includes everything they committed. SQLite has one writer already.
 */
export async function lockWriters(trx: Tx, dialect: Dialect): Promise<void> {
  if (dialect === 'postgres')
    await sql`select value from sync_counter where name = 'changes' for update`.execute(trx);
}

/**
 * Runs `work` in one transaction that may change syncable rows. On PostgreSQL the
 * counter row is locked first (see ChangeLog) and the NOTIFY is queued inside the
 * transaction, so PostgreSQL delivers it at commit and never for a rollback.
 */
export async function writeTransaction<T>(
  database: Database,
  work: (log: ChangeLog) => Promise<T>,
): Promise<WriteOutcome<T>> {
  return database.db.transaction().execute(async (trx) => {
    await lockWriters(trx, database.dialect);
    const log = new ChangeLog(trx, database.dialect, database.sqlite);
    const result = await work(log);
    await log.flush();
    if (log.latestSeq > 0 && database.dialect === 'postgres') {
      await sql`select pg_notify(${CHANGES_CHANNEL}, ${String(log.latestSeq)})`.execute(trx);
    }
    return { result, latestSeq: log.latestSeq };
  });
}

/** The current value of the change sequence. */
export async function currentSeq(database: Database): Promise<number> {
  const row = await database.db
    .selectFrom('sync_counter')
    .select('value')
    .where('name', '=', 'changes')
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}
