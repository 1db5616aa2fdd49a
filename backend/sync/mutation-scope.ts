import type { Actor, MutationResult, RejectionCode } from '../../shared/index';
import type { TicketChange } from '../mail/mail-triggers';
import type { Tx } from '../storage/database';
import { loadReferenceData, type ReferenceData } from '../storage/reference-rows';
import type { ChangeLog } from './change-log';
import type { PasswordHashes } from './password-hashes';
import type { TicketNumbers } from './ticket-numbers';

/** What a mutation handler can touch: the open transaction, its change log, who acts and when. */
export interface MutationScope {
  trx: Tx;
  log: ChangeLog;
  actor: Actor;
  now: Date;
  ticketNumbers: TicketNumbers;
  refs(): Promise<ReferenceData>;
  /** After a team, category or policy changed inside this transaction. */
  invalidateRefs(): void;
  /** The batch's password hashes by mutation id, made before the transaction (password-hashes.ts). */
  passwordHashes: PasswordHashes;
  /** Side effects of a ticket change in its transaction (the requester's mails). */
  onTicketChanged(change: TicketChange): Promise<void>;
}

export type Decision = { ok: true } | { ok: false; code: RejectionCode; message: string };

export const applied: Decision = { ok: true };
export const rejected = (code: RejectionCode, message: string): Decision => ({ ok: false, code, message });

export const toMutationResult = (id: string, decision: Decision): MutationResult =>
  decision.ok
    ? { id, status: 'applied' }
    : { id, status: 'rejected', code: decision.code, message: decision.message };

/** Reference data loaded once per transaction and reloaded after an admin change. */
export function referenceCache(trx: Tx): { get(): Promise<ReferenceData>; invalidate(): void } {
  let cached: Promise<ReferenceData> | undefined;
  return {
    get: () => (cached ??= loadReferenceData(trx)),
    invalidate: () => {
      cached = undefined;
    },
  };
}
