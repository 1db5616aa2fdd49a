import { expect } from 'vitest';
import type { MutationEnvelope, PullResponse, PushResponse, Ticket } from '../../shared/index';
import type { HttpClient } from './http-client';
import { mutations } from './test-backend';

type Create = MutationEnvelope & { args: { ticketId: string } };

export interface CrashPushLoop {
  /** Ticket ids the server answered "applied" for. */
  readonly acknowledged: string[];
  /** The batch the server was handling when the loop stopped (landed whole or not at all). */
  readonly inFlight: Create[];
  /** Stops the loop and waits for its last request (or for the server's death under it). */
  stop(): Promise<void>;
}

/**
 * Pushes batches of 20 ticket creations until stopped or until the server dies under a
 * request: what a console does while its backend is killed. What the server acknowledged
 * must survive the crash.
 */
export function pushCreatesUntilStopped(client: HttpClient): CrashPushLoop {
  const acknowledged: string[] = [];
  let inFlight: Create[] = [];
  let stopped = false;
  const running = (async () => {
    while (!stopped) {
      inFlight = Array.from({ length: 20 }, () => mutations.create());
      try {
        const res = await client.post<PushResponse>('/api/v1/sync/push', {
          clientId: 'crash',
          mutations: inFlight,
        });
        if (res.status !== 200) continue;
        res.body.results.forEach(
          (r, i) => r.status === 'applied' && acknowledged.push(inFlight[i]!.args.ticketId),
        );
      } catch {
        return; // the server died under this request
      }
    }
  })();
  return {
    acknowledged,
    get inFlight() {
      return inFlight;
    },
    async stop() {
      stopped = true;
      await running;
    },
  };
}

/** Every ticket the server holds, by id, pulled from the start of its change log. */
export async function pullTickets(client: HttpClient): Promise<Map<string, Ticket>> {
  const found = new Map<string, Ticket>();
  let cursor = 0;
  for (;;) {
    const page = await client.get<PullResponse>(`/api/v1/sync/pull?cursor=${cursor}&limit=1000`);
    expect(page.status).toBe(200);
    for (const c of page.body.changes)
      if (c.entity === 'ticket') found.set(c.id, c.data as unknown as Ticket);
    cursor = page.body.cursor;
    if (!page.body.hasMore) return found;
  }
}

/**
 * After the crash, through `client` (the restarted server, or another instance): every
 * acknowledged ticket is there, the batch in flight landed whole or not at all, and
 * sending it again applies it once. Returns the tickets after the retry and how many of
 * the batch had landed before it.
 */
export async function expectCrashLostNothing(
  client: HttpClient,
  loop: CrashPushLoop,
): Promise<{ before: number; landed: number; after: number }> {
  const before = await pullTickets(client);
  for (const id of loop.acknowledged) expect(before.has(id)).toBe(true);
  const landed = loop.inFlight.filter((m) => before.has(m.args.ticketId)).length;
  expect([0, loop.inFlight.length]).toContain(landed);
  const retry = await client.post<PushResponse>('/api/v1/sync/push', {
    clientId: 'crash',
    mutations: loop.inFlight,
  });
  expect(retry.body.results.every((r) => r.status === 'applied')).toBe(true);
  const final = await pullTickets(client);
  expect(loop.inFlight.every((m) => final.has(m.args.ticketId))).toBe(true);
  return { before: before.size, landed, after: final.size };
}
