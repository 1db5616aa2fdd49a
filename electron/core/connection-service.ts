import { z } from 'zod';
import { ipcInvokeChannels, type InvokeResponse, type Session } from '../../shared/ipc/contract';
import { MesaError } from '../../shared/ipc/result';
import {
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  type PullResponse,
  type PushRequest,
  type SessionAgent,
} from '../../shared/sync/wire';
import { snapshotResponseSchema } from '../../shared/sync/snapshot-wire';
import { requestBytes, requestJson, requestNoContent, type Fetch } from './backend-http';
import { CarriedPages } from './carried-pages';
import type { CredentialStore } from './credential-store';
import { decideServerTransport } from './security/server-transport-policy';

/**
 * The agent's connection to the team's server: sign-in, sign-out, and every authenticated
 * call. The token lives here and in the credential store only; what leaves this class for the
 * page is a Session (agent + server URL). A 401 on any call ends the session, because the
 * server has forgotten or revoked the token and retrying cannot help.
 */
export interface ConnectionTimeouts {
  /** Ordinary JSON calls. */
  requestMs: number;
  /** Attachment uploads and downloads (up to 25 MB on a slow link). */
  transferMs: number;
}

export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { requestMs: 15_000, transferMs: 120_000 };

/** How the service tells the rest of the core what happened; console-core wires these. */
export interface ConnectionObserver {
  /** `token` is for the event stream only; it must never be forwarded to the page. */
  sessionChanged(
    session: Session,
    token: string | null,
    how: 'signed_in' | 'restored' | 'signed_out' | 'expired',
  ): void;
  /** The server answered; `synced` when the answer was a pull or push. */
  serverAnswered(synced: boolean): void;
  serverUnreachable(error: MesaError): void;
}

export interface ConnectionServiceOptions {
  store: CredentialStore;
  fetch: Fetch;
  observer: ConnectionObserver;
  timeouts?: ConnectionTimeouts;
  /**
   * The server this launch was pointed at (MESA_BACKEND_URL, --backend-url). It is the
   * sign-in form's default and, when given, replaces a remembered URL: the same server may
   * come back on another port (npm start picks a free one) and its tokens are still good.
   */
  pinnedServerUrl?: string | null;
}

type Current = { serverUrl: string | null; token: string | null; agent: SessionAgent | null };

const healthSchema = z.object({ ok: z.literal(true) });

