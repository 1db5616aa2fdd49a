/**
 * One sync loop per cache, across tabs: in the browser host an agent can open the console
 * twice, and two tabs pushing the same outbox would send the same mutation twice at once.
 * The Web Locks API queues the second tab's loop behind the first (it then finds the work
 * done). Where the API is missing (jsdom, old engines) the one coordinator per window
 * is the only guard.
 */
export async function withSyncLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  if (!locks) return work();
  return locks.request(`mesa-sync:${name}`, { mode: 'exclusive' }, work);
}
