import { sql } from 'kysely';
import type { Tx } from '../storage/database';
import { prepared, type DirectSqlite } from '../storage/sqlite-direct';
import { bumpCounter } from './change-log';

/**
 * Ticket numbers (INC-1001, …) for one writing transaction. The first number taken
 * reserves a block as large as the creates the batch may still make, in one counter
 * update (one round trip instead of one per ticket on PostgreSQL); settle() then writes
 * the last number handed out, so the creates the rules refused leave no gap. The update
 * holds the counter row until commit, so no other writer takes numbers in between.
 */
export class TicketNumbers {
  private next = 1;
  private last = 0;

  constructor(
    private readonly trx: Tx,
    /** How many ticket.create mutations are still to come in this transaction. */
    private expected: number,
    private readonly sqlite?: DirectSqlite,
  ) {}

  async take(): Promise<string> {
    if (this.next > this.last) {
      const block = Math.max(1, this.expected);
      this.last = await bumpCounter(this.trx, 'ticket_number', block, this.sqlite);
      this.next = this.last - block + 1;
    }
    this.expected -= 1;
    return `INC-${this.next++}`;
  }

  /**
   * Before commit. Always written when a block was reserved: a savepoint rolled back after
   * the reservation (see PushService) undoes the counter update but not the numbers already
   * given to tickets that stay, and the counter must end past all of them. (A create undone
   * by its savepoint keeps its number unused: a gap, on that fault path only.)
   */
  async settle(): Promise<void> {
    if (this.last === 0) return;
    if (this.sqlite) {
      prepared(this.sqlite, SETTLE).run(this.next - 1);
      return;
    }
    await sql`update sync_counter set value = ${this.next - 1} where name = 'ticket_number'`.execute(
      this.trx,
    );
  }
}

const SETTLE = "update sync_counter set value = ? where name = 'ticket_number'";
