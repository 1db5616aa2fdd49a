// Bundled by page-bundle.ts into one script evaluated in the console page, so the bench
// runs the console's own code (Dexie, queueQuery, searchTickets, performMutation, and a
// bridge of its own to the host) on the page's cache.
import './zod-jitless';
// The preload's window.mesa, which bridge.ts reads: declared for the renderer's project only.
import type {} from '../../renderer/bridge/global';
import { getMesa } from '../../renderer/bridge/bridge';
import { MesaDb } from '../../renderer/data/db';
import { queueQuery } from '../../renderer/data/queue-query';
import { searchTickets } from '../../renderer/data/search-tickets';
import { performMutation } from '../../renderer/sync/perform-mutation';

(globalThis as unknown as { __mesaBench: unknown }).__mesaBench = {
  MesaDb,
  queueQuery,
  searchTickets,
  performMutation,
  getMesa,
};
