import BetterSqlite3 from 'better-sqlite3';
import { join } from 'node:path';

/**
 * The truth to compare against: everything pulled fresh from the backend (directly, not
 * through a proxy) with a login of its own, and the backend's ledger of mutation ids.
 */
export interface ServerState {
  cursor: number;
  tickets: Map<string, Record<string, unknown>>;
  comments: Map<string, Record<string, unknown>>;
}

export async function login(serverUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`reference login failed: HTTP ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** Folds the whole change feed: the last upsert of each id is its state, a delete removes it. */
export async function pullEverything(serverUrl: string, token: string): Promise<ServerState> {
  const state: ServerState = { cursor: 0, tickets: new Map(), comments: new Map() };
  for (;;) {
    const res = await fetch(`${serverUrl}/api/v1/sync/pull?cursor=${state.cursor}&limit=1000`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw new Error(`reference pull failed: HTTP ${res.status}`);
    const page = (await res.json()) as {
      changes: Array<{ entity: string; id: string; op: string; data?: Record<string, unknown> }>;
      cursor: number;
      hasMore: boolean;
    };
    for (const change of page.changes) {
      const table =
        change.entity === 'ticket' ? state.tickets : change.entity === 'comment' ? state.comments : null;
      if (!table) continue;
      if (change.op === 'delete') table.delete(change.id);
      else table.set(change.id, change.data ?? {});
    }
    state.cursor = page.cursor;
    if (!page.hasMore) return state;
  }
}

export interface LedgerRow {
  id: string;
  type: string;
  status: 'applied' | 'rejected';
  code: string | null;
}

/** The backend's record of every mutation id it answered (its primary key makes each id appear once). */
export function readLedger(dataDir: string): Map<string, LedgerRow> {
  const sqlite = new BetterSqlite3(join(dataDir, 'mesa.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite.prepare('select id, type, status, code from applied_mutations').all() as LedgerRow[];
    return new Map(rows.map((row) => [row.id, row]));
  } finally {
    sqlite.close();
  }
}
