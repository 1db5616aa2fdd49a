// The main process's core against a real backend process (backend/testing/backend-process.ts):
// sign-in, pull, push, the event stream, an outage with backoff and recovery, and a revoked token.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import type { PullResponse } from '../../shared/sync/wire';
import { recordingCore } from '../testing/recording-core';
import { waitUntil } from '../testing/wait-until';

const DEMO = { email: 'agent@example.com', password: 'mesa-demo' };

let backend: BackendProcess;
const running: Array<ReturnType<typeof recordingCore>> = [];

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true, demoTickets: 30 });
}, 90_000);
afterAll(async () => {
  await backend?.stop();
});
afterEach(() => {
  for (const r of running.splice(0)) r.core.stop();
});

function newCore(dir = mkdtempSync(join(tmpdir(), 'mesa-core-'))) {
  const r = recordingCore(dir, backend.url);
  running.push(r);
  return { ...r, dir };
}

async function signedIn() {
  const r = newCore();
  await r.core.start();
  await r.value('login', { serverUrl: backend.url, ...DEMO });
  await waitUntil('the event stream to open', () => r.core.connectivity().state === 'online');
  return r;
}

const storedToken = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'session.json'), 'utf8')) as { token: string }).token;

async function openTicketId(r: Awaited<ReturnType<typeof signedIn>>): Promise<string> {
  const page = await r.value<PullResponse>('pull', { cursor: 0, limit: 1_000 });
  // The last upsert of each ticket is its state; comments go only on tickets still open.
  const latest = new Map(
    page.changes.filter((c) => c.entity === 'ticket' && c.op === 'upsert').map((c) => [c.id, c.data]),
  );
  const open = [...latest].find(([, data]) => !['closed', 'cancelled'].includes(String(data?.status)));
  if (!open) throw new Error('no open demo ticket');
  return open[0];
}

