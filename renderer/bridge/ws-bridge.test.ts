// @vitest-environment node
// The browser-host client: against the real browser host, and against a scripted host for
// the socket dropping and coming back. Node's `ws` stands in for the browser's WebSocket.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { startBrowserHost, type BrowserHost } from '../../electron/browser-host/browser-host';
import { MesaError } from '../../shared/ipc/result';
import {
  WIRE_PROTOCOL,
  decodeWireMessage,
  encodeWireMessage,
  secretProtocol,
} from '../../shared/ipc/wire-codec';
import { takeLaunchSecret } from './launch-secret';
import { toMesaApi } from './mesa-api';
import { createWsBridge, type WebSocketConstructor } from './ws-bridge';

const withOrigin = (origin: string): WebSocketConstructor =>
  class extends WebSocket {
    constructor(url: string, protocols: string[]) {
      super(url, protocols, { origin });
    }
  } as unknown as WebSocketConstructor;

async function until<T>(check: () => T | undefined | false, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the launch secret', () => {
  function places(hash: string, stored: string | null = null) {
    const storage = new Map<string, string>(stored ? [['mesa.hostSecret', stored]] : []);
    const replaced: string[] = [];
    return {
      storage,
      replaced,
      places: {
        location: { hash, pathname: '/tickets', search: '?q=1' },
        history: {
          state: null,
          replaceState: (_s: unknown, _t: string, url?: string | URL | null) =>
            void replaced.push(String(url)),
        },
        storage: {
          getItem: (k: string) => storage.get(k) ?? null,
          setItem: (k: string, v: string) => void storage.set(k, v),
        },
      },
    };
  }

  it('moves the secret from the fragment to sessionStorage and out of the address bar', () => {
    const p = places('#secret=abcdefghijklmnopqrstuvwxyz012345');
    expect(takeLaunchSecret(p.places)).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(p.storage.get('mesa.hostSecret')).toBe('abcdefghijklmnopqrstuvwxyz012345');
    expect(p.replaced).toEqual(['/tickets?q=1']);
  });

  it('finds it again after a reload, and has none without the launch link', () => {
    expect(takeLaunchSecret(places('', 'stored-secret-0123456789').places)).toBe('stored-secret-0123456789');
    expect(takeLaunchSecret(places('#other=1').places)).toBeNull();
  });
});

describe('the WebSocket bridge against the browser host', () => {
  let host: BrowserHost;
  beforeAll(async () => {
    const root = mkdtempSync(join(tmpdir(), 'mesa-wsb-'));
    mkdirSync(join(root, 'renderer'));
    writeFileSync(join(root, 'renderer', 'index.html'), '<!doctype html><title>Mesa</title>');
    host = await startBrowserHost({ staticDir: join(root, 'renderer'), dataDir: join(root, 'data') });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('is a MesaApi: values come back, failures throw MesaError with their code, events arrive', async () => {
    const bridge = createWsBridge({
      url: `ws://127.0.0.1:${host.port}/ipc`,
      secret: host.secret,
      WebSocketImpl: withOrigin(host.origin),
    });
    const mesa = toMesaApi(bridge);
    const sessions: unknown[] = [];
    const off = mesa.on('sessionChanged', (s) => sessions.push(s));
    expect(await mesa.getAppInfo(undefined)).toMatchObject({ host: 'browser' });
    const error = await mesa.pull({ cursor: 0, limit: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MesaError);
    expect((error as MesaError).code).toBe('signed_out');
    await until(() => sessions.length > 0);
    expect(sessions[0]).toEqual({ agent: null, serverUrl: null });
    off();
    bridge.close();
  });

  it('gives up with "offline" when the host refuses it (a stale secret)', async () => {
    const bridge = createWsBridge({
      url: `ws://127.0.0.1:${host.port}/ipc`,
      secret: 'stale-secret-from-an-old-launch-000000',
      WebSocketImpl: withOrigin(host.origin),
      connectWaitMs: 500,
    });
    expect(await bridge.getSession(undefined)).toMatchObject({ ok: false, error: { code: 'offline' } });
    bridge.close();
  });

  it('says how to get in when opened without the launch link', async () => {
    const bridge = createWsBridge({ url: `ws://127.0.0.1:${host.port}/ipc`, secret: null });
    expect(await bridge.getSession(undefined)).toMatchObject({
      ok: false,
      error: { code: 'forbidden_sender' },
    });
  });
});

describe('the WebSocket bridge when the socket drops', () => {
  it('fails calls in flight as offline, queues new ones, and reconnects by itself', async () => {
    const server = new WebSocketServer({ port: 0, host: '127.0.0.1', handleProtocols: () => WIRE_PROTOCOL });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const offered: string[][] = [];
    let answer = true;
    server.on('connection', (socket, request) => {
      offered.push(
        String(request.headers['sec-websocket-protocol'])
          .split(',')
          .map((p) => p.trim()),
      );
      socket.on('message', (data) => {
        const call = decodeWireMessage(data.toString()) as { id: number; channel: string };
        if (!answer) return socket.terminate();
        socket.send(
          encodeWireMessage({
            id: call.id,
            result: { ok: true, value: { channel: call.channel, bytes: new Uint8Array([1, 2, 3]) } },
          }),
        );
      });
    });

    const bridge = createWsBridge({
      url: `ws://127.0.0.1:${port}/ipc`,
      secret: 'the-secret-0123456789',
      WebSocketImpl: WebSocket as unknown as WebSocketConstructor,
      reconnect: { baseMs: 10, maxMs: 50 },
    });
    const first = await bridge.downloadAttachment({ sha256: 'a'.repeat(64) });
    expect(first).toEqual({
      ok: true,
      value: { channel: 'downloadAttachment', bytes: new Uint8Array([1, 2, 3]) },
    });
    expect(offered[0]).toEqual([WIRE_PROTOCOL, secretProtocol('the-secret-0123456789')]);

    answer = false;
    expect(await bridge.getSession(undefined)).toMatchObject({ ok: false, error: { code: 'offline' } });
    answer = true;
    expect(await bridge.getConnectivity(undefined)).toMatchObject({
      ok: true,
      value: { channel: 'getConnectivity' },
    });
    expect(offered.length).toBeGreaterThanOrEqual(2);

    bridge.close();
    await new Promise((r) => server.close(r));
  });
});
