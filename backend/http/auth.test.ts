import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_DIALECTS)('auth over HTTP (%s)', (dialect) => {
  let t: TestBackend;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestBackend(
      dialect,
      { loginRateLimit: { max: 5, windowMs: 60_000 } },
      { clock: () => new Date(Date.now() + offset) },
    );
  });
  afterAll(() => t?.close());

  it('signs in with the demo accounts and returns the agent', async () => {
    const res = await t.http.post<{ token: string; agent: Record<string, unknown> }>('/api/v1/auth/login', {
      email: 'Admin@Example.com',
      password: 'mesa-demo',
    });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body.agent).toEqual({
      id: DEMO_IDS.admin,
      name: 'Ana Administradora',
      email: 'admin@example.com',
      role: 'admin',
    });
  });

  it('refuses a wrong password or an unknown account with 401 in the error shape', async () => {
    for (const body of [
      { email: 'agent@example.com', password: 'wrong' },
      { email: 'nobody@example.com', password: 'mesa-demo' },
    ]) {
      const res = await t.http.post('/api/v1/auth/login', body);
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
    }
  });

  it('needs a valid bearer token for the sync API', async () => {
    expect((await t.http.get('/api/v1/sync/pull')).status).toBe(401);
    const res = await t.http.get('/api/v1/sync/pull', { token: 'not-a-token' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await t.http.get('/api/v1/sync/pull', { headers: { authorization: 'Basic abc' } })).status).toBe(
      401,
    );
  });

  it('logout revokes the token', async () => {
    const client = await t.login();
    expect((await client.get('/api/v1/sync/pull')).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(200);
    expect((await client.get('/api/v1/sync/pull')).status).toBe(401);
    expect((await client.post('/api/v1/sync/push', { clientId: 'c', mutations: [] })).status).toBe(401);
  });

  it('tokens expire after their lifetime (30 days by default)', async () => {
    const client = await t.login();
    offset = 29 * DAY;
    expect((await client.get('/api/v1/sync/pull')).status).toBe(200);
    offset = 30 * DAY + 1000;
    expect((await client.get('/api/v1/sync/pull')).status).toBe(401);
    offset = 0;
  });

  it('a deactivated agent is signed out and cannot sign in', async () => {
    const admin = await t.login('admin@example.com');
    const lucia = await t.login('lucia@example.com');
    const [result] = await t.push(admin, [
      mutations.of('agent.upsert', {
        agentId: DEMO_IDS.lucia,
        name: 'Lucía Fernández',
        email: 'lucia@example.com',
        role: 'agent',
        teamIds: [DEMO_IDS.serviceDesk],
        skills: ['access'],
        capacity: 12,
        active: false,
      }),
    ]);
    expect(result?.status).toBe('applied');
    expect((await lucia.get('/api/v1/sync/pull')).status).toBe(401);
    const res = await t.http.post('/api/v1/auth/login', {
      email: 'lucia@example.com',
      password: 'mesa-demo',
    });
    expect(res.status).toBe(401);
  });

  it('rate-limits sign-in attempts per address and account with 429', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push(
        (await t.http.post('/api/v1/auth/login', { email: 'maria@example.com', password: 'nope' })).status,
      );
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    const limited = await t.http.post('/api/v1/auth/login', {
      email: 'maria@example.com',
      password: 'mesa-demo',
    });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({ error: { code: 'rate_limited', message: expect.any(String) } });
    // Another account from the same address is not locked out by it.
    expect(
      (await t.http.post('/api/v1/auth/login', { email: 'sam@example.com', password: 'mesa-demo' })).status,
    ).toBe(200);
  });
});
