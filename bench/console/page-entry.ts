// Bundled by page-bundle.ts into one script evaluated in the console page, so the bench
// runs the console's own data code (Dexie, queueQuery, searchTickets) on the page's cache.
import { MesaDb } from '../../renderer/data/db';
import { queueQuery } from '../../renderer/data/queue-query';
import { searchTickets } from '../../renderer/data/search-tickets';

(globalThis as unknown as { __mesaBench: unknown }).__mesaBench = { MesaDb, queueQuery, searchTickets };
