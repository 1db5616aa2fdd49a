import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './001-initial';
import * as retention from './002-retention';
import * as blobStorage from './003-blob-storage';
import * as mail from './004-mail';

/** Versioned migrations, in order. Add a file and a line; never edit one that has shipped. */
const MIGRATIONS: Record<string, Migration> = {
  '001-initial': initial,
  '002-retention': retention,
  '003-blob-storage': blobStorage,
  '004-mail': mail,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
