import type { Change } from '../../../shared/index';

/**
 * Changes as a pull brings them, numbered in the order a test makes them (each test file
 * has its own count: Vitest gives every file its own modules).
 */
let seq = 0;

export function upsertChange<T extends { id: string }>(entity: Change['entity'], data: T): Change {
  return { seq: ++seq, entity, id: data.id, op: 'upsert', data };
}

export function deleteChange(entity: Change['entity'], id: string): Change {
  return { seq: ++seq, entity, id, op: 'delete' };
}

/** The number of the last change made: the cursor of a page that ends with it. */
export function lastChangeSeq(): number {
  return seq;
}
