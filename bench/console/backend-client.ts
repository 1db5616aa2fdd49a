import { v7 as uuidv7 } from 'uuid';

/** A colleague at the backend over plain HTTP (docs/http-api.md): sign in, push mutations. */
export interface BackendClient {
  push(
    mutations: Array<{ id: string; type: string; args: unknown }>,
  ): Promise<Array<{ id: string; status: string; code?: string }>>;
}

/**
 * The backend's latest change sequence, as its event stream announces it on connect: the
 * cursor a console holds once it has pulled everything the server had.
 */
export async function latestSeq(baseUrl: string, email: string, password = 'mesa-demo'): Promise<number> {
  const token = await signInToken(baseUrl, email, password);
  const abort = new AbortController();
  const response = await fetch(`${baseUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
  const decoder = new TextDecoder();
  let text = '';
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      const announced = /event: changes\ndata: \{"cursor":(\d+)\}/.exec(text);
      if (announced) return Number(announced[1]);
    }
  } finally {
    abort.abort();
  }
  throw new Error('events: the stream ended before announcing a cursor');
}

async function signInToken(baseUrl: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login ${email}: HTTP ${login.status}`);
  return ((await login.json()) as { token: string }).token;
}

export async function signInAt(
  baseUrl: string,
  email: string,
  password = 'mesa-demo',
): Promise<BackendClient> {
  const token = await signInToken(baseUrl, email, password);
  const clientId = uuidv7();
  return {
    async push(mutations) {
      const response = await fetch(`${baseUrl}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId, mutations }),
      });
      if (!response.ok) throw new Error(`push: HTTP ${response.status} ${await response.text()}`);
      return ((await response.json()) as { results: Array<{ id: string; status: string; code?: string }> })
        .results;
    },
  };
}
