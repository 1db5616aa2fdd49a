import { v7 as uuidv7 } from 'uuid';

/** A colleague at the backend over plain HTTP (CONTRACT §2): sign in, push mutations. */
export interface BackendClient {
  push(mutations: Array<{ id: string; type: string; args: unknown }>): Promise<Array<{ id: string; status: string; code?: string }>>;
}

export async function signInAt(baseUrl: string, email: string, password = 'mesa-demo'): Promise<BackendClient> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!login.ok) throw new Error(`login ${email}: HTTP ${login.status}`);
  const { token } = (await login.json()) as { token: string };
  const clientId = uuidv7();
  return {
    async push(mutations) {
      const response = await fetch(`${baseUrl}/api/v1/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ clientId, mutations }),
      });
      if (!response.ok) throw new Error(`push: HTTP ${response.status} ${await response.text()}`);
      return ((await response.json()) as { results: Array<{ id: string; status: string; code?: string }> }).results;
    },
  };
}
