import type { SessionAgent } from '../../shared/index';
import type { MesaDb } from './db';
import { readMeta, writeMeta } from './meta';

/**
 * The cache belongs to one agent on one server. A cursor means nothing to another server,
 * and an outbox made by one agent must never be pushed as another, so a sign-in as someone
 * else (or against another server) starts from an empty cache. The install's clientId stays.
 */
export function ownerKey(serverUrl: string | null, agentId: string): string {
  let origin = serverUrl ?? '';
  try {
    if (serverUrl) origin = new URL(serverUrl).origin;
  } catch {
    // Not a URL: compare it as written.
  }
  return `${origin}#${agentId}`;
}

/** Records who is signed in; returns true when the cache was emptied for a new owner. */
export async function adoptSession(
  db: MesaDb,
  serverUrl: string | null,
  agent: SessionAgent,
): Promise<boolean> {
  const owner = ownerKey(serverUrl, agent.id);
  return db.transaction('rw', db.tables, async () => {
    const previous = await readMeta(db, 'owner');
    const reset = previous !== undefined && previous !== owner;
    if (reset) {
      const clientId = await readMeta(db, 'clientId');
      await Promise.all(db.tables.map((table) => table.clear()));
      if (clientId) await writeMeta(db, 'clientId', clientId);
    }
    await writeMeta(db, 'owner', owner);
    await writeMeta(db, 'sessionAgent', agent);
    return reset;
  });
}

/** Signed out: the cache stays readable, but no change can be made as anyone. */
export async function forgetSessionAgent(db: MesaDb): Promise<void> {
  await writeMeta(db, 'sessionAgent', null);
}
