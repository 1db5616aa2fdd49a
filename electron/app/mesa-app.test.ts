// The Electron glue, started with a stubbed `electron` module (no binary here) against a real
// backend: window options, the app:// protocol and its CSP, navigation and window.open,
// permissions, IPC registration and sender checks, deep links, notifications, demo sign-in.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { INVOKE_CHANNELS, wireChannel } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';
import { waitUntil } from '../testing/wait-until';
import { app, fake, safeStorage, type FakeBrowserWindow, type FakeFrame } from './testing/fake-electron';
import { tempDist } from './testing/temp-dist';
import { APP_PARTITION } from '../core/security/window-options';
import { startMesaApp } from './mesa-app';
import { APP_CSP } from './app-protocol';

vi.mock('electron', () => import('./testing/fake-electron'));
vi.mock('electron-updater', () => import('./testing/fake-electron-updater'));

let backend: BackendProcess;
let window: FakeBrowserWindow;
const userData = mkdtempSync(join(tmpdir(), 'mesa-userdata-'));
const { distDir } = tempDist();
const logs: string[] = [];

beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true, demoTickets: 5 });
  const { ready } = startMesaApp({
    distDir,
    env: { MESA_BACKEND_URL: backend.url, MESA_DEMO_LOGIN: '1', MESA_USER_DATA_DIR: userData },
    argv: ['/opt/mesa/mesa', 'mesa://ticket/INC-1042'],
    log: (m) => logs.push(m),
  });
  await ready;
  window = fake.windows[0]!;
}, 90_000);
afterAll(async () => {
  app.emit('before-quit');
  await backend?.stop();
});

type Invoke = (event: unknown, payload?: unknown) => Promise<IpcResult<unknown>>;
const handler = (channel: string) => fake.ipcHandlers.get(wireChannel(channel as never)) as unknown as Invoke;
const fromMainFrame = () => ({ senderFrame: window.webContents.mainFrame, sender: window.webContents });
/** The session the window runs in: where its protocol and permission handlers must be. */
const windowSession = () =>
  fake.sessions.get(String((window.options.webPreferences as { partition?: unknown }).partition));

