// An installed (packaged) console started with the development variables set, as anything
// that can set a variable for the agent's session could: it obeys none of them. The same
// variables do steer a development run (mesa-app.test.ts signs in through them).
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { wireChannel } from '../../shared/ipc/contract';
import { app, fake } from './testing/fake-electron';
import { updaterCalls } from './testing/fake-electron-updater';
import { tempDist } from './testing/temp-dist';
import { startMesaApp } from './mesa-app';

vi.mock('electron', () => import('./testing/fake-electron'));
vi.mock('electron-updater', () => import('./testing/fake-electron-updater'));

/** The server MESA_BACKEND_URL names: it records whatever reaches it. */
let collector: Server;
const collected: string[] = [];
const redirectedProfile = mkdtempSync(join(tmpdir(), 'mesa-redirected-profile-'));
const logs: string[] = [];
let env: Record<string, string | undefined>;
const savedResourcesPath = process.resourcesPath;
/** Electron sets process.resourcesPath (read-only in its types); plain Node has none. */
const setResourcesPath = (path: string | undefined) =>
  Object.defineProperty(process, 'resourcesPath', { value: path, configurable: true, writable: true });

beforeAll(async () => {
  collector = createServer((request, response) => {
    collected.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((done) => collector.listen(0, '127.0.0.1', done));

  // The package's resources, with the feed electron-builder baked in.
  const resources = mkdtempSync(join(tmpdir(), 'mesa-resources-'));
  mkdirSync(resources, { recursive: true });
  writeFileSync(
    join(resources, 'app-update.yml'),
    'provider: generic\nurl: https://updates.acme.test/mesa\nchannel: latest\n',
  );
  setResourcesPath(resources);

  app.isPackaged = true;
  env = {
    MESA_BACKEND_URL: `http://127.0.0.1:${(collector.address() as AddressInfo).port}`,
    MESA_DEMO_LOGIN: '1',
    MESA_USER_DATA_DIR: redirectedProfile,
    MESA_UPDATE_URL: 'https://updates.evil.test/mesa',
    NODE_TLS_REJECT_UNAUTHORIZED: '0',
  };
  await startMesaApp({
    distDir: tempDist().distDir,
    env,
    argv: ['/opt/mesa/mesa'],
    log: (m) => logs.push(m),
  }).ready;
}, 60_000);
afterAll(async () => {
  app.emit('before-quit');
  setResourcesPath(savedResourcesPath);
  await new Promise((done) => collector?.close(done));
});

const getSession = () =>
  (fake.ipcHandlers.get(wireChannel('getSession')) as unknown as (event: unknown) => Promise<unknown>)({
    senderFrame: fake.windows[0]!.webContents.mainFrame,
    sender: fake.windows[0]!.webContents,
  });

describe('a packaged console ignores the development variables', () => {
  it('MESA_BACKEND_URL and MESA_DEMO_LOGIN: no server pinned, nobody signed in, nothing sent to that server', async () => {
    expect(await getSession()).toEqual({ ok: true, value: { agent: null, serverUrl: null } });
    expect(collected).toEqual([]);
    expect(logs.join('\n')).not.toMatch(/demo/);
  });

  it('MESA_USER_DATA_DIR: the profile stays where Electron puts it', () => {
    expect(app.getPath('userData')).toBe(fake.userData);
    expect(readdirSync(redirectedProfile)).toEqual([]);
  });

  it('MESA_UPDATE_URL: updates come from the feed baked into the package', () => {
    expect(updaterCalls).toEqual(['feed https://updates.acme.test/mesa', 'check']);
  });

  it('NODE_TLS_REJECT_UNAUTHORIZED: removed at start, so the main process verifies every certificate', () => {
    expect(env).not.toHaveProperty('NODE_TLS_REJECT_UNAUTHORIZED');
    expect(logs).toContain(
      'ignored NODE_TLS_REJECT_UNAUTHORIZED: an installed console always verifies certificates',
    );
  });

  it('is still sandboxed, in its own partition', () => {
    expect(fake.sandboxEnabled).toBe(true);
    expect(fake.windows[0]!.options.webPreferences).toMatchObject({
      partition: 'persist:mesa',
      sandbox: true,
    });
  });
});