/** One spelling per server, so "http://h:4000/" and "http://h:4000" are the same remembered URL. */
export function normalizeServerUrl(serverUrl: string): string {
  const url = new URL(serverUrl);
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

/** Before the password or the token is sent anywhere (see server-transport-policy.ts). */
function requireSecureTransport(serverUrl: string): void {
  if (!decideServerTransport(serverUrl).allowed)
    throw new MesaError(
      'insecure_server',
      `${serverUrl} is plain http:// on another machine; the password and session would cross the network unencrypted. Use its https:// address (plain http:// is only allowed to this computer).`,
    );
}

export class ConnectionService {
  private current: Current = { serverUrl: null, token: null, agent: null };
  private readonly timeouts: ConnectionTimeouts;
  private readonly carried = new CarriedPages();

  constructor(private readonly options: ConnectionServiceOptions) {
    this.timeouts = options.timeouts ?? DEFAULT_TIMEOUTS;
    const pinned = options.pinnedServerUrl ? normalizeServerUrl(options.pinnedServerUrl) : null;
    this.current.serverUrl = pinned;
  }

  /** Reads the stored session at start. Returns whether anything had ever been stored (not a first run). */
  async restore(): Promise<boolean> {
    const stored = await this.options.store.read();
    if (!stored) return false;
    const serverUrl = this.current.serverUrl ?? stored.serverUrl;
    // A token is only ever sent where it may go: not to a pinned plain-http server on
    // another machine, nor to one remembered from before the rule. It stays on disk, unused.
    const token = stored.token && decideServerTransport(serverUrl).allowed ? stored.token : null;
    this.current = { serverUrl, token, agent: token ? stored.agent : null };
    if (this.current.token && this.current.agent) {
      this.options.observer.sessionChanged(this.session(), this.current.token, 'restored');
    }
    return true;
  }

  /** What the page may know: never the token. */
  session(): Session {
    return { agent: this.current.token ? this.current.agent : null, serverUrl: this.current.serverUrl };
  }

  get signedIn(): boolean {
    return this.current.token !== null;
  }

  async login(serverUrl: string, email: string, password: string): Promise<Session> {
    const normalized = normalizeServerUrl(serverUrl);
    requireSecureTransport(normalized);
    const answer = await requestJson(
      this.options.fetch,
      normalized,
      {
        method: 'POST',
        path: '/api/v1/auth/login',
        json: { email, password },
        timeoutMs: this.timeouts.requestMs,
      },
      loginResponseSchema,
    );
    this.carried.clear();
    this.current = { serverUrl: normalized, token: answer.token, agent: answer.agent };
    await this.options.store.write({ serverUrl: normalized, token: answer.token, agent: answer.agent });
    this.options.observer.sessionChanged(this.session(), answer.token, 'signed_in');
    return this.session();
  }

  async logout(): Promise<Session> {
    const { serverUrl, token } = this.current;
    if (serverUrl && token) {
      // Best effort: offline, the token is still forgotten here; it expires on the server.
      await requestNoContent(this.options.fetch, serverUrl, {
        method: 'POST',
        path: '/api/v1/auth/logout',
        token,
        timeoutMs: Math.min(this.timeouts.requestMs, 5_000),
      }).catch(() => {});
    }
    await this.forget('signed_out');
    return this.session();
  }

  /** A page the event stream carried: a pull from a cursor it covers is answered from it (carried-pages.ts). */
  offerCarried(after: number, page: PullResponse): void {
    if (this.current.token) this.carried.offer(after, page);
  }

  async pull(cursor: number, limit: number): Promise<InvokeResponse<'pull'>> {
    const carried = this.carried.take(cursor, limit);
    if (carried) {
      // The page came from the server over the open stream: as good a sign of contact as a pull.
      this.options.observer.serverAnswered(true);
      return carried;
    }
    return this.authed(true, (serverUrl, token) =>
      requestJson(
        this.options.fetch,
        serverUrl,
        {
          method: 'GET',
          path: '/api/v1/sync/pull',
          query: { cursor, limit },
          token,
          timeoutMs: this.timeouts.requestMs,
        },
        pullResponseSchema,
      ),
    );
  }

  async snapshot(cursor: string | undefined, limit: number): Promise<InvokeResponse<'snapshot'>> {
    return this.authed(true, (serverUrl, token) =>
      requestJson(
        this.options.fetch,
        serverUrl,
        {
          method: 'GET',
          path: '/api/v1/sync/snapshot',
          query: cursor === undefined ? { limit } : { cursor, limit },
          token,
          timeoutMs: this.timeouts.requestMs,
        },
        snapshotResponseSchema,
      ),
    );
  }

  async push(batch: PushRequest): Promise<InvokeResponse<'push'>> {
    return this.authed(true, (serverUrl, token) =>
      requestJson(
        this.options.fetch,
        serverUrl,
        { method: 'POST', path: '/api/v1/sync/push', json: batch, token, timeoutMs: this.timeouts.requestMs },
        pushResponseSchema,
      ),
    );
  }

  async uploadAttachment(
    sha256: string,
    contentType: string,
    bytes: Uint8Array,
  ): Promise<InvokeResponse<'uploadAttachment'>> {
    return this.authed(false, (serverUrl, token) =>
      requestJson(
        this.options.fetch,
        serverUrl,
        {
          method: 'PUT',
          path: `/api/v1/attachments/${sha256}`,
          bytes,
          contentType,
          token,
          timeoutMs: this.timeouts.transferMs,
        },
        ipcInvokeChannels.uploadAttachment.response,
      ),
    );
  }

  async downloadAttachment(sha256: string): Promise<InvokeResponse<'downloadAttachment'>> {
    return this.authed(false, (serverUrl, token) =>
      requestBytes(this.options.fetch, serverUrl, {
        method: 'GET',
        path: `/api/v1/attachments/${sha256}`,
        token,
        timeoutMs: this.timeouts.transferMs,
      }),
    );
  }

  /** GET /api/v1/health: resolves when the server answers, rejects otherwise. Needs no session. */
  async health(serverUrl: string): Promise<void> {
    await requestJson(
      this.options.fetch,
      serverUrl,
      { method: 'GET', path: '/api/v1/health', timeoutMs: Math.min(this.timeouts.requestMs, 5_000) },
      healthSchema,
    );
  }

  /** The event stream was refused: same as a 401 on a call. */
  async expire(token: string): Promise<void> {
    if (this.current.token === token) await this.forget('expired');
  }

  private async authed<T>(
    synced: boolean,
    call: (serverUrl: string, token: string) => Promise<T>,
  ): Promise<T> {
    const { serverUrl, token } = this.current;
    if (!serverUrl || !token) throw new MesaError('signed_out', 'Sign in first.');
    requireSecureTransport(serverUrl);
    try {
      const value = await call(serverUrl, token);
      this.options.observer.serverAnswered(synced);
      return value;
    } catch (error) {
      if (!(error instanceof MesaError)) throw error;
      if (error.code === 'unauthorized') await this.expire(token);
      else if (error.code === 'offline') this.options.observer.serverUnreachable(error);
      // A refusal (4xx) is still an answer: the server is there. A 5xx may be a proxy in front
      // of a dead server, so it says nothing about reachability.
      else if (error.code !== 'server_error') this.options.observer.serverAnswered(false);
      throw error;
    }
  }

  private async forget(how: 'signed_out' | 'expired'): Promise<void> {
    const serverUrl = this.current.serverUrl;
    this.carried.clear();
    this.current = { serverUrl, token: null, agent: null };
    if (serverUrl) await this.options.store.write({ serverUrl, token: null, agent: null });
    else await this.options.store.clear();
    this.options.observer.sessionChanged(this.session(), null, how);
  }
}
