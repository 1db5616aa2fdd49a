import { useEffect } from 'react';
import { prefetchTicket } from '../../data/ticket-queries';
import { useQueueStore } from '../../stores/queue-store';

/** How long the cursor rests on a row before its page is read: holding `j` reads nothing. */
const REST_MS = 50;

/**
 * Reads the page of the focused row ahead of Enter, once the cursor rests and the UI is
 * idle: opening the ticket then waits for no IndexedDB read.
 */
export function usePrefetchActive(): void {
  const activeId = useQueueStore((s) => s.activeId);
  useEffect(() => {
    if (!activeId) return;
    let idle: number | null = null;
    const timer = setTimeout(() => {
      if (typeof requestIdleCallback === 'function')
        idle = requestIdleCallback(() => prefetchTicket(activeId), { timeout: 1_000 });
      else prefetchTicket(activeId);
    }, REST_MS);
    return () => {
      clearTimeout(timer);
      if (idle !== null) cancelIdleCallback(idle);
    };
  }, [activeId]);
}
