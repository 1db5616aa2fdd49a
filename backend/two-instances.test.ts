import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MutationEnvelope, PushResponse } from '../shared/index';
import { startBackendProcess, type BackendProcess } from './testing/backend-process';
import { expectCrashLostNothing, pullTickets, pushCreatesUntilStopped } from './testing/crash-push-loop';
import { signIn, type HttpClient } from './testing/http-client';
import { cursorOf, openEventStream } from './testing/sse-client';
import { DEMO_IDS, TEST_DIALECTS, freshDatabaseUrl, mutations } from './testing/test-backend';

/**
 * The team deployment: two backend processes on one PostgreSQL database act as one
 * service. What one instance accepted, the other serves; its jobs run once; a crash of
 * one loses nothing it acknowledged.
 */
describe.runIf(TEST_DIALECTS.includes('postgres'))('two backend instances, one PostgreSQL database', () => {
  let a: BackendProcess;
  let b: BackendProcess;
  let onA: HttpClient;
  let onB: HttpClient;

  const push = async (client: HttpClient, batch: MutationEnvelope[]) => {
    const res = await client.post<PushResponse>('/api/v1/sync/push', { clientId: 'two', mutations: batch });
    expect(res.status).toBe(200);
    return res.body.results;
  };
  beforeAll(async () => {
    const databaseUrl = await freshDatabaseUrl();
    // Auto-close every second, of anything resolved: both instances sweep the same tickets.
    const extraArgs = ['--auto-close-days', '0', '--auto-close-interval-seconds', '1'];
    [a, b] = await Promise.all([
      startBackendProcess({ databaseUrl, seedDemo: true, demoTickets: 0, extraArgs }),
      startBackendProcess({ databaseUrl, seedDemo: true, demoTickets: 0, extraArgs }),
    ]);
    [onA, onB] = await Promise.all([signIn(a.url), signIn(b.url)]);
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('a file uploaded through A is downloaded through B', async () => {
    // Several 512 KiB chunks and a partial last one.
    const bytes = randomBytes(1_300_000);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const up = await onA.request('PUT', `/api/v1/attachments/${sha256}`, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(up.status).toBe(201);
    const down = await fetch(`${b.url}/api/v1/attachments/${sha256}`, {
      headers: { authorization: `Bearer ${onB.token}` },
    });
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it("a push through A reaches a console on B's event stream within a second", async () => {
    const stream = await openEventStream(`${b.url}/api/v1/events`, { authorization: `Bearer ${onB.token}` });
    try {
      const start = cursorOf(await stream.waitFor((e) => e.event === 'changes'));
      const [result] = await push(onA, [mutations.create()]);
      expect(result?.status).toBe('applied');
      // The requirement itself is a deadline: B announces A's change within 1 s of A's answer.
      const seen = await stream.waitFor((e) => cursorOf(e) > start, 1_000);
      expect(cursorOf(seen)).toBe(start + 1);
    } finally {
      stream.close();
    }
  });

  it('auto-close with both instances running closes each ticket once', async () => {
    const resolvedIds: string[] = [];
    const batch: MutationEnvelope[] = [];
    for (let i = 0; i < 10; i++) {
      const create = mutations.create();
      const ticketId = create.args.ticketId;
      resolvedIds.push(ticketId);
      batch.push(
        create,
        mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }),
        mutations.of('ticket.transition', { ticketId, to: 'resolved', resolutionNote: 'Hecho' }),
      );
    }
    expect((await push(onA, batch)).every((r) => r.status === 'applied')).toBe(true);
    await expect
      .poll(
        async () => {
          const all = await pullTickets(onB);
          return resolvedIds.filter((id) => all.get(id)?.status === 'closed').length;
        },
        { timeout: 20_000, interval: 250 },
      )
      .toBe(resolvedIds.length);
    // Two more sweeps on each instance find nothing left to do.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const all = await pullTickets(onA);
    for (const id of resolvedIds) {
      const closes = all.get(id)!.audit.filter((entry) => entry.changes.status?.[1] === 'closed');
      expect(closes).toHaveLength(1);
      expect(closes[0]?.actorId).toBeNull();
    }
  }, 60_000);

  it('kill -9 of A in the middle of pushes loses nothing A acknowledged', async () => {
    const loop = pushCreatesUntilStopped(onA);
    await expect.poll(() => loop.acknowledged.length, { timeout: 20_000 }).toBeGreaterThan(100);
    await a.kill('SIGKILL');
    await loop.stop();

    // The console fails over to B: everything A answered "applied" is there, the batch
    // in flight landed whole or not at all, and sending it again applies it once.
    const { before, landed, after } = await expectCrashLostNothing(onB, loop);
    expect(after).toBe(before + (loop.inFlight.length - landed));
  }, 90_000);
});
