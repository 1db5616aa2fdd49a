import { describe, expect, it } from 'vitest';
import type { PullResponse } from '../../shared/sync/wire';
import type { Fetch } from './backend-http';
import { ConnectionService } from './connection-service';
import type { CredentialStore, StoredSession } from './credential-store';

const session: StoredSession = {
  serverUrl: 'http://127.0.0.1:4000',
  token: 'tok',
  agent: { id: 'a1', name: 'Ana', email: 'ana@example.com', role: 'agent' },
};
const carried: PullResponse = {
  changes: [{ seq: 11, entity: 'ticket', id: 't1', op: 'upsert', data: { title: 'VPN' } }],
  cursor: 11,
  hasMore: false,
};
const fromServer: PullResponse = { changes: [], cursor: 11, hasMore: false };

async function signedIn() {
  let stored: StoredSession | null = session;
  const store: CredentialStore = {
    persistent: false,
    read: async () => stored,
    write: async (s) => void (stored = s),
    clear: async () => void (stored = null),
  };
  const requests: string[] = [];
  const fetch: Fetch = async (input) => {
    requests.push(new URL(String(input)).pathname + new URL(String(input)).search);
    return new Response(JSON.stringify(fromServer), { headers: { 'content-type': 'application/json' } });
  };
  const connection = new ConnectionService({
    store,
    fetch,
    observer: { sessionChanged: () => {}, serverAnswered: () => {}, serverUnreachable: () => {} },
  });
  await connection.restore();
  return { connection, requests };
}

describe('a pull the event stream already carried', () => {
  it('is answered from the carried page without a request', async () => {
    const { connection, requests } = await signedIn();
    connection.offerCarried(10, carried);
    expect(await connection.pull(10, 500)).toEqual(carried);
    expect(requests).toEqual([]);
  });

  it('goes to the server from a cursor the page does not cover, and after sign-out', async () => {
    const { connection, requests } = await signedIn();
    connection.offerCarried(10, carried);
    expect(await connection.pull(7, 500)).toEqual(fromServer);
    expect(requests).toEqual(['/api/v1/sync/pull?cursor=7&limit=500']);
    await connection.logout();
    connection.offerCarried(10, carried);
    await expect(connection.pull(10, 500)).rejects.toMatchObject({ code: 'signed_out' });
  });
});
