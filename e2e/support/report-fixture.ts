import { openDatabase } from '../../backend/storage/database';
import { saveTicket } from '../../backend/storage/ticket-rows';
import { writeTransaction } from '../../backend/sync/change-log';
import { FIXTURE_TICKETS } from '../../shared/reports/sla-report.fixture';

/**
 * Stores the SLA report fixture's tickets (hand-computed figures) in a backend's data
 * folder, with their change rows, so a console signing in afterwards pulls them like any
 * other. A second connection to the backend's SQLite file: the backend keeps running.
 */
export async function seedReportFixture(dataDir: string): Promise<void> {
  const database = await openDatabase({ dataDir });
  try {
    await writeTransaction(database, async (log) => {
      for (const ticket of FIXTURE_TICKETS) {
        await saveTicket(log.trx, ticket);
        log.changed('ticket', ticket.id);
      }
    });
  } finally {
    await database.close();
  }
}
