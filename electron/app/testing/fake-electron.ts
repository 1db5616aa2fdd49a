import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A stand-in for the `electron` module, for tests of the glue where no Electron binary
 * exists: `vi.mock('electron', () => import('./testing/fake-electron'))`. It records what the
 * glue asked for (windows and their options, IPC handlers, protocol handlers, permission
 * handlers, exposed preload APIs) in `fake`, and plays Electron's part where the glue
 * depends on it (app events, web-contents-created, a main frame per window).
 */
type Handler = (...args: never[]) => unknown;

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: 'app://mesa/', parent: null };
  readonly sent: Array<{ channel: string; payload: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  /** Emits 'will-attach-webview' as a page with a <webview> tag would. */
  attachWebview(): { prevented: boolean } {
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.emit('will-attach-webview', event, {}, { src: 'https://evil.test/' });
    return { prevented: event.prevented };
  }
  /** Emits a navigation event the way Electron 45 does (details on the event object). */
  navigate(kind: 'will-navigate' | 'will-redirect', url: string): { prevented: boolean } {
    const event = {
      url,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    this.emit(kind, event);
    return { prevented: event.prevented };
  }
}

export const fake = {
  userData: mkdtempSync(join(tmpdir(), 'mesa-fake-userdata-')),
  singleInstance: true,
  locale: 'es-ES',
  linuxBackend: 'gnome_libsecret' as string,
  encryptionAvailable: true,
  windows: [] as FakeBrowserWindow[],
  ipcHandlers: new Map<string, Handler>(),
  privilegedSchemes: [] as unknown[],
  /** Every session the glue asked for, by partition ('' is the default session). */
  sessions: new Map<string, FakeSession>(),
  /** app.enableSandbox() was called (Electron throws if it comes after 'ready'). */
  sandboxEnabled: false,
  /** Chromium switches and arguments the glue appended (app.commandLine). */
  commandLine: [] as string[],
  openedExternally: [] as string[],
  defaultProtocolClients: [] as string[],
  applicationMenu: null as unknown,
  exposed: new Map<string, unknown>(),
  /** What webUtils.getPathForFile answers per File (else '', like a File built in JS); and each File it was asked about. */
  filePaths: new Map<unknown, string>(),
  pathLookups: [] as unknown[],
  invoked: [] as Array<{ channel: string; payload: unknown }>,
  notifications: [] as FakeNotification[],
  trays: [] as Tray[],
  quitCalled: false,
};

/** What the glue installed on one session: its protocol handlers and permission handlers. */
export class FakeSession {
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  readonly protocol = {
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
      void this.protocolHandlers.set(scheme, handler),
  };
  setPermissionRequestHandler = (handler: Handler) => void (this.permissionRequestHandler = handler);
  setPermissionCheckHandler = (handler: Handler) => void (this.permissionCheckHandler = handler);
}

function fakeSession(partition: string): FakeSession {
  let ses = fake.sessions.get(partition);
  if (!ses) fake.sessions.set(partition, (ses = new FakeSession()));
  return ses;
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  private ready = false;
  private readonly paths = new Map<string, string>([['userData', fake.userData]]);
  requestSingleInstanceLock = () => fake.singleInstance;
  quit = () => void (fake.quitCalled = true);
  exit = () => void (fake.quitCalled = true);
  whenReady = () => {
    this.ready = true;
    return Promise.resolve();
  };
  isReady = () => this.ready;
  enableSandbox = () => {
    if (this.ready) throw new Error('app.enableSandbox() must be called before app is ready');
    fake.sandboxEnabled = true;
  };
  getVersion = () => '0.1.0';
  getLocale = () => fake.locale;
  getPath = (name: string) => this.paths.get(name) ?? fake.userData;
  setPath = (name: string, value: string) => void this.paths.set(name, value);
  readonly commandLine = {
    appendSwitch: (name: string, value?: string) =>
      void fake.commandLine.push(value === undefined ? `--${name}` : `--${name}=${value}`),
    appendArgument: (argument: string) => void fake.commandLine.push(argument),
  };
  setAsDefaultProtocolClient = (scheme: string) => {
    fake.defaultProtocolClients.push(scheme);
    return true;
  };
}
export const app = new FakeApp();

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  visible = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    fake.windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  loadFile(path: string): Promise<void> {
    this.loadedUrl = `file://${path}`;
    return Promise.resolve();
  }
  isDestroyed = () => false;
  isMinimized = () => false;
  restore = () => {};
  show = () => void (this.visible = true);
  focus = () => {};
}
export const BrowserWindow = FakeBrowserWindow;

export const ipcMain = {
  handle: (channel: string, handler: Handler) => {
    if (fake.ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
    fake.ipcHandlers.set(channel, handler);
  },
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.privilegedSchemes.push(...schemes),
};

export const session = {
  get defaultSession() {
    return fakeSession('');
  },
  fromPartition: (partition: string) => fakeSession(partition),
};

export const shell = {
  openExternal: (url: string) => {
    fake.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: unknown) => void (fake.applicationMenu = menu),
};

export class Tray extends EventEmitter {
  tooltip = '';
  constructor() {
    super();
    fake.trays.push(this);
  }
  setToolTip = (text: string) => void (this.tooltip = text);
  setTitle = () => {};
  destroy = () => {};
}

export const nativeImage = { createFromDataURL: (url: string) => ({ url }) };

export class FakeNotification extends EventEmitter {
  static isSupported = () => true;
  shownCount = 0;
  constructor(readonly options: { title: string; body: string }) {
    super();
    fake.notifications.push(this);
  }
  show = () => void this.shownCount++;
  close = () => void this.emit('close');
}
export const Notification = FakeNotification;

/** Reversible and visibly not plain text, like the real thing. */
export const safeStorage = {
  getSelectedStorageBackend: () => fake.linuxBackend,
  isAsyncEncryptionAvailable: () => Promise.resolve(fake.encryptionAvailable),
  encryptStringAsync: (text: string) =>
    Promise.resolve(Buffer.from(Buffer.from(text).toString('base64').split('').reverse().join(''))),
  decryptStringAsync: (data: Buffer) =>
    Promise.resolve({
      result: Buffer.from(data.toString().split('').reverse().join(''), 'base64').toString(),
      shouldReEncrypt: false,
    }),
};

export const contextBridge = {
  exposeInMainWorld: (key: string, api: unknown) => void fake.exposed.set(key, api),
};

class FakeIpcRenderer extends EventEmitter {
  send(channel: string, payload: unknown): void {
    fake.invoked.push({ channel, payload });
  }
  invoke(channel: string, payload: unknown): Promise<unknown> {
    fake.invoked.push({ channel, payload });
    return Promise.resolve({ ok: true, value: { echoed: channel } });
  }
}
export const ipcRenderer = new FakeIpcRenderer();

export const webUtils = {
  getPathForFile: (file: File): string => {
    fake.pathLookups.push(file);
    if (typeof File !== 'undefined' && !(file instanceof File)) throw new TypeError('Not a File.');
    return fake.filePaths.get(file) ?? '';
  },
};

export default {
  app,
  BrowserWindow,
  ipcMain,
  protocol,
  session,
  shell,
  Menu,
  Tray,
  nativeImage,
  Notification,
  safeStorage,
  contextBridge,
  ipcRenderer,
  webUtils,
};
