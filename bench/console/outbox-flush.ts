import { v7 as uuidv7 } from 'uuid';
import { LIMITS } from '../../shared/index';
import { compared, r2, type BenchResult } from '../bench-result';
import { signInAt } from './backend-client';
import type { ConsoleRig } from './harness';
import { outboxState, writeOfflineComments } from './page-scripts';
import { QUEUE_ROW } from './screen-scripts';

/**
 * The console's push batch (SyncCoordinator's pushBatchSize cap: the server's per-request
 * limit), for a like-for-like baseline. Short comments, so the console's byte budget per
 * request (PUSH_BATCH_MAX_BYTES) does not cut its batches smaller.
 */
const BATCH = LIMITS.mutationsPerPush;

/**
 * The laptop goes offline (the proxy between the browser host and the backend refuses
 * everything), `count` comments are written through the console's own mutation path, the
 * network comes back; the time from the console being online again until the outbox is
 * empty (every mutation answered by the server: the "not synced" marks go with it), and
 * until the pull after the push has brought every touched ticket's server copy. Baseline: the same
 * number of comment.add mutations pushed straight to the backend over HTTP, in the
 * console's batch size, one batch after another.
 * Needs the page-entry bundle evaluated; leaves the page reloaded, without it.
 */
export async function outboxFlush(
  { backend, network, page }: ConsoleRig,
  count: number,
): Promise<BenchResult[]> {
  // For the baseline, from the cache while the bundle is there: the reload below drops it.
  const ticketIds = (await page.evaluate(`(async () => {
    const { MesaDb, queueQuery } = globalThis.__mesaBench;
    const db = new MesaDb(); await db.open();
    const rows = await queueQuery({ kind: 'all', state: 'open', sort: 'sla', limit: 500 }, db);
    db.close();
    return rows.map((t) => t.id);
  })()`)) as string[];
  network.setOffline(true);
  // 'offline' or 'reconnecting', whichever the host reports first (as triage-offline.spec.ts waits).
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-testid="connectivity"]')?.dataset.state !== 'online',
    undefined,
    {
      timeout: 120_000,
      polling: 250,
    },
  );
  const written = (await page.evaluate(writeOfflineComments(count, 'Offline note'))) as {
    tickets: number;
    refused: number;
    outbox: number;
  };
  console.error(
    `bench: offline: ${count} comments on ${written.tickets} tickets, ${written.refused} refused locally, outbox ${written.outbox}`,
  );
  // The console's memory view learns of the writes of its own connection only: restarted
  // (still offline), it reads the bench's from the cache, as after a restart with work queued.
  await page.reload();
  await page.locator(QUEUE_ROW).first().waitFor({ state: 'visible', timeout: 300_000 });

  // The clock starts when the console is back online: how soon the host notices the
  // network is its reconnect backoff's business, reported beside it.
  const restored = Date.now();
  network.setOffline(false);
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('[data-testid="connectivity"]')?.dataset.state === 'online',
    undefined,
    {
      timeout: 120_000,
      polling: 50,
    },
  );
  const started = Date.now();
  let state = { outbox: written.outbox, rejections: 0, pendingRows: written.tickets };
  const poll = async (until: () => boolean, what: string) => {
    while (!until()) {
      if (Date.now() - started > 300_000) throw new Error(`${what} after 300 s: ${JSON.stringify(state)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      state = (await page.evaluate(outboxState)) as typeof state;
    }
    return (Date.now() - started) / 1000;
  };
  const flushS = await poll(() => state.outbox === 0, 'outbox not flushed');
  // Settling leaves each ticket's row (and its pending count) to the pull that brings the server's copy.
  const pulledS = await poll(() => state.pendingRows === 0, 'tickets still counting pending changes');
  const reconnectS = (started - restored) / 1000;
  console.error(
    `bench: back online ${reconnectS.toFixed(2)} s after the network; outbox flushed ${flushS.toFixed(2)} s later, every server copy pulled after ${pulledS.toFixed(2)} s, ${state.rejections} refused changes on record`,
  );

  // The same work without the console: ticket ids from the cache, fresh mutation ids.
  const agent = await signInAt(backend.url, 'agent@example.com');
  const mutations = Array.from({ length: count }, (_, i) => ({
    id: uuidv7(),
    type: 'comment.add',
    args: {
      ticketId: ticketIds[i % ticketIds.length],
      commentId: uuidv7(),
      body: `Direct note ${i}`,
      visibility: 'internal',
    },
  }));
  const directStart = Date.now();
  for (let i = 0; i < mutations.length; i += BATCH) await agent.push(mutations.slice(i, i + BATCH));
  const directS = (Date.now() - directStart) / 1000;
  return [
    ...compared(
      { name: 'console.outbox_flush_1k', value: r2(flushS), unit: 's', n: written.outbox },
      { name: 'backend.push_direct_1k', value: r2(directS), n: count },
    ),
    { name: 'console.outbox_flush_pulled_1k', value: r2(pulledS), unit: 's', n: written.tickets },
    { name: 'console.reconnect_noticed', value: r2(reconnectS), unit: 's', n: 1 },
  ];
}
