import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as mail from './002-mail';

/** Versioned migrations, in order. Add a file and a line; never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-mail': mail,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
