import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError, PullResponse } from '../../shared/index';
import { DEFAULT_BROADCAST } from '../sync/change-broadcast';
import type { HttpClient } from '../testing/http-client';
import { cursorOf, openEventStream } from '../testing/sse-client';
import { mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

/** An event stream whose reader never reads: the request is sent, then the socket is paused for good. */
async function stalledStream(url: string, token: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: ${hostname}\r\nAuthorization: Bearer ${token}\r\n\r\n`);
  await new Promise<void>((resolve) => socket.once('data', () => resolve()));
  socket.pause();
  return socket;
}

const until = async (done: () => boolean, what: string, timeoutMs = 60_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe('a stalled event-stream reader', () => {
  let t: TestBackend;
  beforeAll(async () => {
    // Messages carry up to 4 MiB of changes here, so a few pushes fill the socket buffers.
    t = await startTestBackend('sqlite', {
      eventBufferBytes: 64 * 1024,
      broadcast: { ...DEFAULT_BROADCAST, carryMaxChanges: 1000, carryMaxBytes: 4 * 1024 * 1024 },
    });
  });
  afterAll(() => t?.close());

  it('cuts off a stream nobody reads once its backlog passes the bound; a reading stream gets every change', async () => {
    const agent = await t.login();
    const broadcast = t.backend.services.broadcast;
    const reader = await openEventStream(`${t.url}/api/v1/events`, {
      authorization: `Bearer ${agent.token}`,
    });
    const start = cursorOf(await reader.waitFor((e) => e.event === 'changes'));
    const stalled = await stalledStream(t.url, agent.token!);
    await until(() => broadcast.listening === 2, 'both streams to listen');

    // Big tickets, so the messages that carry them fill the socket buffers, then the server's.
    const admin = await t.login('admin@example.com');
    let last = start;
    let pushes = 0;
    while (broadcast.listening === 2) {
      const batch = Array.from({ length: 40 }, () =>
        mutations.create({ description: 'Sin conexión. '.repeat(200) }),
      );
      await t.push(admin, batch);
      pushes += 1;
      if (pushes > 250) throw new Error('the stalled stream was never cut off');
      last = t.backend.services.notifier.latest;
    }
    expect(broadcast.listening).toBe(1);
    const caughtUp = await reader.waitFor((e) => e.event === 'changes' && cursorOf(e) >= last, 30_000);
    expect(cursorOf(caughtUp)).toBeGreaterThanOrEqual(last);
    // The cut-off console catches up the way every console does: by pulling.
    const pulled = await agent.get<PullResponse>(`/api/v1/sync/pull?cursor=${start}&limit=1000`);
    expect(pulled.status).toBe(200);
    reader.close();
    stalled.destroy();
  }, 120_000);
});

describe('a runaway pusher', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend('sqlite', { pushRateLimit: { max: 8, windowMs: 60_000 } });
  });
  afterAll(() => t?.close());

  it('holds back a runaway pusher with 429 and Retry-After, while other agents keep pushing and it keeps pulling', async () => {
    const runaway = await t.login('lucia@example.com');
    const other = await t.login('sam@example.com');
    const answers: Array<{ status: number; retryAfter: string | null; body: unknown }> = [];
    for (let i = 0; i < 12; i += 1) {
      const res = await runaway.post('/api/v1/sync/push', {
        clientId: 'loop',
        mutations: [mutations.create()],
      });
      answers.push({ status: res.status, retryAfter: res.headers.get('retry-after'), body: res.body });
    }
    expect(answers.filter((a) => a.status === 200)).toHaveLength(8);
    const refused = answers.find((a) => a.status === 429)!;
    expect((refused.body as ApiError).error.code).toBe('rate_limited');
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);

    const theirs = await push(other);
    expect(theirs.status).toBe(200);
    expect((await runaway.get('/api/v1/sync/pull?cursor=0&limit=10')).status).toBe(200);
  });
});

const push = (client: HttpClient) =>
  client.post('/api/v1/sync/push', { clientId: 'calm', mutations: [mutations.create()] });
