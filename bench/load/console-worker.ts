// A worker thread holding one ConsoleGroup; the main thread calls its methods by name.
import { parentPort, workerData } from 'node:worker_threads';
import { ConsoleGroup, type GroupPlan } from './console-group';

export type GroupCall = {
  id: number;
  method: 'connect' | 'push' | 'progress' | 'pushes' | 'reachedAt' | 'traffic' | 'stop';
  args: unknown[];
};

const group = new ConsoleGroup(workerData as GroupPlan);
parentPort!.on('message', ({ id, method, args }: GroupCall) => {
  Promise.resolve()
    .then(() => (group[method] as (...a: unknown[]) => unknown)(...args))
    .then(
      (result) => parentPort!.postMessage({ id, result }),
      (error: unknown) => parentPort!.postMessage({ id, error: String(error) }),
    );
});