describe('the console core against a real backend', () => {
  it('signs in; the token stays in a 0600 file and never reaches the page', async () => {
    const r = await signedIn();
    const session = await r.value('getSession');
    expect(session).toEqual({
      agent: expect.objectContaining({ email: 'agent@example.com', role: 'agent' }),
      serverUrl: backend.url,
    });
    await r.value('getConnectivity');
    await r.value('pull', { cursor: 0, limit: 10 });

    const token = storedToken(r.dir);
    expect(token.length).toBeGreaterThan(10);
    expect(statSync(join(r.dir, 'session.json')).mode & 0o777).toBe(0o600);
    const everythingThePageSaw = JSON.stringify({ answers: r.answers, events: r.events });
    expect(everythingThePageSaw).not.toContain(token);
    expect(everythingThePageSaw).not.toMatch(/"token"/);
  });

  it('refuses a wrong password without touching the session', async () => {
    const r = newCore();
    await r.core.start();
    const result = await r.call('login', { serverUrl: backend.url, email: DEMO.email, password: 'wrong' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(await r.value('getSession')).toEqual({ agent: null, serverUrl: backend.url });
    expect(r.core.connectivity().state).toBe('signed_out');
  });

  it('says signed_out for sync calls before any sign-in', async () => {
    const r = newCore();
    await r.core.start();
    expect(await r.call('pull', { cursor: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
  });

  it('pulls the change feed in pages that follow the cursor', async () => {
    const r = await signedIn();
    const first = await r.value<PullResponse>('pull', { cursor: 0, limit: 5 });
    expect(first.changes).toHaveLength(5);
    expect(first.hasMore).toBe(true);
    const second = await r.value<PullResponse>('pull', { cursor: first.cursor, limit: 5 });
    expect(second.changes[0]!.seq).toBeGreaterThan(first.cursor);
    expect(r.core.connectivity().lastSyncAt).not.toBeNull();
  });

  it('pushes a mutation and hears the event stream poke past it', async () => {
    const r = await signedIn();
    const ticketId = await openTicketId(r);
    const before = (await r.value<PullResponse>('pull', { cursor: 0, limit: 1 })).cursor;
    const latest = await waitUntil('the initial poke', () => r.eventsOf('syncPoke').at(-1));
    const mutation = {
      id: uuidv7(),
      type: 'comment.add',
      args: { ticketId, commentId: uuidv7(), body: 'Rebooted the printer.', visibility: 'internal' },
    };
    const pushed = await r.value<{ results: unknown[] }>('push', {
      clientId: 'core-test',
      mutations: [mutation],
    });
    expect(pushed.results).toEqual([expect.objectContaining({ id: mutation.id, status: 'applied' })]);
    const poke = await waitUntil('a poke after the push', () =>
      r.eventsOf('syncPoke').find((p) => (p.cursor as number) > Math.max(before, latest.cursor as number)),
    );
    const page = await r.value<PullResponse>('pull', { cursor: latest.cursor as number, limit: 100 });
    expect(page.changes.some((c) => c.id === mutation.args.commentId)).toBe(true);
    expect(page.cursor).toBeGreaterThanOrEqual(poke.cursor as number);
  });

  it('carries attachment bytes both ways', async () => {
    const r = await signedIn();
    const bytes = new Uint8Array([
      0x89,
      0x50,
      0x4e,
      0x47,
      0x0d,
      0x0a,
      0x1a,
      0x0a,
      ...Array.from({ length: 300 }, (_, i) => i & 255),
    ]);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const up = await r.value('uploadAttachment', { sha256, contentType: 'image/png', bytes });
    expect(up).toMatchObject({ sha256, size: bytes.length });
    const down = await r.value<{ bytes: Uint8Array }>('downloadAttachment', { sha256 });
    expect(Buffer.from(down.bytes).equals(Buffer.from(bytes))).toBe(true);
    const wrong = await r.call('uploadAttachment', {
      sha256: '0'.repeat(64),
      contentType: 'image/png',
      bytes,
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });

  it('restores the stored session at the next start, and signs in the demo agent only on a first run', async () => {
    const first = await signedIn();
    first.core.stop();
    const again = newCore(first.dir);
    await again.core.start();
    expect((await again.value('getSession')).agent).toMatchObject({ email: DEMO.email });
    await waitUntil('the restored stream to open', () => again.core.connectivity().state === 'online');
    expect(await again.core.signInIfFirstRun(DEMO)).toBe(false);

    const fresh = newCore();
    await fresh.core.start();
    expect(await fresh.core.signInIfFirstRun(DEMO)).toBe(true);
    await fresh.value('logout');
    const afterLogout = newCore(fresh.dir);
    await afterLogout.core.start();
    expect(await afterLogout.core.signInIfFirstRun(DEMO)).toBe(false);
    expect(await afterLogout.value('getSession')).toEqual({ agent: null, serverUrl: backend.url });
  });

  it('ends the session on a 401: signed out, token dropped', async () => {
    const r = await signedIn();
    const token = storedToken(r.dir);
    // Revoke the token behind the core's back, as an admin or an expiry would.
    const revoked = await fetch(`${backend.url}/api/v1/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(200);
    expect(await r.call('pull', { cursor: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
    expect(await r.value('getSession')).toEqual({ agent: null, serverUrl: backend.url });
    expect(r.core.connectivity()).toMatchObject({
      state: 'signed_out',
      lastError: expect.stringContaining('sign in again'),
    });
    expect(storedToken(r.dir)).toBeNull();
    expect(r.eventsOf('sessionChanged').at(-1)).toEqual({ agent: null, serverUrl: backend.url });
  });

  it('backs off while the backend is down and recovers when it returns', async () => {
    const r = await signedIn();
    const seen = () => r.eventsOf('connectivityChanged');
    const start = seen().length;

    await backend.kill('SIGKILL');
    await waitUntil('the stream to notice', () => r.core.connectivity().state !== 'online');
    const failed = await r.call('pull', { cursor: 0, limit: 10 });
    expect(failed).toMatchObject({ ok: false, error: { code: 'offline' } });
    expect(r.core.connectivity()).toMatchObject({
      state: 'offline',
      lastError: expect.stringMatching(/reach|answer/),
    });
    // Several attempts, each announced with the time of the next one, spaced by the backoff.
    await waitUntil(
      'a few retries',
      () =>
        new Set(
          seen()
            .slice(start)
            .map((c) => c.retryAt)
            .filter(Boolean),
        ).size >= 3,
      20_000,
    );
    const retryAts = seen()
      .slice(start)
      .map((c) => c.retryAt)
      .filter((t): t is string => typeof t === 'string');
    expect(retryAts.every((t) => !Number.isNaN(Date.parse(t)))).toBe(true);

    await backend.restart();
    await waitUntil('back online', () => r.core.connectivity().state === 'online', 20_000);
    expect(await r.call('pull', { cursor: 0, limit: 10 })).toMatchObject({ ok: true });
    expect(r.core.connectivity()).toMatchObject({ lastError: null, retryAt: null });
  }, 60_000);
});
