import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Services } from '../services';
import { startPeriodicJob, type PeriodicJob } from './periodic-job';

const SWEEP_BATCH = 200;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The same id for the same resolution, so two instances sweeping one database at once
 * close a ticket once: the second finds the first's recorded result.
 */
function autoCloseMutationId(ticketId: string, resolvedAt: string): string {
  const hex = createHash('sha256').update(`auto-close:${ticketId}:${resolvedAt}`).digest('hex');
  // RFC 9562 version 8 (custom) with the RFC variant bits.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Closes tickets resolved more than `autoCloseDays` ago, as the system, through the same
 * mutation path as an agent's close, so the change syncs like any other. Returns how
 * many it closed.
 */
export async function closeStaleResolvedTickets(services: Services): Promise<number> {
  const cutoff = new Date(services.clock().getTime() - services.config.autoCloseDays * DAY_MS).toISOString();
  let closed = 0;
  for (;;) {
    const due = await services.database.db
      .selectFrom('tickets')
      .select(['id', 'resolved_at'])
      .where('status', '=', 'resolved')
      .where('resolved_at', '<=', cutoff)
      .orderBy('resolved_at')
      .limit(SWEEP_BATCH)
      .execute();
    let closedNow = 0;
    for (const row of due) {
      const result = await services.push.applyAs(
        { kind: 'system', name: 'auto-close' },
        {
          id: autoCloseMutationId(row.id, row.resolved_at ?? ''),
          type: 'ticket.transition',
          args: { ticketId: row.id, to: 'closed' },
        },
        'auto-close',
      );
      if (result.status === 'applied') closedNow += 1;
    }
    closed += closedNow;
    // Closed rows no longer match; a full batch that closed nothing would only repeat itself.
    if (due.length < SWEEP_BATCH || closedNow === 0) return closed;
  }
}

export function startAutoCloseJob(services: Services, logger: FastifyBaseLogger): PeriodicJob {
  return startPeriodicJob({
    name: 'auto-close',
    intervalMs: services.config.autoCloseIntervalMs,
    database: services.database,
    logger,
    run: async () => {
      const closed = await closeStaleResolvedTickets(services);
      if (closed > 0)
        logger.info({ closed, afterDays: services.config.autoCloseDays }, 'auto-closed resolved tickets');
    },
  });
}