describe('the Electron app (stubbed electron)', () => {
  it('opens one window, isolated and sandboxed, with the bundled preload, on app://mesa/', () => {
    expect(fake.windows).toHaveLength(1);
    expect(window.options.webPreferences).toMatchObject({
      preload: join(distDir, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(window.loadedUrl).toBe('app://mesa/');
  });

  it('sandboxes every renderer (app.enableSandbox, before ready)', () => {
    expect(fake.sandboxEnabled).toBe(true);
  });

  it('runs the window in its own persistent partition, which alone serves app:// and holds the permission handlers', () => {
    expect(window.options.webPreferences).toMatchObject({ partition: APP_PARTITION });
    const own = windowSession()!;
    expect(own.protocolHandlers.has('app')).toBe(true);
    expect(own.permissionRequestHandler).not.toBeNull();
    expect(own.permissionCheckHandler).not.toBeNull();
    // The default session, shared with anything else the app might open, has none of it.
    const shared = fake.sessions.get('');
    expect(shared?.protocolHandlers.size ?? 0).toBe(0);
    expect(shared?.permissionRequestHandler ?? null).toBeNull();
  });

  it('serves the renderer over a privileged app:// scheme with the CSP as a header', async () => {
    expect(fake.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
    const serve = windowSession()!.protocolHandlers.get('app')!;
    const page = await serve(new Request('app://mesa/tickets/INC-1'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(APP_CSP).toContain("script-src 'self'");
    expect(await page.text()).toContain('<title>Mesa</title>');
    // URL parsing already folds the dots; whatever is left stays under dist/renderer.
    for (const path of [
      '%2e%2e/%2e%2e/etc/passwd',
      '..%2f..%2f..%2fetc%2fpasswd',
      'assets/..%5c..%5cpasswd',
    ]) {
      expect(await (await serve(new Request(`app://mesa/${path}`))).text()).not.toContain('root:');
    }
    expect((await serve(new Request('app://other/'))).status).toBe(404);
  });

  it('registers exactly one IPC handler per channel of the table', () => {
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(INVOKE_CHANNELS.map(wireChannel).sort());
  });

  it('answers our main frame, and refuses a sub-frame, a missing frame and a foreign origin', async () => {
    const getSession = handler('getSession');
    expect(await getSession(fromMainFrame())).toMatchObject({ ok: true });

    const main = window.webContents.mainFrame;
    const subFrame: FakeFrame = { url: 'app://mesa/', parent: main };
    const forbidden = { ok: false, error: { code: 'forbidden_sender' } };
    expect(await getSession({ senderFrame: subFrame, sender: window.webContents })).toMatchObject(forbidden);
    expect(await getSession({ senderFrame: null, sender: window.webContents })).toMatchObject(forbidden);
    const foreign: FakeFrame = { url: 'https://app.example.com.evil.test/', parent: null };
    expect(await getSession({ senderFrame: foreign, sender: { mainFrame: foreign } })).toMatchObject(
      forbidden,
    );
    const lookalike: FakeFrame = { url: 'app://mesa.evil/', parent: null };
    expect(await getSession({ senderFrame: lookalike, sender: { mainFrame: lookalike } })).toMatchObject(
      forbidden,
    );
  });

  it('validates payloads at the door', async () => {
    expect(await handler('pull')(fromMainFrame(), { cursor: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_request' },
    });
  });

  it('signs in the demo agent on the first run; the page gets the agent, the disk gets ciphertext', async () => {
    const session = (await handler('getSession')(fromMainFrame())) as IpcResult<{
      agent: { email: string } | null;
    }>;
    expect(session).toMatchObject({
      ok: true,
      value: { agent: { email: 'agent@example.com' }, serverUrl: backend.url },
    });
    const file = join(userData, 'session.bin');
    expect(existsSync(file)).toBe(true);
    const raw = readFileSync(file);
    const { result } = await safeStorage.decryptStringAsync(raw);
    const token = (JSON.parse(result) as { token: string }).token;
    expect(token.length).toBeGreaterThan(10);
    expect(raw.toString()).not.toContain(token);
    expect(JSON.stringify(session)).not.toContain(token);
  });

  it('keeps the page on its origin and sends web links to the browser only', () => {
    const contents = window.webContents;
    expect(contents.navigate('will-navigate', 'app://mesa/tickets').prevented).toBe(false);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'app://mesa.evil/',
      'https://app.example.com.evil.test/',
    ]) {
      expect(contents.navigate('will-navigate', url).prevented).toBe(true);
      expect(contents.navigate('will-redirect', url).prevented).toBe(true);
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    expect(fake.openedExternally).toEqual([
      'https://app.example.com.evil.test/',
      'https://app.example.com.evil.test/',
    ]);
  });

  it('grants notifications to our main frame only, and nothing else to anyone', () => {
    const decide = (permission: string, requestingUrl: string, isMainFrame = true) => {
      let granted: boolean | null = null;
      (windowSession()!.permissionRequestHandler as unknown as (...a: unknown[]) => void)(
        window.webContents,
        permission,
        (g: boolean) => (granted = g),
        { requestingUrl, isMainFrame },
      );
      const checked = (windowSession()!.permissionCheckHandler as unknown as (...a: unknown[]) => boolean)(
        window.webContents,
        permission,
        requestingUrl,
        { requestingUrl, isMainFrame },
      );
      expect(checked).toBe(granted);
      return granted;
    };
    expect(decide('notifications', 'app://mesa/')).toBe(true);
    expect(decide('notifications', 'https://evil.test/')).toBe(false);
    expect(decide('notifications', 'app://mesa/', false)).toBe(false);
    expect(decide('media', 'app://mesa/')).toBe(false);
    expect(decide('geolocation', 'app://mesa/')).toBe(false);
  });

  it('delivers the launch deep link once the page has loaded, and a second instance’s link at once', () => {
    const opened = () =>
      window.webContents.sent.filter((m) => m.channel === 'mesa:openTicket').map((m) => m.payload);
    expect(opened()).toEqual([]);
    window.webContents.emit('did-finish-load');
    expect(opened()).toEqual([{ number: 'INC-1042' }]);
    app.emit('second-instance', {}, ['/opt/mesa/mesa', 'mesa://ticket/SR-7'], '/');
    app.emit('second-instance', {}, ['/opt/mesa/mesa', 'mesa://evil/../x'], '/');
    expect(opened()).toEqual([{ number: 'INC-1042' }, { number: 'SR-7' }]);
    expect(fake.defaultProtocolClients).toContain('mesa');
  });

  it('shows a native notification whose click opens the ticket', async () => {
    const ticketId = '0190a0a0-0000-7000-8000-000000000009';
    const shown = await handler('showNotification')(fromMainFrame(), {
      tag: 'sla:1',
      title: 'SLA',
      body: 'INC-1 breaches in 10 min',
      ticketId,
    });
    expect(shown).toEqual({ ok: true, value: { shown: true } });
    fake.notifications.at(-1)!.emit('click');
    expect(window.webContents.sent.at(-1)).toEqual({ channel: 'mesa:openTicket', payload: { ticketId } });
  });

  it('puts the attention count in the tray, and the menu speaks the system language', async () => {
    expect(await handler('setAttentionCount')(fromMainFrame(), { count: 3 })).toEqual({
      ok: true,
      value: { ok: true },
    });
    expect(fake.trays[0]!.tooltip).toBe('Mesa: 3 tickets requieren atención');
    const menu = fake.applicationMenu as { template: Array<{ label?: string }> };
    expect(menu.template.map((m) => m.label)).toEqual(['Archivo', 'Edición', 'Ver', 'Ventana', 'Ayuda']);
  });

  it('forwards core events to the window', async () => {
    await handler('logout')(fromMainFrame());
    await waitUntil('sessionChanged to reach the page', () =>
      window.webContents.sent.find(
        (m) => m.channel === 'mesa:sessionChanged' && (m.payload as { agent: unknown }).agent === null,
      ),
    );
  });

  it('quits at once as a second instance', () => {
    fake.singleInstance = false;
    const windows = fake.windows.length;
    startMesaApp({ distDir, env: {}, argv: [], log: () => {} });
    expect(fake.quitCalled).toBe(true);
    expect(fake.windows).toHaveLength(windows);
  });
});
