import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginResponse, PullResponse } from '../../shared/index';
import { startBackendProcess, type BackendProcess } from '../testing/backend-process';
import { HttpClient } from '../testing/http-client';
import { cursorOf, openEventStream } from '../testing/sse-client';
import {
  TEST_DIALECTS,
  freshDatabaseUrl,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

describe.each(TEST_DIALECTS)('event stream (%s)', (dialect) => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend(dialect, { heartbeatMs: 150 });
  });
  afterAll(() => t?.close());

  it('refuses a stream without a valid token', async () => {
    const res = await t.http.get('/api/v1/events');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await t.http.get('/api/v1/events?token=nope')).status).toBe(401);
  });

  it('refuses a valid token in the URL (URLs end up in logs): only the header signs a stream in', async () => {
    const client = await t.login();
    const res = await t.http.get(`/api/v1/events?token=${encodeURIComponent(client.token!)}`);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('announces the cursor on connect and whenever the sequence moves, with heartbeats', async () => {
    const client = await t.login();
    const stream = await openEventStream(`${t.url}/api/v1/events`, {
      authorization: `Bearer ${client.token}`,
    });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      const first = await stream.waitFor((e) => e.event === 'changes');
      const start = cursorOf(first);
      const pulled = await t.pullAll(client);
      expect(start).toBe(pulled.at(-1)?.seq ?? 0);

      await t.push(client, [mutations.create()]);
      const moved = await stream.waitFor((e) => e.event === 'changes' && cursorOf(e) > start);
      expect(cursorOf(moved)).toBe(start + 1);
      expect(await stream.waitForComment(2_000)).toMatch(/heartbeat/);
    } finally {
      stream.close();
    }
  });

  it('carries the new changes as the very page a pull from the previous cursor answers', async () => {
    const client = await t.login();
    const stream = await openEventStream(`${t.url}/api/v1/events`, {
      authorization: `Bearer ${client.token}`,
    });
    try {
      const start = cursorOf(await stream.waitFor((e) => e.event === 'changes'));
      const created = mutations.create({ title: 'Carried: la VPN se corta' });
      const reply = mutations.of('comment.add', {
        ticketId: created.args.ticketId,
        commentId: randomUUID(),
        body: 'Lo miramos ahora mismo.',
        visibility: 'public',
      });
      await t.push(client, [created, reply]);
      const event = await stream.waitFor((e) => e.event === 'changes' && cursorOf(e) > start);
      const carried = JSON.parse(event.data) as { cursor: number; after: number; page: PullResponse };
      expect(carried.after).toBe(start);
      expect(carried.page.changes.map((c) => c.id)).toContain(created.args.ticketId);
      const pulled = await client.get<PullResponse>(`/api/v1/sync/pull?cursor=${start}&limit=100`);
      expect(carried.page).toEqual(pulled.body);
      expect(carried.cursor).toBe(pulled.body.cursor);
    } finally {
      stream.close();
    }
  });
});

describe.runIf(TEST_DIALECTS.includes('postgres'))('two backend instances on one PostgreSQL database', () => {
  let a: BackendProcess;
  let b: BackendProcess;
  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl();
    // Started together: migrations and the demo seed must cope with a racing twin.
    [a, b] = await Promise.all([
      startBackendProcess({ databaseUrl, seedDemo: true, demoTickets: 5 }),
      startBackendProcess({ databaseUrl, seedDemo: true, demoTickets: 5 }),
    ]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('each announces the changes pushed to the other (LISTEN/NOTIFY)', async () => {
    const login = async (url: string) => {
      const res = await new HttpClient(url).post<LoginResponse>('/api/v1/auth/login', {
        email: 'agent@example.com',
        password: 'mesa-demo',
      });
      expect(res.status).toBe(200);
      return new HttpClient(url, res.body.token);
    };
    const [onA, onB] = await Promise.all([login(a.url), login(b.url)]);
    const streamB = await openEventStream(`${b.url}/api/v1/events`, { authorization: `Bearer ${onB.token}` });
    const streamA = await openEventStream(`${a.url}/api/v1/events`, { authorization: `Bearer ${onA.token}` });
    try {
      const startB = cursorOf(await streamB.waitFor((e) => e.event === 'changes'));
      const startA = cursorOf(await streamA.waitFor((e) => e.event === 'changes'));
      expect(startA).toBe(startB);

      const push = await onA.post<{ results: Array<{ status: string }> }>('/api/v1/sync/push', {
        clientId: 'a',
        mutations: [mutations.create()],
      });
      expect(push.body.results[0]?.status).toBe('applied');
      const seenOnB = await streamB.waitFor((e) => cursorOf(e) > startB);
      expect(cursorOf(seenOnB)).toBe(startB + 1);

      await onB.post('/api/v1/sync/push', {
        clientId: 'b',
        mutations: [mutations.create(), mutations.create()],
      });
      const seenOnA = await streamA.waitFor((e) => cursorOf(e) >= startA + 3);
      expect(cursorOf(seenOnA)).toBe(startA + 3);

      // Both instances serve the same data: what was pushed to B is pulled from A.
      const pulled = await onA.get<{ changes: Array<{ seq: number }> }>(`/api/v1/sync/pull?cursor=${startA}`);
      expect(pulled.body.changes.map((c) => c.seq)).toEqual([startA + 1, startA + 2, startA + 3]);
    } finally {
      streamA.close();
      streamB.close();
    }
  });
});
