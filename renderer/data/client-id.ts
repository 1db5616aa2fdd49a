import { v7 as uuidv7 } from 'uuid';
import type { MesaDb } from './db';
import { readMeta, writeMeta } from './meta';

/** This install's id for the server (made once, kept in meta, survives sign-outs). */
export async function ensureClientId(db: MesaDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await readMeta(db, 'clientId');
    if (existing) return existing;
    const clientId = uuidv7();
    await writeMeta(db, 'clientId', clientId);
    return clientId;
  });
}
