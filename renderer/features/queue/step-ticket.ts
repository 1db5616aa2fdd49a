import { queueQuery } from '../../data/queue-query';
import { useQueueStore } from '../../stores/queue-store';
import { useUiStore } from '../../stores/ui-store';
import { queueQueryOf, type Viewer } from './queue-query-of';

/** Rows read on each side of the cursor to find the open ticket again. */
const AROUND = 50;

/**
 * Opens the next (+1) or previous (−1) ticket of the current queue without going back to
 * it. The open ticket is looked up near the queue cursor rather than trusted to sit there:
 * a ticket the agent just resolved or reassigned has left its queue, and the one after it
 * has moved up into its place. Resolves false at either end of the queue.
 */
export async function stepTicket(delta: 1 | -1, viewer: Viewer, now = Date.now()): Promise<boolean> {
  const queue = useQueueStore.getState();
  const current = useUiStore.getState().openTicketId ?? queue.activeId;
  const view = queueQueryOf(queue.queue, queue.filters, queue.sort, viewer, now);
  const offset = Math.max(0, queue.activeIndex - AROUND);
  const around = await queueQuery({ ...view, offset, limit: 2 * AROUND + 1 });
  const found = current ? around.findIndex((ticket) => ticket.id === current) : -1;
  let target: number;
  if (found >= 0) target = offset + found + delta;
  else target = delta > 0 ? (current ? queue.activeIndex : 0) : queue.activeIndex - 1;
  if (target < 0) return false;
  const [next] =
    target - offset >= 0 && target - offset < around.length
      ? [around[target - offset]]
      : await queueQuery({ ...view, offset: target, limit: 1 });
  if (!next) return false;
  queue.setActive(target, next.id);
  useUiStore.getState().openTicket(next.id);
  return true;
}
