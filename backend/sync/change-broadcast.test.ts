import { describe, expect, it } from 'vitest';
import type { Database } from '../storage/database';
import { carryFrame, ChangeBroadcast, DEFAULT_BROADCAST } from './change-broadcast';
import { ChangeNotifier } from './change-notifier';
import type { PageCache } from './page-cache';

const page = (seqs: number[], hasMore = false, text = 'x') =>
  Buffer.from(
    `{"changes":[${seqs.map((s) => `{"seq":${s},"entity":"ticket","id":"t${s}","op":"upsert","data":{"title":"${text}"}}`).join(',')}],"cursor":${seqs.at(-1) ?? 0},"hasMore":${hasMore}}`,
  );

/** The log as a page cache sees it: every change up to `head`. */
function fakePages(log: { head: number }) {
  const asked: number[] = [];
  const pages = {
    page: async (cursor: number) => {
      asked.push(cursor);
      const seqs = [];
      for (let s = cursor + 1; s <= log.head; s += 1) seqs.push(s);
      return seqs.length ? page(seqs) : page([], false);
    },
  } as unknown as PageCache;
  return { pages, asked };
}

const nextTurn = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the change broadcast', () => {
  it('sends one message, encoded once, to every stream for a burst of changes', async () => {
    const notifier = new ChangeNotifier({} as Database);
    const log = { head: 0 };
    const { pages, asked } = fakePages(log);
    const broadcast = new ChangeBroadcast(notifier, pages, { ...DEFAULT_BROADCAST, coalesceMs: 50 });
    const received: Buffer[][] = [[], [], []];
    received.forEach((frames) => broadcast.subscribe((frame) => frames.push(frame)));
    for (let seq = 1; seq <= 5; seq += 1) {
      log.head = seq;
      notifier.announce(seq);
    }
    await nextTurn(100);
    expect(asked).toEqual([0]);
    expect(received.map((frames) => frames.length)).toEqual([1, 1, 1]);
    expect(received[1]![0]).toBe(received[0]![0]);
    const data = JSON.parse(received[0]![0]!.toString().split('data: ')[1]!) as {
      cursor: number;
      after: number;
    };
    expect(data).toMatchObject({ cursor: 5, after: 0 });
    expect(broadcast.cursor).toBe(5);
    broadcast.stop();
  });

  it('follows the last message with the next: each carried page starts where the previous ended', async () => {
    const notifier = new ChangeNotifier({} as Database);
    const log = { head: 0 };
    const { pages } = fakePages(log);
    const broadcast = new ChangeBroadcast(notifier, pages, { ...DEFAULT_BROADCAST, coalesceMs: 10 });
    const frames: string[] = [];
    broadcast.subscribe((frame) => frames.push(frame.toString()));
    log.head = 2;
    notifier.announce(2);
    await nextTurn(50);
    log.head = 3;
    notifier.announce(3);
    await nextTurn(50);
    const events = frames.map((f) => JSON.parse(f.split('data: ')[1]!) as { cursor: number; after: number });
    expect(events.map((e) => [e.after, e.cursor])).toEqual([
      [0, 2],
      [2, 3],
    ]);
    broadcast.stop();
  });

  it('only says where the sequence is when the changes are too many, too large or hold a line break', () => {
    expect(carryFrame(0, page([1, 2]), DEFAULT_BROADCAST)?.cursor).toBe(2);
    expect(carryFrame(0, page([1, 2], true), DEFAULT_BROADCAST)).toBeNull();
    expect(
      carryFrame(0, page([1], false, 'x'.repeat(1000)), { ...DEFAULT_BROADCAST, carryMaxBytes: 500 }),
    ).toBeNull();
    expect(carryFrame(0, page([1], false, 'two\nlines'), DEFAULT_BROADCAST)).toBeNull();
  });
});
