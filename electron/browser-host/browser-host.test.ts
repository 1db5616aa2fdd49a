// The browser host against a real backend process: who may open its socket, the contract
// over it, attachment bytes both ways, the static files and their headers.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import {
  WIRE_PROTOCOL,
  decodeWireMessage,
  encodeWireMessage,
  secretProtocol,
} from '../../shared/ipc/wire-codec';
import { tempDist } from '../app/testing/temp-dist';
import { waitUntil } from '../testing/wait-until';
import { startBrowserHost, type BrowserHost } from './browser-host';

let backend: BackendProcess;
let host: BrowserHost;
const dataDir = mkdtempSync(join(tmpdir(), 'mesa-bh-'));

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true, demoTickets: 5 });
  host = await startBrowserHost({
    backendUrl: backend.url,
    staticDir: tempDist().rendererDir,
    dataDir,
    core: { backoff: { baseMs: 50, maxMs: 400 } },
  });
}, 90_000);
afterAll(async () => {
  await host?.close();
  await backend?.stop();
});

/** A page's socket: opens, records every message, and calls channels by id. */
async function connect(options: { origin?: string; protocols?: string[]; path?: string } = {}) {
  const socket = new WebSocket(
    `ws://127.0.0.1:${host.port}${options.path ?? '/ipc'}`,
    options.protocols ?? [WIRE_PROTOCOL, secretProtocol(host.secret)],
    {
      origin: options.origin ?? host.origin,
    },
  );
  const messages: Array<Record<string, unknown>> = [];
  socket.on('message', (data) =>
    messages.push(decodeWireMessage(data.toString()) as Record<string, unknown>),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    socket.once('error', reject);
  });
  let nextId = 1;
  const call = async (channel: string, payload?: unknown) => {
    const id = nextId++;
    socket.send(encodeWireMessage({ id, channel, payload }));
    const reply = await waitUntil(`reply to ${channel}`, () => messages.find((m) => m.id === id));
    return reply.result as {
      ok: boolean;
      value?: Record<string, unknown>;
      error?: { code: string; message: string };
    };
  };
  return { socket, messages, call };
}

function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: host.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the browser host', () => {
  it('prints a loopback URL with the secret in the fragment only', () => {
    expect(host.consoleUrl).toBe(`http://127.0.0.1:${host.port}/#secret=${host.secret}`);
    expect(host.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the renderer with a strict CSP that allows its own socket', async () => {
    const page = await get('/tickets/INC-1');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Mesa</title>');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${host.port}`);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).not.toContain(host.secret);
  });

  it('answers only requests addressed to 127.0.0.1:port (DNS rebinding)', async () => {
    expect((await get('/', { host: `evil.test:${host.port}` })).status).toBe(421);
  });

  it.each([
    ['no secret', { protocols: [WIRE_PROTOCOL] }],
    ['a wrong secret', { protocols: [WIRE_PROTOCOL, secretProtocol('x'.repeat(43))] }],
    ['no protocol version', { protocols: [secretProtocol('placeholder')] }],
    ['a foreign Origin', { origin: 'https://evil.test' }],
    ['a look-alike Origin', { origin: 'http://127.0.0.1.evil.test' }],
    ['another port', { origin: 'http://127.0.0.1:1' }],
    ['another path', { path: '/other' }],
  ])('refuses a socket with %s', async (_why, options) => {
    await expect(connect(options)).rejects.toThrow(/HTTP (400|403|404)/);
  });

  it('refuses a socket without any Origin (not a browser page)', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}/ipc`, [
      WIRE_PROTOCOL,
      secretProtocol(host.secret),
    ]);
    const status = await new Promise((resolve) =>
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode)),
    );
    expect(status).toBe(403);
  });

  it('serves the contract: state on connect, calls, errors with codes, events', async () => {
    const page = await connect();
    await waitUntil('the state snapshot', () => page.messages.length >= 2);
    expect(page.messages.slice(0, 2).map((m) => m.event)).toEqual(['sessionChanged', 'connectivityChanged']);

    expect(await page.call('getAppInfo')).toMatchObject({ ok: true, value: { host: 'browser' } });
    expect(await page.call('pull', { cursor: 0, limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'signed_out' },
    });
    expect(await page.call('nope')).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(await page.call('pull', { cursor: -1, limit: 5 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
    expect(
      await page.call('showNotification', {
        tag: 't',
        title: 'x',
        body: 'y',
        ticketId: '0190a0a0-0000-7000-8000-000000000009',
      }),
    ).toEqual({
      ok: true,
      value: { shown: false },
    });

    const login = await page.call('login', {
      serverUrl: backend.url,
      email: 'agent@example.com',
      password: 'mesa-demo',
    });
    expect(login).toMatchObject({ ok: true, value: { agent: { email: 'agent@example.com' } } });
    await waitUntil(
      'sessionChanged and a poke over the socket',
      () =>
        page.messages.some((m) => m.event === 'sessionChanged' && (m.payload as { agent: unknown }).agent) &&
        page.messages.some((m) => m.event === 'syncPoke'),
    );
    const pulled = await page.call('pull', { cursor: 0, limit: 5 });
    expect(pulled.ok && (pulled.value!.changes as unknown[]).length).toBe(5);

    // Malformed frames are dropped, and the socket keeps working.
    page.socket.send('not json');
    page.socket.send(JSON.stringify({ id: 'x', channel: 1 }));
    expect(await page.call('getConnectivity')).toMatchObject({ ok: true, value: { state: 'online' } });

    const token = (JSON.parse(readFileSync(join(dataDir, 'session.json'), 'utf8')) as { token: string })
      .token;
    expect(JSON.stringify(page.messages)).not.toContain(token);
    expect(statSync(join(dataDir, 'session.json')).mode & 0o777).toBe(0o600);
    page.socket.close();
  });

  it('carries attachment bytes both ways without damage', async () => {
    const page = await connect();
    if (!(await page.call('getSession')).value!.agent) {
      await page.call('login', { serverUrl: backend.url, email: 'agent@example.com', password: 'mesa-demo' });
    }
    // Every byte value, and more than one base64 chunk.
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7 + (i >> 8)) & 255);
    bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(await page.call('uploadAttachment', { sha256, contentType: 'image/png', bytes })).toMatchObject({
      ok: true,
      value: { sha256, size: bytes.length },
    });
    const down = await page.call('downloadAttachment', { sha256 });
    expect(down.ok).toBe(true);
    const received = down.value!.bytes as Uint8Array;
    expect(received).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(received).equals(Buffer.from(bytes))).toBe(true);
    page.socket.close();
  });
});
