import { describe, expect, it } from 'vitest';
import type { MesaError } from '../../shared/ipc/result';
import type { PullResponse } from '../../shared/sync/wire';
import { manualClock } from '../testing/manual-clock';
import { createBackoff } from './backoff';
import type { Fetch } from './backend-http';
import { EventStream } from './event-stream';

/** A response whose body the test writes into, and that errors when the request is aborted. */
function streamingResponse(signal: AbortSignal | null | undefined) {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
  const write = (text: string) => controller.enqueue(new TextEncoder().encode(text));
  return {
    response: new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } }),
    write,
    end: () => controller.close(),
  };
}

function setup(answer: (call: number, init: RequestInit | undefined) => Promise<Response>) {
  const { clock, advance } = manualClock();
  const calls: Array<{ url: string; auth: string | null }> = [];
  const fetch: Fetch = async (input, init) => {
    calls.push({ url: String(input), auth: new Headers(init?.headers).get('authorization') });
    return answer(calls.length, init);
  };
  const log = {
    open: 0,
    pokes: [] as number[],
    carried: [] as Array<{ after: number; page: PullResponse } | undefined>,
    lost: [] as string[],
    unreachable: [] as MesaError[],
    unauthorized: 0,
  };
  const stream = new EventStream({
    fetch,
    clock,
    backoff: createBackoff({ baseMs: 1_000, maxMs: 30_000, random: () => 0.5 }),
    connectTimeoutMs: 5_000,
    idleTimeoutMs: 45_000,
    onOpen: () => log.open++,
    onPoke: (cursor, carried) => {
      log.pokes.push(cursor);
      log.carried.push(carried);
    },
    onLost: (message) => log.lost.push(message),
    onUnreachable: (error) => log.unreachable.push(error),
    onUnauthorized: () => log.unauthorized++,
  });
  return { stream, calls, log, advance };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('the event stream', () => {
  it('sends the token, and pokes for each changes event (heartbeats and junk ignored)', async () => {
    let writer!: ReturnType<typeof streamingResponse>;
    const { stream, calls, log } = setup(
      async (_n, init) => (writer = streamingResponse(init?.signal)).response,
    );
    stream.start('http://s/base', 'tok');
    await flush();
    expect(calls[0]).toEqual({ url: 'http://s/base/api/v1/events', auth: 'Bearer tok' });
    writer.write(
      'retry: 3000\n\nevent: changes\ndata: {"cursor":4}\n\n: heartbeat\n\nevent: changes\ndata: nonsense\n\nevent: other\ndata: {"cursor":9}\n\nevent: chan',
    );
    writer.write('ges\ndata: {"cursor":5}\n\n');
    await flush();
    expect(log.open).toBe(1);
    expect(log.pokes).toEqual([4, 5]);
    stream.stop();
  });

  it('hands over a page the event carries, checked by the pull schema; a malformed one is only a poke', async () => {
    let writer!: ReturnType<typeof streamingResponse>;
    const { stream, log } = setup(async (_n, init) => (writer = streamingResponse(init?.signal)).response);
    stream.start('http://s', 'tok');
    await flush();
    const page = {
      changes: [{ seq: 5, entity: 'ticket', id: 't1', op: 'upsert', data: { title: 'VPN' } }],
      cursor: 5,
      hasMore: false,
    };
    writer.write(`event: changes\ndata: ${JSON.stringify({ cursor: 5, after: 4, page })}\n\n`);
    writer.write(
      `event: changes\ndata: ${JSON.stringify({ cursor: 6, after: 5, page: { changes: 'no' } })}\n\n`,
    );
    writer.write(`event: changes\ndata: {"cursor":7,"after":6}\n\n`);
    await flush();
    expect(log.pokes).toEqual([5, 6, 7]);
    expect(log.carried).toEqual([{ after: 4, page }, undefined, undefined]);
    stream.stop();
  });

  it('pokes once per changes event however the network splits the bytes (CRLF, CR, LF line ends)', async () => {
    const feed = new TextEncoder().encode(
      ': heartbeat\r\n\r\nevent: changes\r\ndata: {"cursor":7}\r\n\r\nevent: changes\rdata: {"cursor":8}\r\revent: changes\ndata: {"cursor":9}\n\n',
    );
    for (const size of [1, 2, 3, 5, feed.length]) {
      let controller!: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
      const { stream, log } = setup(async () => new Response(body, { status: 200 }));
      stream.start('http://s', 'tok');
      await flush();
      for (let i = 0; i < feed.length; i += size) controller.enqueue(feed.slice(i, i + size));
      await flush();
      expect({ size, pokes: log.pokes }).toEqual({ size, pokes: [7, 8, 9] });
      stream.stop();
    }
  });

  it('treats a silent connection as lost and reconnects after the backoff', async () => {
    const { stream, calls, log, advance } = setup(
      async (_n, init) => streamingResponse(init?.signal).response,
    );
    stream.start('http://s', 'tok');
    await flush();
    await advance(45_000);
    expect(log.lost).toEqual(['The event stream went silent.']);
    expect(calls).toHaveLength(1);
    await advance(500);
    expect(calls).toHaveLength(2);
    stream.stop();
  });

  it('reports an unreachable server and keeps trying with growing delays', async () => {
    const refused = () =>
      Promise.reject(
        new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
      );
    const { stream, calls, log, advance } = setup(refused);
    stream.start('http://s', 'tok');
    await flush();
    expect(log.unreachable.map((e) => e.code)).toEqual(['offline']);
    await advance(499);
    expect(calls).toHaveLength(1);
    await advance(1);
    expect(calls).toHaveLength(2);
    await advance(1_000);
    expect(calls).toHaveLength(3);
    stream.stop();
    await advance(60_000);
    expect(calls).toHaveLength(3);
  });

  it('stops for good when the server refuses the token', async () => {
    const { stream, calls, log, advance } = setup(async () =>
      Response.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 }),
    );
    stream.start('http://s', 'tok');
    await flush();
    await flush();
    expect(log.unauthorized).toBe(1);
    await advance(60_000);
    expect(calls).toHaveLength(1);
    expect(stream.running).toBe(false);
  });

  it('reconnects at once when asked during a backoff wait', async () => {
    const { stream, calls, advance } = setup(() => Promise.reject(new TypeError('fetch failed')));
    stream.start('http://s', 'tok');
    await flush();
    stream.reconnectNow();
    await flush();
    expect(calls).toHaveLength(2);
    await advance(0);
    stream.stop();
  });
});
