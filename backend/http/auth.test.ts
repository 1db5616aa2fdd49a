import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoginThrottleOptions } from '../auth/login-throttle';
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
    const [result] = await t.push(admin, [mutations.upsertLucia({ active: false })]);
    expect(result?.status).toBe('applied');
    expect((await lucia.get('/api/v1/sync/pull')).status).toBe(401);
    const right = await t.http.post('/api/v1/auth/login', {
      email: 'lucia@example.com',
      password: 'mesa-demo',
    });
    const wrong = await t.http.post('/api/v1/auth/login', { email: 'lucia@example.com', password: 'guess' });
    expect(right.status).toBe(401);
    // The same answer either way: a deactivated account never confirms a guessed password.
    expect(right.body).toEqual(wrong.body);
    expect(right.body).toEqual({ error: { code: 'invalid_credentials', message: expect.any(String) } });
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

/** Small limits, and a backoff long enough that no test waits it out. */
const throttle: LoginThrottleOptions = {
  addressFailures: { max: 3, windowMs: 15 * 60_000 },
  accountBackoff: { freeFailures: 2, baseMs: 60_000, maxMs: 60_000 },
  trustedForMs: 24 * 60 * 60_000,
  maxEntries: 1_000,
};

const signIn = (t: TestBackend, email: string, password: string, client: string) =>
  t.http.post('/api/v1/auth/login', { email, password }, { headers: { 'x-forwarded-for': client } });

describe.each([{ trustProxy: ['127.0.0.1'] }, { trustProxy: 1 }])(
  'sign-in limits behind a trusted proxy (%o)',
  ({ trustProxy }) => {
    let t: TestBackend;
    beforeAll(async () => {
      t = await startTestBackend('sqlite', { trustProxy, loginThrottle: throttle });
    });
    afterAll(() => t?.close());

    it('stops one address spraying a password across accounts, and keys on the client, not the proxy', async () => {
      const sprayer = '203.0.113.7';
      for (const email of ['ana@example.com', 'nobody@example.com', 'jordi@example.com'])
        expect((await signIn(t, email, 'Verano2026', sprayer)).status).toBe(401);
      const held = await signIn(t, 'agent@example.com', 'mesa-demo', sprayer);
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({ error: { code: 'rate_limited' } });
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another client behind the same proxy is not held by it.
      expect((await signIn(t, 'agent@example.com', 'mesa-demo', '198.51.100.2')).status).toBe(200);
    });

    it("backs an account off across addresses, but not for its owner's own address", async () => {
      const owner = '192.0.2.10';
      expect((await signIn(t, 'sam@example.com', 'mesa-demo', owner)).status).toBe(200);
      expect((await signIn(t, 'sam@example.com', 'guess1', '203.0.113.21')).status).toBe(401);
      expect((await signIn(t, 'sam@example.com', 'guess2', '203.0.113.22')).status).toBe(401);
      // A third address is held before any password is checked, so even the right one gets 429.
      const held = await signIn(t, 'sam@example.com', 'mesa-demo', '203.0.113.23');
      expect(held.status).toBe(429);
      expect(held.body).toMatchObject({ error: { code: 'rate_limited' } });
      expect((await signIn(t, 'sam@example.com', 'mesa-demo', owner)).status).toBe(200);
    });
  },
);

describe('sign-in limits without --trust-proxy', () => {
  let t: TestBackend;
  beforeAll(async () => {
    t = await startTestBackend('sqlite', { loginThrottle: throttle });
  });
  afterAll(() => t?.close());

  it('ignores X-Forwarded-For, so a forged header does not escape the per-address limit', async () => {
    for (const [i, email] of ['ana@example.com', 'nobody@example.com', 'jordi@example.com'].entries())
      expect((await signIn(t, email, 'Verano2026', `203.0.113.${i}`)).status).toBe(401);
    expect((await signIn(t, 'agent@example.com', 'mesa-demo', '198.51.100.2')).status).toBe(429);
  });
});
