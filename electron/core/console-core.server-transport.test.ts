// The console core refuses to send the password or the token over plain http:// to another
// machine (server-transport-policy.ts), at sign-in and when a stored session is restored.
// fetch is recorded: the proof is that no request carrying credentials was ever made.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Fetch } from './backend-http';
import { recordingCore } from '../testing/recording-core';

const DEMO = { email: 'agent@example.com', password: 'mesa-demo' };
const AGENT = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  name: 'Ana',
  email: DEMO.email,
  role: 'agent' as const,
};

interface SentRequest {
  url: string;
  authorization: string | null;
  body: string | null;
}

/** Records every request and answers none, as a network with no server would. */
function recordingFetch(): { fetch: Fetch; sent: SentRequest[] } {
  const sent: SentRequest[] = [];
  const fetch: Fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    sent.push({
      url: String(input),
      authorization: headers.get('authorization'),
      body: typeof init?.body === 'string' ? init.body : null,
    });
    throw new TypeError('fetch failed', {
      cause: Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }),
    });
  };
  return { fetch, sent };
}

const running: Array<ReturnType<typeof recordingCore>> = [];
afterEach(() => {
  for (const r of running.splice(0)) r.core.stop();
});

function core(serverUrl: string | null, dir = mkdtempSync(join(tmpdir(), 'mesa-transport-'))) {
  const network = recordingFetch();
  const r = recordingCore(dir, serverUrl, { fetch: network.fetch });
  running.push(r);
  return { ...r, ...network, dir };
}

const storeSession = (dir: string, serverUrl: string) =>
  writeFileSync(
    join(dir, 'session.json'),
    JSON.stringify({ serverUrl, token: 'stored-token-1234567890', agent: AGENT }),
  );

describe('no password or token over plain http to another machine', () => {
  it.each(['http://10.0.0.5:4000', 'http://mesa.acme.test', 'http://[::ffff:10.0.0.5]:4000'])(
    'refuses to sign in to %s with insecure_server, before any request',
    async (serverUrl) => {
      const r = core(null);
      await r.core.start();
      const answer = await r.call('login', { serverUrl, ...DEMO });
      expect(answer).toMatchObject({ ok: false, error: { code: 'insecure_server' } });
      expect(r.sent).toEqual([]);
      expect(await r.value('getSession')).toEqual({ agent: null, serverUrl: null });
    },
  );

  it('tries https:// and loopback http:// servers (here no server answers: offline, not refused)', async () => {
    const r = core(null);
    await r.core.start();
    for (const serverUrl of ['https://mesa.acme.test', 'http://127.0.0.1:9']) {
      expect(await r.call('login', { serverUrl, ...DEMO })).toMatchObject({
        ok: false,
        error: { code: 'offline' },
      });
    }
    expect(r.sent.map((s) => s.url)).toEqual([
      'https://mesa.acme.test/api/v1/auth/login',
      'http://127.0.0.1:9/api/v1/auth/login',
    ]);
    expect(r.sent[0]!.body).toContain(DEMO.password);
  });

  it('does not restore a remembered session on a plain-http remote server: signed out, and the token is never sent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-transport-'));
    storeSession(dir, 'http://mesa.acme.test:4000');
    const r = core(null, dir);
    await r.core.start();
    expect(await r.value('getSession')).toEqual({ agent: null, serverUrl: 'http://mesa.acme.test:4000' });
    expect(r.core.connectivity().state).toBe('signed_out');
    expect(await r.call('pull', { cursor: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    expect(r.sent.filter((s) => s.authorization)).toEqual([]);
    // Nothing saved is thrown away: signing in again over https replaces it.
    expect(readFileSync(join(dir, 'session.json'), 'utf8')).toContain('stored-token-1234567890');
  });

  it('does not send a remembered https session’s token to a plain-http remote server this launch was pointed at', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-transport-'));
    storeSession(dir, 'https://mesa.acme.test');
    const r = core('http://10.0.0.5:4000', dir);
    await r.core.start();
    expect(await r.value('getSession')).toEqual({ agent: null, serverUrl: 'http://10.0.0.5:4000' });
    expect(await r.call('pull', { cursor: 0, limit: 10 })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    expect(await r.call('login', { serverUrl: 'http://10.0.0.5:4000', ...DEMO })).toMatchObject({
      ok: false,
      error: { code: 'insecure_server' },
    });
    expect(r.sent.filter((s) => s.authorization || s.body)).toEqual([]);
  });

  it('restores a remembered session on https: the token goes to that server', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-transport-'));
    storeSession(dir, 'https://mesa.acme.test');
    const r = core(null, dir);
    await r.core.start();
    expect(await r.value('getSession')).toMatchObject({ agent: { email: DEMO.email } });
    await r.call('pull', { cursor: 0, limit: 10 });
    expect(
      r.sent.find((s) => s.url.startsWith('https://mesa.acme.test/api/v1/sync/pull'))?.authorization,
    ).toBe('Bearer stored-token-1234567890');
  });
});
