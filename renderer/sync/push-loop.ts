import type { MesaApi } from '../../shared/index';
import type { MesaDb, OutboxEntry } from '../data/db';
import { countLostSend, nextOutboxBatch, noteSending, toEnvelope } from '../data/outbox';
import { settlePushResults, type SettledPush } from '../data/settle-push';

export interface PushLoopOptions {
  api: Pick<MesaApi, 'push'>;
  db: MesaDb;
  clientId: string;
  batchSize: number;
  now(): Date;
  shouldStop(): boolean;
  afterBatch(settled: SettledPush): void;
  /**
   * May cut a batch short, keeping a prefix (order is the contract): e.g. stop before an
   * attachment.add whose bytes are still uploading. An empty prefix ends this push; the
   * next trigger tries again.
   */
  holdBack?(db: MesaDb, batch: readonly OutboxEntry[]): Promise<OutboxEntry[]>;
}

/**
 * Sends the outbox oldest first, one batch at a time, each answered before the next is
 * read, so a mutation is never in two requests at once and the server sees them in the
 * order they were made. The caller runs at most one of these at a time (the coordinator's
 * single sync loop). A failed request leaves the batch in the outbox, untouched.
 */
export async function pushOutbox(options: PushLoopOptions): Promise<void> {
  const { api, db, clientId, batchSize } = options;
  // A push before this one whose answer never came (the app closed while it was out).
  await countLostSend(db);
  while (!options.shouldStop()) {
    const oldest = await nextOutboxBatch(db, batchSize);
    const batch = options.holdBack ? await options.holdBack(db, oldest) : oldest;
    if (batch.length === 0) return;
    await noteSending(db, batch);
    const response = await api
      .push({ clientId, mutations: batch.map(toEnvelope) })
      .catch(async (error: unknown) => {
        await countLostSend(db);
        throw error;
      });
    // Relaxed durability: a settle lost to a power cut leaves its entries queued (and counted
    // as tried, see noteSending), and sending them again gets the server's earlier answers.
    const settled = await settlePushResults(batch, response.results, db.relaxed, options.now());
    options.afterBatch(settled);
    // The server answered for none of them: asking again now would only repeat that.
    if (settled.unanswered === batch.length) return;
  }
}
