import { isOpenStatus, type SlaPolicy, type Ticket } from '../../shared/index';
import type { CachedTicket } from './db';
import { queueKeysOf } from './queue-keys';
import { slaDueMs, slaWarnMs } from './sla-keys';

export interface CacheFields {
  server: Ticket | null;
  pendingCount: number;
  /** The policy named by `slaPolicyId`, for the warning instant. */
  policy: SlaPolicy | null | undefined;
}

/** The row the cache stores: the visible ticket plus the fields its indexes need. */
export function toCachedTicket(visible: Ticket, fields: CacheFields): CachedTicket {
  const row: Omit<CachedTicket, 'queueKeys'> = {
    ...visible,
    server: fields.server,
    pendingCount: fields.pendingCount,
    slaDueMs: slaDueMs(visible),
    slaWarnMs: slaWarnMs(visible, fields.policy),
    open: isOpenStatus(visible.status) ? 1 : 0,
    assigneeKey: visible.assigneeId ?? '',
    teamKey: visible.teamId ?? '',
  };
  return { ...row, queueKeys: queueKeysOf(row) };
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
    queueKeys: _queueKeys,
    ...ticket
  } = row;
  return ticket;
}
