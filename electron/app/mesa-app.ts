import { join, resolve } from 'node:path';
import { app, ipcMain, session, shell, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { wireChannel, type EventPayload } from '../../shared/ipc/contract';
import { createConsoleCore, type ConsoleCore } from '../core/console-core';
import { DEMO_CREDENTIALS } from '../core/demo-account';
import { DEEP_LINK_SCHEME, findDeepLink, parseDeepLink } from '../core/deep-link';
import { devOverrides, weakeningVariables } from '../core/dev-overrides';
import { createIpcRouter } from '../core/ipc-router';
import { APP_PARTITION } from '../core/security/window-options';
import { installAppMenu } from './app-menu';
import { checkForUpdates } from './auto-update';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpcHandlers, verifyElectronSender } from './ipc-main';
import { createMainWindow, focusWindow } from './main-window';
import { NotificationCenter } from './notifications';
import { installPermissionHandlers } from './permissions';
import { openCredentialStore } from './secure-credential-store';
import { createAttentionTray, type AttentionTray } from './tray';
import { hardenWebContents } from './web-hardening';

/**
 * The Electron app: everything that needs Electron, wired around the host-agnostic core.
 * A development run (not packaged) also obeys MESA_BACKEND_URL, MESA_DEMO_LOGIN=1 and
 * MESA_USER_DATA_DIR; an installed one ignores them (core/dev-overrides.ts).
 */
export interface MesaAppOptions {
  /** dist/electron: where main.cjs and preload.cjs are; the renderer is in ../renderer. */
  distDir: string;
  env?: NodeJS.ProcessEnv;
  argv?: readonly string[];
  log?: (message: string) => void;
}

export interface MesaApp {
  /** Resolves once the window is created (or the app quits as a second instance). */
  ready: Promise<void>;
}

export function startMesaApp({
  distDir,
  env = process.env,
  argv = process.argv,
  log = (m) => console.log(`[mesa] ${m}`),
}: MesaAppOptions): MesaApp {
  for (const name of weakeningVariables(env, { packaged: app.isPackaged })) {
    // `env` is process.env outside tests: Node reads it again on every TLS connection.
    delete env[name];
    log(`ignored ${name}: an installed console always verifies certificates`);
  }
  const dev = devOverrides(env, { packaged: app.isPackaged });
  if (dev.userDataDir) app.setPath('userData', resolve(dev.userDataDir));
  if (!app.requestSingleInstanceLock()) {
    // The first instance gets our argv (and any mesa:// link) through 'second-instance'.
    app.quit();
    return { ready: Promise.resolve() };
  }
  // Every renderer sandboxed, whatever created it; Electron requires this before 'ready'.
  app.enableSandbox();
  registerAppScheme();
  registerDeepLinkScheme(argv);

  let mainWindow: BrowserWindow | null = null;
  let tray: AttentionTray | null = null;
  let rendererLoaded = false;
  const pendingLinks: Array<EventPayload<'openTicket'>> = [];

  const openExternal = (url: string) =>
    void shell.openExternal(url).catch((error: unknown) => log(`openExternal failed: ${String(error)}`));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, openExternal));

  const showWindow = () => focusWindow(mainWindow);
  const deliverLink = (link: EventPayload<'openTicket'> | null) => {
    if (!link) return;
    showWindow();
    if (rendererLoaded && core) core.events.emit('openTicket', link);
    else pendingLinks.push(link);
  };
  app.on('second-instance', (_event, secondArgv) => {
    showWindow();
    deliverLink(findDeepLink(secondArgv));
  });
  // macOS delivers links as events, also before 'ready'.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deliverLink(parseDeepLink(url));
  });

  const notifications = new NotificationCenter((ticketId) => deliverLink({ ticketId }));
  let core: ConsoleCore | null = null;

  function openWindow(): void {
    const window = createMainWindow(join(distDir, 'preload.cjs'));
    window.webContents.on('did-finish-load', () => {
      rendererLoaded = true;
      for (const link of pendingLinks.splice(0)) core?.events.emit('openTicket', link);
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
      rendererLoaded = false;
    });
    mainWindow = window;
  }

  async function whenReady(): Promise<void> {
    await app.whenReady();
    const ses = session.fromPartition(APP_PARTITION);
    serveAppProtocol(ses, join(distDir, '..', 'renderer'));
    installPermissionHandlers(ses);

    const consoleCore = createConsoleCore({
      store: await openCredentialStore(app.getPath('userData'), log),
      serverUrl: dev.backendUrl,
      host: {
        appInfo: () => ({
          host: 'electron',
          version: app.getVersion(),
          locale: app.getLocale(),
          platform: process.platform,
          ...(env.MESA_DEMO_LOGIN === '1' ? { demoAccount: { ...DEMO_CREDENTIALS } } : {}),
        }),
        showNotification: (request) => notifications.show(request),
        setAttentionCount: (count) => tray?.setCount(count),
      },
      log,
    });
    const router = createIpcRouter<IpcMainInvokeEvent>({
      handlers: consoleCore.handlers,
      verifySender: verifyElectronSender,
      onUnexpectedError: (channel, error) =>
        log(`${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
    });
    registerIpcHandlers(ipcMain, router);
    consoleCore.events.onAny((event, payload) => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(wireChannel(event), payload);
    });
    core = consoleCore;

    await consoleCore.start();
    if (dev.demoLogin) {
      await consoleCore.signInIfFirstRun(DEMO_CREDENTIALS).then(
        (signedIn) => signedIn && log(`signed in as the demo agent ${DEMO_CREDENTIALS.email}`),
        (error: unknown) =>
          log(`demo sign-in failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }

    installAppMenu();
    tray = createAttentionTray(app.getLocale(), showWindow);
    openWindow();
    deliverLink(findDeepLink(argv));
    checkForUpdates(env, log);
  }

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    // macOS: the dock icon was clicked with no window open.
    if (!mainWindow && core) openWindow();
  });
  app.on('before-quit', () => {
    core?.stop();
    tray?.destroy();
  });

  const ready = whenReady().catch((error: unknown) => {
    log(`startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    app.exit(1);
  });
  return { ready };
}

/** mesa:// opens this app. Run unpackaged (electron .), Electron needs the script path to relaunch us. */
function registerDeepLinkScheme(argv: readonly string[]): void {
  if (process.defaultApp && argv[1])
    app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath, [resolve(argv[1])]);
  else app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
}
