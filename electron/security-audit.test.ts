// Electron's security checklist (https://www.electronjs.org/docs/latest/tutorial/security),
// one test per item, each pointing at where the item is enforced. The per-policy unit tests
// sit beside each policy in electron/core/security/; this file is the audit that walks the
// whole list and feeds the policies hostile input. It also starts the real glue (mesa-app.ts)
// and the preload on a stand-in `electron` module and checks what they actually asked
// Electron for; a source grep is left only where no behaviour can show the rule (audit 13).
// SECURITY.md maps items to these tests.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { app, fake, ipcRenderer, type FakeBrowserWindow } from './app/testing/fake-electron';
import { tempDist } from './app/testing/temp-dist';
import { startMesaApp } from './app/mesa-app';
import { APP_ENTRY_URL, APP_ORIGIN, APP_SCHEME } from './core/security/app-origin';
import { contentSecurityPolicy } from './core/security/content-security-policy';
import { checkIpcSender, type FrameLike } from './core/security/ipc-sender';
import { decideNavigation, decideRedirect, decideWindowOpen } from './core/security/navigation-policy';
import { decidePermission } from './core/security/permission-policy';
import { APP_PARTITION, mainWindowOptions } from './core/security/window-options';

vi.mock('electron', () => import('./app/testing/fake-electron'));
vi.mock('electron-updater', () => import('./app/testing/fake-electron-updater'));

const HOSTILE_URLS = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'file:///etc/passwd',
  'file://evil.test/share/payload.html',
  'data:text/html,<script>alert(1)</script>',
  'https://app.example.com.evil.test/',
  `${APP_ORIGIN}.evil.test/`,
  `${APP_ORIGIN}@evil.test/`,
  'app://mesa:8080/',
  'app://MESA.evil.test/',
  'http://127.0.0.1:1/',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'view-source:app://mesa/',
  'mesa://ticket/../../etc',
  'https://user:pass@evil.test/',
  '',
  'not a url',
];

/** Every .ts file under a folder, for the source greps. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/**
 * The renderer built the way every host serves it, into a folder of this run's own: a stale
 * or absent dist/ must not decide audit 7b, and npm test runs before any build. Minifying and
 * source maps change nothing in index.html, so they are off to keep this quick.
 */
let builtRendererHtml = '';
/** The window the app opened, and the preferences it really got. */
let window: FakeBrowserWindow;
let prefs: ReturnType<typeof mainWindowOptions>['webPreferences'];
const { distDir } = tempDist();

beforeAll(async () => {
  await startMesaApp({ distDir, env: {}, argv: [], log: () => {} }).ready;
  window = fake.windows[0]!;
  prefs = window.options.webPreferences as typeof prefs;
  // The preload runs in a page: it watches the window for drops.
  vi.stubGlobal('window', new EventTarget());
  await import('./preload/preload');
  vi.unstubAllGlobals();
}, 60_000);
afterAll(() => {
  app.emit('before-quit');
});

beforeAll(async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'mesa-audit-renderer-'));
  await build({
    configFile: 'renderer/vite.config.ts',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, sourcemap: false, minify: false },
  });
  builtRendererHtml = readFileSync(join(outDir, 'index.html'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
}, 120_000);

