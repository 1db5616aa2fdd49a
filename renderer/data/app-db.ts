import { carryOverOnOpen } from './carry-over';
import { LEGACY_DB_NAME, MesaDb } from './db';

/**
 * The window's cache. One database per install; the repository functions default to it
 * and take another in tests. Opened lazily so importing the data layer touches no storage.
 */
let current: MesaDb | null = null;

export function getDb(): MesaDb {
  current ??= carryOverOnOpen(new MesaDb(), LEGACY_DB_NAME);
  return current;
}

/** Points the repository functions' default at another database (tests, a storybook). */
export function setDb(db: MesaDb): void {
  current = db;
}
