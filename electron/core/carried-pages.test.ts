import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/wire';
import { CarriedPages } from './carried-pages';

const change = (seq: number) => ({
  seq,
  entity: 'ticket' as const,
  id: `t${seq}`,
  op: 'upsert' as const,
  data: {},
});
const pageOf = (seqs: number[], cursor = seqs.at(-1)!): PullResponse => ({
  changes: seqs.map(change),
  cursor,
  hasMore: false,
});

describe('pages carried by the event stream', () => {
  it('answers a pull from the cursor the page follows, or from within it, without the network', () => {
    const carried = new CarriedPages();
    carried.offer(10, pageOf([11, 13, 14]));
    expect(carried.take(10, 500)).toEqual(pageOf([11, 13, 14]));
    expect(carried.take(12, 500)).toEqual({ changes: [change(13), change(14)], cursor: 14, hasMore: false });
  });

  it('leaves to the server a cursor outside every page, a smaller limit, and a page with more behind it', () => {
    const carried = new CarriedPages();
    carried.offer(10, pageOf([11, 12]));
    expect(carried.take(9, 500)).toBeNull();
    expect(carried.take(12, 500)).toBeNull();
    expect(carried.take(10, 1)).toBeNull();
    carried.offer(20, { ...pageOf([21]), hasMore: true });
    expect(carried.take(20, 500)).toBeNull();
  });

  it('keeps only the latest few pages and forgets them all on clear', () => {
    const carried = new CarriedPages();
    for (let after = 0; after < 20; after += 1) carried.offer(after, pageOf([after + 1]));
    expect(carried.take(0, 500)).toBeNull();
    expect(carried.take(19, 500)?.cursor).toBe(20);
    carried.clear();
    expect(carried.take(19, 500)).toBeNull();
  });
});
