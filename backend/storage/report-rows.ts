import type { Ticket } from '../../shared/index';
import type { Db } from './database';

const DAY_MS = 86_400_000;

/**
 * The tickets that may have been created in [from, to). `created_at` holds the ticket's
 * own ISO text, whose offset and precision vary with who created it, so text comparison
 * is only trusted a day either side; the caller filters by the instant itself.
 */
export async function ticketsCreatedAround(db: Db, from: Date, to: Date): Promise<Ticket[]> {
  const rows = await db
    .selectFrom('tickets')
    .select('data')
    .where('created_at', '>=', new Date(from.getTime() - DAY_MS).toISOString())
    .where('created_at', '<', new Date(to.getTime() + DAY_MS).toISOString())
    .execute();
  return rows.map((row) => JSON.parse(row.data) as Ticket);
}
