// Bundled by page-bundle.ts into one script evaluated in the console page, so the bench
// runs the console's own data code (Dexie, queueQuery, searchTickets, performMutation) on the page's cache.
import './zod-jitless';
import { MesaDb } from '../../renderer/data/db';
import { queueQuery } from '../../renderer/data/queue-query';
import { searchTickets } from '../../renderer/data/search-tickets';
import { performMutation } from '../../renderer/sync/perform-mutation';

(globalThis as unknown as { __mesaBench: unknown }).__mesaBench = { MesaDb, queueQuery, searchTickets, performMutation };
