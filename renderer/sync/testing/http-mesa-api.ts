import {
  MesaError,
  loginResponseSchema,
  pullResponseSchema,
  pushResponseSchema,
  snapshotResponseSchema,
  type Connectivity,
  type EventChannel,
  type EventPayload,
  type InvokeRequest,
  type InvokeResponse,
  type IpcErrorCode,
  type MesaApi,
  type Session,
} from '../../../shared/index';

/**
 * A test-only MesaApi that talks to a real backend over HTTP with fetch, standing in for
 * the main process in unit tests that run the renderer's sync code in jsdom. Transport
 * only: the coordinator and the Dexie code under test are the real ones. It can be told
 * to act offline, and to lose the answer to the next push after the server has applied it
 * (what a reload or a dropped connection mid-push looks like to the renderer).
 */
export class HttpMesaApi implements MesaApi {
  #serverUrl: string;
  #token: string | null = null;
  #agent: Session['agent'] = null;
  #offline = false;
  #loseNextPushAnswer = false;
  #listeners = new Map<EventChannel, Set<(payload: never) => void>>();
  /** Every push request that reached the server, for assertions about order and batching. */
  readonly pushes: Array<InvokeRequest<'push'>> = [];

  constructor(serverUrl: string) {
    this.#serverUrl = serverUrl.replace(/\/$/, '');
  }

  /** While offline every call fails with MesaError('offline'), like the main process with no connection. */
  setOffline(offline: boolean): void {
    this.#offline = offline;
    this.emit('connectivityChanged', this.#connectivity());
  }

  /** The next push reaches the server, which applies it, and then its answer is lost. */
  loseNextPushAnswer(): void {
    this.#loseNextPushAnswer = true;
  }

  emit<E extends EventChannel>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.#listeners.get(event) ?? [])
      (listener as (p: EventPayload<E>) => void)(payload);
  }

  on<E extends EventChannel>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.#listeners.get(event) ?? new Set();
    set.add(listener as (payload: never) => void);
    this.#listeners.set(event, set);
    return () => set.delete(listener as (payload: never) => void);
  }

  async login(request: InvokeRequest<'login'>): Promise<Session> {
    this.#serverUrl = request.serverUrl.replace(/\/$/, '');
    const body = loginResponseSchema.parse(
      await this.#request(
        'POST',
        '/api/v1/auth/login',
        { email: request.email, password: request.password },
        false,
      ),
    );
    this.#token = body.token;
    this.#agent = body.agent;
    const session = await this.getSession();
    this.emit('sessionChanged', session);
    return session;
  }

  async logout(): Promise<Session> {
    this.#token = null;
    this.#agent = null;
    return this.getSession();
  }

  async getSession(): Promise<Session> {
    return { agent: this.#agent, serverUrl: this.#serverUrl };
  }

  async getConnectivity(): Promise<Connectivity> {
    return this.#connectivity();
  }

  async pull(request: InvokeRequest<'pull'>): Promise<InvokeResponse<'pull'>> {
    const query = `?cursor=${request.cursor}&limit=${request.limit}`;
    return pullResponseSchema.parse(await this.#request('GET', `/api/v1/sync/pull${query}`));
  }

  async snapshot(request: InvokeRequest<'snapshot'>): Promise<InvokeResponse<'snapshot'>> {
    const cursor = request.cursor === undefined ? '' : `&cursor=${encodeURIComponent(request.cursor)}`;
    return snapshotResponseSchema.parse(
      await this.#request('GET', `/api/v1/sync/snapshot?limit=${request.limit}${cursor}`),
    );
  }

  async push(request: InvokeRequest<'push'>): Promise<InvokeResponse<'push'>> {
    if (!this.#offline) this.pushes.push(structuredClone(request));
    const answer = pushResponseSchema.parse(await this.#request('POST', '/api/v1/sync/push', request));
    if (this.#loseNextPushAnswer) {
      this.#loseNextPushAnswer = false;
      throw new MesaError('offline', 'The connection dropped before the answer arrived.');
    }
    return answer;
  }

  async getAppInfo(): Promise<InvokeResponse<'getAppInfo'>> {
    return { host: 'browser', version: 'test', locale: 'en', platform: 'test' };
  }

  uploadAttachment(): Promise<InvokeResponse<'uploadAttachment'>> {
    return unsupported('uploadAttachment');
  }

  downloadAttachment(): Promise<InvokeResponse<'downloadAttachment'>> {
    return unsupported('downloadAttachment');
  }

  async showNotification(): Promise<InvokeResponse<'showNotification'>> {
    return { shown: false };
  }

  async setAttentionCount(): Promise<InvokeResponse<'setAttentionCount'>> {
    return { ok: true };
  }

  #connectivity(): Connectivity {
    const state = this.#offline ? 'offline' : this.#token ? 'online' : 'signed_out';
    return { state, serverUrl: this.#serverUrl, lastError: null, retryAt: null, lastSyncAt: null };
  }

  async #request(method: 'GET' | 'POST', path: string, body?: unknown, authorized = true): Promise<unknown> {
    if (this.#offline)
      throw new MesaError('offline', 'No connection to the server (test transport is offline).');
    if (authorized && !this.#token) throw new MesaError('signed_out', 'Not signed in.');
    let response: Response;
    try {
      response = await fetch(`${this.#serverUrl}${path}`, {
        method,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(authorized ? { authorization: `Bearer ${this.#token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new MesaError('offline', `The server did not answer: ${(error as Error).message}`);
    }
    const json: unknown = await response.json().catch(() => null);
    if (!response.ok) throw new MesaError(errorCodeOf(response.status), messageOf(json, response.status));
    return json;
  }
}

function errorCodeOf(status: number): IpcErrorCode {
  if (status === 401) return 'unauthorized';
  if (status === 429) return 'rate_limited';
  if (status === 413) return 'too_large';
  if (status === 404) return 'not_found';
  return status >= 500 ? 'server_error' : 'invalid_request';
}

function messageOf(json: unknown, status: number): string {
  const error = (json as { error?: { message?: unknown } } | null)?.error;
  return typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
}

function unsupported(channel: string): Promise<never> {
  return Promise.reject(new MesaError('unknown_channel', `${channel} is not part of the test transport.`));
}
