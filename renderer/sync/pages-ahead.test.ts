import { describe, expect, it } from 'vitest';
import { pagesAhead, type PageAnswer } from './pages-ahead';

/** A chain of pages 1…last whose requests the test answers by hand. */
function server(last: number) {
  const asked: Array<{ cursor: string | undefined; answer(): void; fail(error: Error): void }> = [];
  const ask = (cursor: string | undefined) =>
    new Promise<number>((resolve, reject) => {
      const n = cursor === undefined ? 1 : Number(cursor) + 1;
      asked.push({ cursor, answer: () => resolve(n), fail: reject });
    });
  const following = (page: number) => (page < last ? String(page) : null);
  return { asked, ask, following };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const pageOf = (answer: PageAnswer<number>) => ('page' in answer ? answer.page : answer.error);

describe('pagesAhead', () => {
  it('asks for the next pages while the consumer holds one, never more than `depth` beyond it', async () => {
    const { asked, ask, following } = server(6);
    const pages = pagesAhead({ ask, following, from: undefined, depth: 2 });
    const first = pages.next();
    await settle();
    expect(asked.map((a) => a.cursor)).toEqual([undefined]);
    asked[0]!.answer();
    expect(pageOf(await first)).toBe(1);

    // The consumer stores page 1: pages 2 and 3 are asked for meanwhile, one after the other, and no more.
    await settle();
    expect(asked.map((a) => a.cursor)).toEqual([undefined, '1']);
    asked[1]!.answer();
    await settle();
    expect(asked.map((a) => a.cursor)).toEqual([undefined, '1', '2']);
    asked[2]!.answer();
    await settle();
    expect(asked).toHaveLength(3);

    // Taking page 2 frees a place: page 4 is asked for, from page 3's cursor.
    expect(pageOf(await pages.next())).toBe(2);
    await settle();
    expect(asked.map((a) => a.cursor)).toEqual([undefined, '1', '2', '3']);
    expect(pageOf(await pages.next())).toBe(3);
    pages.close();
  });

  it('hands the pages over in order, each once, and asks nothing after the last', async () => {
    const { asked, ask, following } = server(5);
    const pages = pagesAhead({ ask, following, from: '0', depth: 2 });
    const got: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const next = pages.next();
      await settle();
      for (const request of asked.splice(0)) request.answer();
      got.push(pageOf(await next));
    }
    await settle();
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toHaveLength(0);
    await expect(pages.next()).rejects.toThrow('nothing more');
  });

  it('ends the chain at a failed request, after the pages before it', async () => {
    const { asked, ask, following } = server(9);
    const pages = pagesAhead({ ask, following, from: undefined, depth: 2 });
    const first = pages.next();
    await settle();
    asked[0]!.answer();
    await first;
    await settle();
    asked[1]!.answer();
    await settle();
    asked[2]!.fail(new Error('offline'));
    await settle();
    expect(pageOf(await pages.next())).toBe(2);
    expect(pageOf(await pages.next())).toEqual(new Error('offline'));
    expect(asked).toHaveLength(3);
  });

  it('asks nothing more once closed, and drops an answer still on its way', async () => {
    const { asked, ask, following } = server(9);
    const pages = pagesAhead({ ask, following, from: undefined, depth: 2 });
    const first = pages.next();
    await settle();
    asked[0]!.answer();
    await first;
    await settle();
    pages.close();
    asked[1]!.answer();
    await settle();
    expect(asked).toHaveLength(2);
  });
});
