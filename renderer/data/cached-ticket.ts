import { isOpenStatus, type SlaPolicy, type Ticket } from '../../shared/index';
import type { CachedTicket } from './rows';
import { slaKeys } from './sla-keys';

export interface CacheFields {
  server: Ticket | null;
  pendingCount: number;
  /** The policy named by `slaPolicyId`, for the SLA instants. */
  policy: SlaPolicy | null | undefined;
}

/**
 * The overlay row of a ticket: the visible ticket plus the fields the queues sort and
 * filter on. With no pending mutation the visible ticket IS the server's copy, so the
 * copy is not stored twice.
 */
export function toCachedTicket(visible: Ticket, fields: CacheFields): CachedTicket {
  return {
    ...visible,
    ...(fields.pendingCount === 0 && fields.server !== null ? {} : { server: fields.server }),
    pendingCount: fields.pendingCount,
    ...slaKeys(visible, fields.policy),
    open: isOpenStatus(visible.status) ? 1 : 0,
    assigneeKey: visible.assigneeId ?? '',
    teamKey: visible.teamId ?? '',
  };
}

/** The last state the server sent (null: created here, not yet synced). */
export function serverCopyOf(row: CachedTicket): Ticket | null {
  return row.server === undefined ? toTicket(row) : row.server;
}

/** The plain ticket inside a cached row, as the shared rules take it. */
export function toTicket(row: CachedTicket): Ticket {
  const {
    server: _server,
    pendingCount: _pendingCount,
    slaDueMs: _slaDueMs,
    slaWarnMs: _slaWarnMs,
    open: _open,
    assigneeKey: _assigneeKey,
    teamKey: _teamKey,
    ...ticket
  } = row;
  return ticket;
}
