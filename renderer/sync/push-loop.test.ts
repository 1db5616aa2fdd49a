import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, type MutationEnvelope, type PushRequest } from '../../shared/index';
import type { MesaDb } from '../data/db';
import { queuedComment } from '../data/testing/outbox-entries';
import { noteSending } from '../data/outbox';
import { freshDb } from '../data/testing/test-db';
import { pushOutbox } from './push-loop';

let db: MesaDb;

beforeEach(() => {
  db = freshDb();
});

afterEach(async () => {
  await db.delete();
});

/** The loop's options but the server, for a batch size: nothing stops it, nothing watches its batches. */
const loopOptions = (batchSize: number) => ({
  db,
  clientId: 'c',
  batchSize,
  now: () => new Date(),
  shouldStop: () => false,
  afterBatch: () => {},
});

/** A server that applies everything and remembers what it was sent, request by request. */
function recordingServer() {
  const requests: MutationEnvelope[][] = [];
  return {
    requests,
    push: async (request: PushRequest) => {
      requests.push(request.mutations);
      return { results: request.mutations.map((m) => ({ id: m.id, status: 'applied' as const })) };
    },
  };
}

describe('pushOutbox', () => {
  it('sends everything once, in order, in batches as large as the server takes', async () => {
    const entries = Array.from({ length: LIMITS.mutationsPerPush * 2 + 7 }, (_, i) =>
      queuedComment(`Note ${i}`),
    );
    await db.outbox.bulkAdd(entries);
    const server = recordingServer();
    const settledPerBatch: number[] = [];

    await pushOutbox({
      ...loopOptions(LIMITS.mutationsPerPush),
      api: server,
      afterBatch: (settled) => settledPerBatch.push(settled.applied),
    });

    expect(server.requests.map((r) => r.length)).toEqual([
      LIMITS.mutationsPerPush,
      LIMITS.mutationsPerPush,
      7,
    ]);
    expect(server.requests.flat().map((m) => m.id)).toEqual(entries.map((e) => e.id));
    expect(settledPerBatch).toEqual([LIMITS.mutationsPerPush, LIMITS.mutationsPerPush, 7]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('stops when the server answers for none of a batch; only what was sent counts as attempted', async () => {
    await db.outbox.bulkAdd(Array.from({ length: 5 }, (_, i) => queuedComment(`Note ${i}`)));
    let requests = 0;
    const api = {
      push: async () => {
        requests += 1;
        return { results: [] };
      },
    };

    await pushOutbox({ ...loopOptions(3), api });
    expect(requests).toBe(1);
    expect((await db.outbox.toArray()).map((e) => e.attempts)).toEqual([1, 1, 1, 0, 0]);
  });

  it('counts a try for each entry of a send whose answer never came: a failed request, or an app closed meanwhile', async () => {
    await db.outbox.bulkAdd(Array.from({ length: 3 }, (_, i) => queuedComment(`Note ${i}`)));
    const attempts = async () => (await db.outbox.toArray()).map((e) => e.attempts);
    const options = loopOptions(3);

    const hangUp = async (): Promise<never> => {
      throw new Error('socket hang up');
    };
    await expect(pushOutbox({ ...options, api: { push: hangUp } })).rejects.toThrow('socket hang up');
    expect(await attempts()).toEqual([1, 1, 1]);

    // The app closed while the first two were out: the note of that send is all that is left.
    await noteSending(db, (await db.outbox.toArray()).slice(0, 2));
    await pushOutbox({ ...options, api: { push: async () => ({ results: [] }) } });
    expect(await attempts()).toEqual([3, 3, 2]);
  });

  it('sends a batch the server answered only in part again first, in order', async () => {
    const entries = Array.from({ length: 4 }, (_, i) => queuedComment(`Note ${i}`));
    await db.outbox.bulkAdd(entries);
    const requests: string[][] = [];
    await pushOutbox({
      ...loopOptions(2),
      api: {
        push: async (request: PushRequest) => {
          requests.push(request.mutations.map((m) => m.id));
          // The first request: the second mutation is put off (rate_limited), the rest applied.
          return {
            results: request.mutations.map((m, i) =>
              requests.length === 1 && i === 1
                ? { id: m.id, status: 'rejected' as const, code: 'rate_limited' }
                : { id: m.id, status: 'applied' as const },
            ),
          };
        },
      },
    });
    const ids = entries.map((e) => e.id);
    expect(requests).toEqual([[ids[0], ids[1]], [ids[1], ids[2]], [ids[3]]]);
    expect(await db.outbox.count()).toBe(0);
  });
});
