import type { Ticket } from '../../shared/index';
import type { Db } from './database';

const DAY_MS = 86_400_000;

/**
 * The tickets that may have been created in [from, to), a page at a time in id order.
 * `created_at` holds the ticket's own ISO text, whose offset and precision vary with who
 * created it, so text comparison is only trusted a day either side; the caller filters
 * by the instant itself.
 */
export async function* ticketPagesCreatedAround(
  db: Db,
  from: Date,
  to: Date,
  pageSize: number,
): AsyncGenerator<Ticket[]> {
  const low = new Date(from.getTime() - DAY_MS).toISOString();
  const high = new Date(to.getTime() + DAY_MS).toISOString();
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('tickets')
      .select(['id', 'data'])
      .where('created_at', '>=', low)
      .where('created_at', '<', high)
      .where('id', '>', after)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((row) => JSON.parse(row.data) as Ticket);
    if (rows.length < pageSize) return;
    after = rows[rows.length - 1]!.id;
  }
}
