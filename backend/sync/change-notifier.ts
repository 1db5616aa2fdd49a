import pg from 'pg';
import type { Database } from '../storage/database';
import { CHANGES_CHANNEL, currentSeq } from './change-log';

type Listener = (cursor: number) => void;

/**
 * Knows the latest change sequence and tells subscribers (the SSE streams) when it
 * moves. Writes in this process announce themselves after commit; on PostgreSQL a
 * dedicated connection also LISTENs, so changes committed by other instances on the same
 * database are announced here too. Announcements only ever move forward.
 */
export class ChangeNotifier {
  private latestSeq = 0;
  private readonly listeners = new Set<Listener>();
  private client: pg.Client | null = null;
  private stopped = false;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly database: Database,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  get latest(): number {
    return this.latestSeq;
  }

  async start(): Promise<void> {
    if (this.database.postgresUrl) await this.listen();
    this.announce(await currentSeq(this.database));
  }

  announce(seq: number): void {
    if (!(seq > this.latestSeq)) return;
    this.latestSeq = seq;
    for (const listener of this.listeners) listener(seq);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.listeners.clear();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.database.postgresUrl });
    client.on('notification', (message) => {
      const seq = Number(message.payload);
      if (Number.isSafeInteger(seq)) this.announce(seq);
    });
    client.on('error', (error) => {
      this.onError(error);
      this.reconnectSoon(client);
    });
    client.on('end', () => this.reconnectSoon(client));
    await client.connect();
    await client.query(`listen ${CHANGES_CHANNEL}`);
    this.client = client;
  }

  /** After a lost LISTEN connection: reconnect, then catch up on what was missed meanwhile. */
  private reconnectSoon(dead: pg.Client): void {
    if (this.stopped || this.client !== dead) return;
    this.client = null;
    dead.end().catch(() => undefined);
    this.retryTimer = setTimeout(() => {
      this.listen()
        .then(async () => this.announce(await currentSeq(this.database)))
        .catch((error: unknown) => {
          this.onError(error);
          this.client = dead;
          this.reconnectSoon(dead);
        });
    }, 1_000);
  }
}
