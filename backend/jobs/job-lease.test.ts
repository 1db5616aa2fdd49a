import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../storage/database';
import { TEST_DIALECTS, freshDatabaseUrl } from '../testing/test-backend';
import { withJobLease } from './job-lease';

describe.runIf(TEST_DIALECTS.includes('postgres'))('job lease on PostgreSQL', () => {
  const opened: Database[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-lease-'));
  afterAll(async () => {
    await Promise.all(opened.map((d) => d.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('one instance at a time runs a job; the lease is free again when it ends or its holder dies', async () => {
    const url = await freshDatabaseUrl();
    const instance = async () => {
      const database = await openDatabase({ dataDir, databaseUrl: url, poolSize: 3 });
      opened.push(database);
      return database;
    };
    const [a, b] = [await instance(), await instance()];

    let finish!: () => void;
    const holding = withJobLease(
      a,
      'auto-close',
      () => new Promise<string>((done) => (finish = () => done('a'))),
    );
    await expect.poll(() => finish !== undefined).toBe(true);
    expect(await withJobLease(b, 'auto-close', async () => 'b')).toEqual({ ran: false });
    // Another job's lease is its own.
    expect(await withJobLease(b, 'blob-cleanup', async () => 'b')).toEqual({ ran: true, result: 'b' });
    finish();
    expect(await holding).toEqual({ ran: true, result: 'a' });
    expect(await withJobLease(b, 'auto-close', async () => 'b')).toEqual({ ran: true, result: 'b' });

    // A holder whose connection dies (its process was killed) frees the lease.
    let stuck = false;
    void withJobLease(a, 'auto-close', () => {
      stuck = true;
      return new Promise(() => undefined);
    });
    await expect.poll(() => stuck).toBe(true);
    expect(await withJobLease(b, 'auto-close', async () => 'b')).toEqual({ ran: false });
    await sql`select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory'`.execute(b.db);
    await expect
      .poll(async () => (await withJobLease(b, 'auto-close', async () => 'b')).ran, { timeout: 10_000 })
      .toBe(true);
  });
});