describe("Electron's security checklist", () => {
  it('0. the app opens exactly one window, with the audited options', () => {
    expect(fake.windows).toHaveLength(1);
    const { webPreferences, ...rest } = mainWindowOptions(join(distDir, 'preload.cjs'));
    expect(window.options).toEqual({ ...rest, webPreferences });
  });

  it('1. only secure content: the page loads from app:// and may connect nowhere else (CSP default-src none, connect-src self)', () => {
    const csp = parseCsp(contentSecurityPolicy());
    expect(csp['default-src']).toEqual(["'none'"]);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(prefs.allowRunningInsecureContent).toBe(false);
  });

  it('2. Node.js integration off for remote content (and workers, sub-frames)', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('3. context isolation on in every renderer', () => {
    expect(prefs.contextIsolation).toBe(true);
  });

  it('4. process sandboxing on', () => {
    expect(prefs.sandbox).toBe(true);
  });

  it('5. permission request handler: only notifications and persistent-storage, only our origin, main frame', () => {
    for (const permission of [
      'media',
      'geolocation',
      'clipboard-read',
      'usb',
      'serial',
      'hid',
      'openExternal',
      'fullscreen',
      'midiSysex',
      'pointerLock',
    ])
      expect(
        decidePermission(permission, { requestingUrl: `${APP_ORIGIN}/`, isMainFrame: true }, APP_ORIGIN),
      ).toBe(false);
    for (const url of HOSTILE_URLS)
      expect(decidePermission('notifications', { requestingUrl: url, isMainFrame: true }, APP_ORIGIN)).toBe(
        false,
      );
    expect(
      decidePermission('notifications', { requestingUrl: `${APP_ORIGIN}/`, isMainFrame: false }, APP_ORIGIN),
    ).toBe(false);
    expect(
      decidePermission('notifications', { requestingUrl: `${APP_ORIGIN}/`, isMainFrame: true }, APP_ORIGIN),
    ).toBe(true);
  });

  it('6. webSecurity stays on', () => {
    expect(prefs.webSecurity).toBe(true);
  });

  it('7. a Content Security Policy: no inline script, no eval, no objects, no frames, no base-uri, not framable', () => {
    const csp = parseCsp(contentSecurityPolicy());
    expect(csp['script-src']).toEqual(["'self'"]);
    for (const directive of Object.values(csp)) {
      expect(directive).not.toContain("'unsafe-inline'");
      expect(directive).not.toContain("'unsafe-eval'");
      expect(directive).not.toContain('*');
    }
    expect(csp).toMatchObject({
      'object-src': ["'none'"],
      'frame-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
  });

  it('7b. the BUILT renderer HTML works under that CSP: every script external and same-origin, no inline handlers', () => {
    const html = builtRendererHtml;
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/?(?!\/|[a-z]+:)/i);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/javascript:/i);
  });

  it('8. experimental features off', () => {
    expect(prefs.experimentalFeatures).toBe(false);
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('9. no enableBlinkFeatures on any window the app opens', () => {
    app.emit('activate'); // macOS dock click: no second window while one is open
    expect(fake.windows).toHaveLength(1);
    for (const opened of fake.windows)
      expect(opened.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });

  it('10. <webview> disabled (webviewTag false; will-attach-webview prevented on every WebContents)', () => {
    expect(prefs.webviewTag).toBe(false);
    expect(window.webContents.attachWebview().prevented).toBe(true);
  });

  it('11. navigation limited to our origin: hostile and look-alike URLs denied, never opened externally unless plain http(s)', () => {
    for (const url of HOSTILE_URLS) {
      expect(decideNavigation(url, APP_ORIGIN).action, url).toBe('deny');
      expect(decideRedirect(url, APP_ORIGIN).action, url).toBe('deny');
      const decision = decideNavigation(url, APP_ORIGIN);
      const external = decision.action === 'deny' ? decision.openExternally : null;
      if (external !== null) expect(new URL(external).protocol, url).toMatch(/^https?:$/);
    }
    expect(decideNavigation(`${APP_ORIGIN}/tickets/1`, APP_ORIGIN).action).toBe('allow');
  });

  it('12. window creation denied: every window.open is refused in-app; only plain http(s) goes to the browser', () => {
    for (const url of HOSTILE_URLS) {
      const decision = decideWindowOpen(url);
      expect(decision.action).toBe('deny');
      if (decision.openExternally !== null)
        expect(['http:', 'https:'], url).toContain(new URL(decision.openExternally).protocol);
    }
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'data:text/html,x',
      'https://user:pass@evil.test/',
      `${APP_ORIGIN}/`,
    ])
      expect(decideWindowOpen(url).openExternally, url).toBeNull();
  });

  it('13. shell.openExternal only ever gets a policy-filtered http(s) URL, whatever the page asks for', () => {
    const before = fake.openedExternally.length;
    for (const url of [...HOSTILE_URLS, 'https://docs.example.com/help', 'http://intranet.example/kb']) {
      window.webContents.navigate('will-navigate', url);
      window.webContents.navigate('will-redirect', url);
      window.webContents.windowOpenHandler!({ url });
    }
    const opened = fake.openedExternally.slice(before);
    expect(opened).toContain('https://docs.example.com/help');
    for (const url of opened) {
      const parsed = new URL(url);
      expect(['http:', 'https:'], url).toContain(parsed.protocol);
      expect(parsed.username + parsed.password, url).toBe('');
    }
    // Code paths no event here reaches: no call passes the page's URL straight through.
    const calls = sources('electron').flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/openExternal\(([^)]*)\)/g)].map((m) => `${file}: ${m[1]}`),
    );
    for (const call of calls) expect(call).not.toMatch(/event\.url|details\.url|request\.url/);
  });

  it('14. a known Electron: one declared major, and it is the one installed, so what is audited is what ships', () => {
    const declared = (
      JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }
    ).devDependencies.electron!;
    // A caret or exact version: moving to a new major (and its security fixes) is a deliberate change.
    expect(declared).toMatch(/^\^?\d+\.\d+\.\d+$/);
    const installed = (
      JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string }
    ).version;
    expect(installed.split('.')[0]).toBe(declared.replace('^', '').split('.')[0]);
  });

  it('15. the sender of every IPC message is validated: forged sub-frames, foreign origins and dead frames refused', () => {
    const main: FrameLike = { url: `${APP_ORIGIN}/`, parent: null };
    const forged: Array<FrameLike | null | undefined> = [
      null,
      undefined,
      { url: `${APP_ORIGIN}/`, parent: null }, // same URL, but not the main frame object
      { url: `${APP_ORIGIN}/`, parent: main }, // a sub-frame of ours
      ...HOSTILE_URLS.map((url) => ({ url, parent: null })),
      Object.defineProperty({ parent: null }, 'url', {
        get: () => {
          throw new Error('Object has been destroyed');
        },
      }) as FrameLike,
    ];
    for (const frame of forged)
      expect(checkIpcSender(frame, main, APP_ORIGIN), JSON.stringify(frame ?? null)).not.toBeNull();
    for (const url of HOSTILE_URLS) {
      const navigatedAway: FrameLike = { url, parent: null };
      expect(checkIpcSender(navigatedAway, navigatedAway, APP_ORIGIN), url).not.toBeNull();
    }
    expect(checkIpcSender(main, main, APP_ORIGIN)).toBeNull();
  });

  it('16. file:// not used: the window loads app://mesa/, which the window’s own session serves', async () => {
    expect(window.loadedUrl).toBe(APP_ENTRY_URL);
    const serve = fake.sessions.get(APP_PARTITION)!.protocolHandlers.get(APP_SCHEME)!;
    expect((await serve(new Request(APP_ENTRY_URL))).status).toBe(200);
  });

  it('17. the window has its own persistent session, not the shared default; no command-line switches at all', () => {
    expect(prefs.partition).toBe(APP_PARTITION);
    expect(APP_PARTITION).toMatch(/^persist:./);
    expect(fake.sessions.get('')?.protocolHandlers.size ?? 0).toBe(0);
    expect(fake.sandboxEnabled).toBe(true);
    // The console needs no Chromium switch, so any (disable-web-security, no-sandbox,
    // ignore-certificate-errors, remote-debugging-port, js-flags…) is a finding.
    expect(fake.commandLine).toEqual([]);
  });

  it('18. fuses flipped in the build: RunAsNode, NODE_OPTIONS and --inspect off; asar integrity and asar-only on', () => {
    const require = createRequire(import.meta.url);
    // electron-builder flips these (build/electron-fuses.test.ts runs its code on a stand-in binary).
    const config = require('../build/electron-builder.config.cjs') as {
      electronFuses?: Record<string, boolean>;
    };
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('19. the preload exposes named functions only, never ipcRenderer itself', () => {
    expect([...fake.exposed.keys()]).toEqual(['mesa']);
    const mesa = fake.exposed.get('mesa') as Record<string, unknown>;
    for (const [name, member] of Object.entries(mesa)) {
      expect(typeof member, name).toBe('function');
      expect(member, name).not.toBe(ipcRenderer);
    }
  });
});

function parseCsp(header: string): Record<string, string[]> {
  return Object.fromEntries(
    header
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name, ...values] = part.split(/\s+/);
        return [name!, values];
      }),
  );
}
