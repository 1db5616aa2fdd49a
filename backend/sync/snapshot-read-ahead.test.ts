import { describe, expect, it } from 'vitest';
import { readAheadKey, SnapshotReadAhead } from './snapshot-read-ahead';

describe('SnapshotReadAhead', () => {
  it('hands a page read ahead to the request for it, once', async () => {
    const held = new SnapshotReadAhead<string>({ capacity: 4, ttlMs: 1_000 });
    let reads = 0;
    const key = readAheadKey('agent-1', 'cursor-2', 500);
    held.prepare(key, async () => `page ${++reads}`);
    held.prepare(key, async () => `page ${++reads}`);
    expect(await held.take(key)).toBe('page 1');
    expect(await held.take(key)).toBeNull();
    expect(reads).toBe(1);
  });

  it('keeps another agent’s or another limit’s page apart', async () => {
    const held = new SnapshotReadAhead<string>({ capacity: 4, ttlMs: 1_000 });
    held.prepare(readAheadKey('agent-1', 'c', 500), async () => 'theirs');
    expect(await held.take(readAheadKey('agent-2', 'c', 500))).toBeNull();
    expect(await held.take(readAheadKey('agent-1', 'c', 100))).toBeNull();
    expect(await held.take(readAheadKey('agent-1', 'c', 500))).toBe('theirs');
  });

  it('holds at most `capacity` pages, dropping the oldest, and none past its time', async () => {
    let now = 0;
    const held = new SnapshotReadAhead<string>({ capacity: 2, ttlMs: 1_000, now: () => now });
    for (const cursor of ['a', 'b', 'c']) held.prepare(cursor, async () => cursor);
    expect(held.size).toBe(2);
    expect(await held.take('a')).toBeNull();
    expect(await held.take('b')).toBe('b');
    now = 1_001;
    expect(await held.take('c')).toBeNull();
    expect(held.size).toBe(0);
  });

  it('treats a failed read as a miss, so the request reads again', async () => {
    const held = new SnapshotReadAhead<string>({ capacity: 2, ttlMs: 1_000 });
    held.prepare('a', () => Promise.reject(new Error('database closed')));
    expect(await held.take('a')).toBeNull();
  });
});
