import type { ChaosClient } from './chaos-client';
import { readCursor } from '../../renderer/data/meta';

/**
 * After the chaos: sync every client until each outbox is empty and each cursor has
 * reached the server's, twice in a row (a push by one client moves the server for all).
 */
export async function settleAll(
  clients: ChaosClient[],
  serverCursor: () => Promise<number>,
  timeoutMs: number,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  let quietRounds = 0;
  while (Date.now() < until) {
    for (const client of clients) await client.coordinator.sync();
    for (const client of clients) await client.coordinator.whenIdle();
    const target = await serverCursor();
    let done = true;
    for (const client of clients) {
      if ((await client.db.outbox.count()) > 0 || (await readCursor(client.db)) < target) done = false;
    }
    quietRounds = done ? quietRounds + 1 : 0;
    if (quietRounds >= 2) return true;
    if (!done) await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
