import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PROTOCOL } from '../../shared/ipc/wire-codec';
import { createConsoleCore, type ConsoleCore, type ConsoleCoreOptions } from '../core/console-core';
import { FileCredentialStore } from '../core/credential-store';
import { DEMO_CREDENTIALS } from '../core/demo-account';
import { createIpcRouter } from '../core/ipc-router';
import { contentSecurityPolicy, securityHeaders } from '../core/security/content-security-policy';
import { loadStaticFile } from '../core/static-files';
import { PortInUseError } from './console-port';
import { serveIpcSocket } from './ipc-socket';
import { newLaunchSecret } from './launch-secret';
import { checkUpgrade, parseProtocolsHeader } from './upgrade-check';

/**
 * The console without Electron (ARCHITECTURE.md, "The browser host"): the same core in Node, the
 * built renderer over HTTP on 127.0.0.1, and the IPC contract over a WebSocket guarded by a
 * per-launch secret. Notifications: showNotification answers { shown: false } and the page
 * shows a Web Notification itself, since only the page can ask the browser's permission and
 * a notification from here could not focus the agent's tab.
 */
export interface BrowserHostOptions {
  /** The backend this launch uses (pinned; the sign-in form's default). */
  backendUrl?: string | null;
  staticDir?: string;
  /** 0 picks a free port (tests); the CLI passes a stable one, see console-port.ts. */
  port?: number;
  /** Where the session file (0600) lives. */
  dataDir: string;
  /** Sign in as the demo agent if this data dir never held a session. */
  demoLogin?: boolean;
  version?: string;
  /** For tests: faster backoff, other timeouts. */
  core?: Pick<ConsoleCoreOptions, 'backoff' | 'timeouts' | 'stream' | 'random' | 'clock' | 'fetch'>;
  log?: (message: string) => void;
}

export interface BrowserHost {
  /** http://127.0.0.1:P */
  origin: string;
  port: number;
  secret: string;
  /** The URL to open: the origin with the secret in the fragment (never sent to any server). */
  consoleUrl: string;
  core: ConsoleCore;
  close(): Promise<void>;
}

/** 25 MB attachments grow by a third in base64, plus the JSON around them. */
const MAX_FRAME_BYTES = 40 * 1024 * 1024;

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  const staticDir = resolve(options.staticDir ?? 'dist/renderer');
  const secret = newLaunchSecret();
  const core = createConsoleCore({
    ...options.core,
    store: new FileCredentialStore(join(options.dataDir, 'session.json'), undefined, log),
    serverUrl: options.backendUrl ?? null,
    host: {
      appInfo: () => ({
        host: 'browser',
        version: options.version ?? 'dev',
        locale: Intl.DateTimeFormat().resolvedOptions().locale,
        platform: process.platform,
        ...(options.demoLogin ? { demoAccount: { ...DEMO_CREDENTIALS } } : {}),
      }),
      showNotification: () => ({ shown: false }),
      // The page can put the count in its own title; there is no tray here.
      setAttentionCount: () => {},
    },
    log,
  });
  const router = createIpcRouter<WebSocket>({
    handlers: core.handlers,
    onUnexpectedError: (channel, error) =>
      log(`${channel}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });

  // Filled in once listening: the CSP and the checks need the real port.
  let origin = '';
  let csp = '';

  const server = createServer((request, response) => void serveHttp(request, response));
  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.headers.host !== new URL(origin).host) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request.');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const pathname = new URL(request.url ?? '/', origin).pathname;
    const file = await loadStaticFile(staticDir, pathname);
    response.writeHead(file.status, {
      'content-type': file.contentType,
      'content-length': String(file.body.byteLength),
      'cache-control': file.cacheControl,
      ...securityHeaders(csp),
    });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    perMessageDeflate: false,
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });
  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const verdict = checkUpgrade(
      {
        path: request.url,
        origin: request.headers.origin,
        host: request.headers.host,
        protocols: parseProtocolsHeader(request.headers['sec-websocket-protocol']),
      },
      { origin, secret },
    );
    if (!verdict.ok) {
      log(`refused a socket (${verdict.reason})`);
      socket.end(
        `HTTP/1.1 ${verdict.status} ${verdict.status === 404 ? 'Not Found' : verdict.status === 400 ? 'Bad Request' : 'Forbidden'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) =>
      serveIpcSocket(ws, {
        router,
        events: core.events,
        snapshot: () => ({ session: core.session(), connectivity: core.connectivity() }),
        log,
      }),
    );
  });

  const wanted = options.port ?? 0;
  await new Promise<void>((resolvePromise, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(wanted) : error);
    server.once('error', onError);
    server.listen(wanted, '127.0.0.1', () => {
      server.off('error', onError);
      resolvePromise();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  csp = contentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`] });

  await core.start();
  if (options.demoLogin) {
    await core.signInIfFirstRun(DEMO_CREDENTIALS).then(
      (signedIn) => signedIn && log(`signed in as the demo agent ${DEMO_CREDENTIALS.email}`),
      (error: unknown) =>
        log(`demo sign-in failed: ${error instanceof Error ? error.message : String(error)}`),
    );
  }

  return {
    origin,
    port,
    secret,
    consoleUrl: `${origin}/#secret=${secret}`,
    core,
    async close() {
      core.stop();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}
