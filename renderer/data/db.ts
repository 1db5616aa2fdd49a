import Dexie, { type EntityTable } from 'dexie';
import type {
  Agent,
  Attachment,
  Category,
  Comment,
  Macro,
  MutationEnvelope,
  SlaPolicy,
  Team,
  Ticket,
} from '../../shared/index';

/**
 * A cached ticket: the server's copy (`server`), and what the agent sees (the top-level
 * fields = server state + the mutations still in the outbox). Keeping the server copy
 * lets a rejection roll back without a network round trip.
 */
export interface CachedTicket extends Ticket {
  /** The last state the server sent; null for a ticket created here and not yet synced. */
  server: Ticket | null;
  /** How many outbox mutations touch this ticket: > 0 shows the "not yet synced" mark. */
  pendingCount: number;
  /** The resolution clock's due time in epoch ms (Infinity when stopped/paused), for the "SLA due" index. */
  slaDueMs: number;
  /** 1 when the ticket is open (new, assigned, in progress, pending), 0 otherwise: for the queue indexes. */
  open: 0 | 1;
  /** Folded words for the local full-text search (accent-insensitive). */
  words: string[];
}

export interface CachedComment extends Comment {
  server: Comment | null;
  pending: 0 | 1;
}

/** An attachment with its bytes kept locally; `uploaded` 0 until the server has the blob. */
export interface CachedAttachment extends Attachment {
  blob: Blob | null;
  uploaded: 0 | 1;
}

/** A mutation waiting to be pushed. `seq` orders the outbox; it is the truth across reloads. */
export interface OutboxEntry extends MutationEnvelope {
  seq?: number;
  /** The ticket it touches, to rebuild that ticket's local state on a rejection. */
  ticketId: string | null;
  createdAt: string;
  attempts: number;
}

/** A mutation the server refused, kept for the "Refused changes" panel until dismissed. */
export interface Rejection {
  id: string;
  type: string;
  ticketId: string | null;
  code: string;
  message: string;
  at: string;
  args: unknown;
}

export interface SyncMeta {
  key: string;
  value: unknown;
}

export class MesaDb extends Dexie {
  tickets!: EntityTable<CachedTicket, 'id'>;
  comments!: EntityTable<CachedComment, 'id'>;
  attachments!: EntityTable<CachedAttachment, 'id'>;
  agents!: EntityTable<Agent, 'id'>;
  teams!: EntityTable<Team, 'id'>;
  categories!: EntityTable<Category, 'id'>;
  macros!: EntityTable<Macro, 'id'>;
  slaPolicies!: EntityTable<SlaPolicy, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  rejections!: EntityTable<Rejection, 'id'>;
  meta!: EntityTable<SyncMeta, 'key'>;

  constructor(name = 'mesa') {
    super(name);
    // Queue views read compound indexes with a limit; nothing reads a whole table.
    this.version(1).stores({
      tickets:
        'id, number, status, assigneeId, teamId, category, priority, updatedAt, slaDueMs, pendingCount, *tags, *words,' +
        ' [open+slaDueMs], [assigneeId+open+slaDueMs], [teamId+open+slaDueMs], [assigneeId+status], [teamId+status],' +
        ' [open+updatedAt], [open+priority]',
      comments: 'id, ticketId, [ticketId+createdAt], pending',
      attachments: 'id, ticketId, sha256, uploaded',
      agents: 'id, email',
      teams: 'id',
      categories: 'id',
      macros: 'id',
      slaPolicies: 'id',
      outbox: '++seq, id, ticketId',
      rejections: 'id, at',
      meta: 'key',
    });
  }
}
