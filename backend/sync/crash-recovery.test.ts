import { afterAll, describe, expect, it } from 'vitest';
import type { LoginResponse, MutationEnvelope, PullResponse, PushResponse } from '../../shared/index';
import { startBackendProcess, type BackendProcess } from '../testing/backend-process';
import { HttpClient } from '../testing/http-client';
import { TEST_DIALECTS, freshDatabaseUrl, mutations } from '../testing/test-backend';

/**
 * "Never loses acknowledged work": a real process is killed with SIGKILL while a client
 * pushes in a loop; after a restart every mutation the server had answered "applied"
 * is there, the batch in flight is all-or-nothing, and retrying it applies it once.
 */
describe.each(TEST_DIALECTS)('kill -9 during a push loop (%s)', (dialect) => {
  let backend: BackendProcess | undefined;
  afterAll(() => backend?.stop());

  it('loses no acknowledged mutation', async () => {
    backend = await startBackendProcess({
      seedDemo: true,
      demoTickets: 0,
      ...(dialect === 'postgres' ? { databaseUrl: await freshDatabaseUrl() } : {}),
    });
    const login = await new HttpClient(backend.url).post<LoginResponse>('/api/v1/auth/login', {
      email: 'agent@example.com',
      password: 'mesa-demo',
    });
    const client = new HttpClient(backend.url, login.body.token);

    const acknowledged: string[] = [];
    let inFlight: Array<MutationEnvelope & { args: { ticketId: string } }> = [];
    let stop = false;
    const loop = (async () => {
      while (!stop) {
        inFlight = Array.from({ length: 20 }, () => mutations.create());
        try {
          const res = await client.post<PushResponse>('/api/v1/sync/push', {
            clientId: 'crash',
            mutations: inFlight,
          });
          if (res.status !== 200) continue;
          res.body.results.forEach(
            (r, i) => r.status === 'applied' && acknowledged.push(inFlight[i]!.args.ticketId),
          );
        } catch {
          return; // the server died under this request
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await backend.kill('SIGKILL');
    stop = true;
    await loop;
    expect(acknowledged.length).toBeGreaterThan(0);

    await backend.restart();
    const tickets = async () => {
      const ids = new Set<string>();
      let cursor = 0;
      for (;;) {
        const page = await client.get<PullResponse>(`/api/v1/sync/pull?cursor=${cursor}&limit=1000`);
        expect(page.status).toBe(200);
        page.body.changes.filter((c) => c.entity === 'ticket').forEach((c) => ids.add(c.id));
        cursor = page.body.cursor;
        if (!page.body.hasMore) return ids;
      }
    };
    const after = await tickets();
    for (const id of acknowledged) expect(after.has(id)).toBe(true);
    const landed = inFlight.filter((m) => after.has(m.args.ticketId)).length;
    expect([0, inFlight.length]).toContain(landed);

    const retry = await client.post<PushResponse>('/api/v1/sync/push', {
      clientId: 'crash',
      mutations: inFlight,
    });
    expect(retry.body.results.every((r) => r.status === 'applied')).toBe(true);
    const final = await tickets();
    // Each ticket exactly once: the acknowledged ones, plus the retried batch (applied before the crash or now).
    expect(final.size).toBe(acknowledged.length + inFlight.length);
  }, 60_000);
});
