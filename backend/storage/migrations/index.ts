import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as retention from './002-retention';

/** Versioned migrations, in order. Add a file and a line; never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-retention': retention,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
