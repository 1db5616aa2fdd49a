// One table, three doors (docs/conventions.md): the channels Electron's main registers, the functions the
// preload exposes, and the channels the browser host serves are each exactly the table.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket } from 'ws';
import { EVENT_CHANNELS, INVOKE_CHANNELS, PRELOAD_LOCAL_MEMBERS, wireChannel } from '../shared/ipc/contract';
import {
  WIRE_PROTOCOL,
  decodeWireMessage,
  encodeWireMessage,
  secretProtocol,
} from '../shared/ipc/wire-codec';
import { fake } from './app/testing/fake-electron';
import { tempDist } from './app/testing/temp-dist';
import { startMesaApp } from './app/mesa-app';
import { startBrowserHost, type BrowserHost } from './browser-host/browser-host';
import { waitUntil } from './testing/wait-until';

vi.mock('electron', () => import('./app/testing/fake-electron'));
vi.mock('electron-updater', () => import('./app/testing/fake-electron-updater'));

const table = [...INVOKE_CHANNELS].sort();
let host: BrowserHost;

beforeAll(async () => {
  const { distDir, rendererDir } = tempDist();
  await startMesaApp({
    distDir,
    env: { MESA_USER_DATA_DIR: mkdtempSync(join(tmpdir(), 'mesa-surface-')) },
    argv: [],
    log: () => {},
  }).ready;
  // The preload runs in a page: it watches the window for drops (dropped files' paths).
  vi.stubGlobal('window', new EventTarget());
  await import('./preload/preload');
  vi.unstubAllGlobals();
  host = await startBrowserHost({
    staticDir: rendererDir,
    dataDir: mkdtempSync(join(tmpdir(), 'mesa-surface-bh-')),
  });
});
afterAll(async () => {
  await host?.close();
});

/** What the browser host answers for a channel: anything but unknown_channel means it serves it. */
async function servedByBrowserHost(channels: string[]): Promise<string[]> {
  const socket = new WebSocket(
    `ws://127.0.0.1:${host.port}/ipc`,
    [WIRE_PROTOCOL, secretProtocol(host.secret)],
    { origin: host.origin },
  );
  const replies = new Map<number, { ok: boolean; error?: { code: string } }>();
  socket.on('message', (data) => {
    const m = decodeWireMessage(data.toString()) as {
      id?: number;
      result?: { ok: boolean; error?: { code: string } };
    };
    if (typeof m.id === 'number' && m.result) replies.set(m.id, m.result);
  });
  await new Promise((resolve) => socket.once('open', resolve));
  // A payload no channel accepts: the answer is invalid_request if served, unknown_channel if not.
  channels.forEach((channel, id) =>
    socket.send(encodeWireMessage({ id, channel, payload: { probe: true } })),
  );
  await waitUntil('every reply', () => replies.size === channels.length);
  socket.close();
  return channels.filter((_, id) => replies.get(id)?.error?.code !== 'unknown_channel').sort();
}

describe('the IPC surface', () => {
  it('main registers exactly the table', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(table.map(wireChannel).sort());
  });

  it('the preload exposes exactly the table, plus on() for the table’s events and the members it answers without IPC', () => {
    const mesa = fake.exposed.get('mesa') as Record<string, unknown>;
    const local: readonly string[] = PRELOAD_LOCAL_MEMBERS;
    expect(
      Object.keys(mesa)
        .filter((k) => k !== 'on' && !local.includes(k))
        .sort(),
    ).toEqual(table);
    expect(typeof mesa.on).toBe('function');
    expect(EVENT_CHANNELS.length).toBeGreaterThan(0);
    for (const name of local) expect(typeof mesa[name], name).toBe('function');
  });

  it('a preload-local member is never a channel: main does not register it and the browser host does not serve it', async () => {
    const local: readonly string[] = PRELOAD_LOCAL_MEMBERS;
    const names = new Set<string>([...INVOKE_CHANNELS, ...EVENT_CHANNELS, 'on']);
    for (const name of local) expect(names.has(name), name).toBe(false);
    for (const name of local) expect(fake.ipcHandlers.has(`mesa:${name}`), name).toBe(false);
    expect(await servedByBrowserHost([...local])).toEqual([]);
  });

  it('the browser host serves exactly the table', async () => {
    expect(await servedByBrowserHost([...table, 'notInTheTable', 'constructor', '__proto__'])).toEqual(table);
  });
});
