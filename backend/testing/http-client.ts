/** A small fetch wrapper for tests: JSON in, status + parsed body out, never throws on 4xx/5xx. */
export interface HttpResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
  /** Sent as JSON unless it is a string or bytes (then sent as is). */
  body?: unknown;
}

export class HttpClient {
  constructor(
    readonly baseUrl: string,
    public token?: string,
  ) {}

  withToken(token: string): HttpClient {
    return new HttpClient(this.baseUrl, token);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<HttpResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? this.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Uint8Array | undefined;
    if (typeof options.body === 'string' || options.body instanceof Uint8Array) {
      body = options.body as string | Uint8Array;
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(this.baseUrl + path, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  get<T = unknown>(path: string, options?: RequestOptions) {
    return this.request<T>('GET', path, options);
  }
  post<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('POST', path, { ...options, body });
  }
  put<T = unknown>(path: string, body?: unknown, options?: RequestOptions) {
    return this.request<T>('PUT', path, { ...options, body });
  }
}

/**
 * A client signed in to the backend at `baseUrl` (a demo-seeded one by default: the
 * demo agent), for tests that talk to a real backend process. Throws if sign-in fails.
 */
export async function signIn(
  baseUrl: string,
  credentials = { email: 'agent@example.com', password: 'mesa-demo' },
): Promise<HttpClient> {
  const res = await new HttpClient(baseUrl).post<{ token: string }>('/api/v1/auth/login', credentials);
  if (res.status !== 200)
    throw new Error(`sign-in as ${credentials.email} failed: ${res.status} ${res.text}`);
  return new HttpClient(baseUrl, res.body.token);
}
