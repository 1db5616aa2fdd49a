import { v7 as uuidv7 } from 'uuid';
import { compared, r2, type BenchResult } from '../bench-result';
import { signInAt } from './backend-client';
import type { ConsoleRig } from './harness';
import { watchRowTitle } from './page-scripts';
import { percentile } from './percentiles';

const p95 = (samples: number[]): number => percentile(samples, 95);

/**
 * Agent A (admin, plain HTTP) renames a ticket that agent B's console shows in its open
 * queue; the time from A sending the push to the new title in B's DOM (SSE poke → pull →
 * Dexie liveQuery → React). Baseline: A's push round trip alone, i.e. the server applied it.
 * Expects B's page on a queue with rows.
 */
export async function changeToScreen({ backend, page }: ConsoleRig, runs: number): Promise<BenchResult[]> {
  const colleague = await signInAt(backend.url, 'admin@example.com');
  const ticketId = await page.locator('[data-testid="ticket-row"]').first().getAttribute('data-ticket-id');
  if (!ticketId) throw new Error('no row in the open queue');
  const toScreen: number[] = [];
  const pushed: number[] = [];
  for (let i = 0; i < runs; i++) {
    const marker = `bench-${Date.now().toString(36)}-${i}`;
    await page.evaluate(watchRowTitle(ticketId, marker));
    const sent = Date.now();
    const [result] = await colleague.push([
      { id: uuidv7(), type: 'ticket.update', args: { ticketId, title: `Change to screen ${marker}` } },
    ]);
    pushed.push(Date.now() - sent);
    if (result?.status !== 'applied') throw new Error(`push refused: ${JSON.stringify(result)}`);
    await page.waitForFunction(
      () => (globalThis as unknown as { __mesaSeenAt: number }).__mesaSeenAt > 0,
      undefined,
      { timeout: 30_000, polling: 100 },
    );
    const seenAt = (await page.evaluate(
      () => (globalThis as unknown as { __mesaSeenAt: number }).__mesaSeenAt,
    )) as number;
    toScreen.push(seenAt - sent);
    // Apart, so each change is its own poke rather than riding on the previous pull.
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  console.error(`bench: change-to-screen ms: ${toScreen.join(' ')}`);
  return compared(
    { name: 'console.change_to_screen_p95', value: r2(p95(toScreen)), unit: 'ms', n: runs },
    { name: 'backend.push_roundtrip_p95', value: r2(p95(pushed)), n: runs },
  );
}
