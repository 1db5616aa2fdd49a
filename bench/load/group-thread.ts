import { Worker } from 'node:worker_threads';
import type { ConsoleGroup, GroupPlan } from './console-group';
import type { GroupCall } from './console-worker';

type Remote<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : never;
};
export type GroupHandle = Remote<Pick<ConsoleGroup, GroupCall['method']>> & { terminate(): Promise<void> };

/** A ConsoleGroup in its own worker thread, its methods called over messages. */
export function startGroupThread(plan: GroupPlan): GroupHandle {
  // The thread loads TypeScript the way this process does (tsx's loader is in execArgv).
  const worker = new Worker(new URL('./console-worker.ts', import.meta.url), { workerData: plan });
  let next = 0;
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
    const call = waiting.get(id);
    waiting.delete(id);
    if (error !== undefined) call?.reject(new Error(error));
    else call?.resolve(result);
  });
  worker.on('error', (error) => {
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  });
  const call =
    (method: GroupCall['method']) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = next++;
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, method, args } satisfies GroupCall);
      });
  const methods = ['connect', 'push', 'progress', 'pushes', 'reachedAt', 'traffic', 'stop'] as const;
  const handle = Object.fromEntries(methods.map((m) => [m, call(m)])) as unknown as GroupHandle;
  handle.terminate = async () => void (await worker.terminate());
  return handle;
}
