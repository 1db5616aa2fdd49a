import { MesaError } from '../../shared/index';
import { isQuotaError } from '../data/storage-errors';

/** A sync failure as the store shows it. */
export interface SyncFailure {
  code: string;
  message: string;
  /** The cache could not be written (disk full / quota). */
  storage: boolean;
}

/**
 * Every failure is retried later: the outbox and the cursor only move after the server
 * answered and the cache committed, so trying again is always safe. The code says why, for
 * the sync bar; 'offline' and 'server_error' are the expected ones (the main process
 * already backs off on HTTP).
 */
export function classifyFailure(error: unknown): SyncFailure {
  if (isQuotaError(error)) {
    return {
      code: 'storage_full',
      message: 'This computer has no room left for the ticket cache.',
      storage: true,
    };
  }
  if (error instanceof MesaError) return { code: error.code, message: error.message, storage: false };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message, storage: false };
}
