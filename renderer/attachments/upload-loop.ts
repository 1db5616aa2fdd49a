import { browserTimers, createWakeableTask, type TaskTimers } from '../background/wakeable-task';
import { drainUploads, type DrainOutcome, type UploadStore, type Uploader } from './upload-queue';

/**
 * Runs the upload queue whenever there may be work (the app started, a file was attached,
 * the connection came back) and retries after passing failures with exponential backoff
 * and full jitter, so a laptop that was offline does not hammer the server when it returns.
 * Timers come in through `timers` so tests step the loop without waiting.
 */

export type LoopTimers = TaskTimers;

export interface UploadLoopOptions {
  store: UploadStore;
  upload: Uploader;
  timers?: LoopTimers;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** In [0, 1); injectable for exact delays in tests. */
  random?: () => number;
  /** Called after each drain, for status display and tests. */
  onDrained?: (outcome: DrainOutcome) => void;
}

export interface UploadLoop {
  /** There may be something to upload: run now (or right after the run in progress). */
  poke(): void;
  /** No more runs or retries; a run in progress finishes its current upload. */
  stop(): void;
  /** Resolves when no run is in progress (tests, shutdown). */
  idle(): Promise<void>;
}

export function createUploadLoop(options: UploadLoopOptions): UploadLoop {
  const {
    store,
    upload,
    timers = browserTimers,
    baseDelayMs = 2_000,
    maxDelayMs = 5 * 60_000,
    random = Math.random,
  } = options;
  let failures = 0;

  const task = createWakeableTask(async () => {
    let outcome: DrainOutcome;
    try {
      outcome = await drainUploads(store, upload);
    } catch (error) {
      // The store itself failed (IndexedDB closed during a reload): try again later like any passing trouble.
      outcome = {
        state: 'retry_later',
        uploaded: 0,
        failed: 0,
        error: { code: 'internal', message: String(error) },
      };
    }
    options.onDrained?.(outcome);
    if (outcome.state === 'done') {
      failures = 0;
      return;
    }
    const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures, 30));
    failures += 1;
    task.wakeIn(Math.floor(random() * ceiling));
  }, timers);

  return { poke: () => task.wake(), stop: () => task.stop(), idle: () => task.idle() };
}
