import { z } from 'zod';
import { LIMITS } from '../entities/primitives';
import { changeSchema } from './wire';

/**
 * The first sign-in's bootstrap (docs/sync-protocol.md, "Snapshot"): the rows as of one
 * change number, most useful first, in pages with a resumable cursor; the client then pulls
 * changes after that number.
 */

/** The order the snapshot walks: reference data, the agent's open work, other open work, history, then stragglers. */
export const SNAPSHOT_PHASES = [
  'reference',
  'mine',
  'open',
  'history',
  'orphan_comments',
  'orphan_attachments',
  'done',
] as const;
export type SnapshotPhase = (typeof SNAPSHOT_PHASES)[number];

/**
 * Where a snapshot stands. Opaque to the client (sent back as it came, base64url JSON), but
 * parsed with this schema at the server's door like any other input.
 */
export const snapshotPositionSchema = z.object({
  /** The change number the snapshot is as of. */
  n: z.number().int().min(0),
  phase: z.enum(SNAPSHOT_PHASES),
  /** The last id sent in this phase ('' at its start). */
  after: z.string().max(100),
  /** Which teams count as the agent's: fixed at the start, so the order cannot shift under a paging client. */
  teams: z.array(z.string().max(100)).max(200),
  /** Tickets sent so far, and how many the snapshot holds. */
  sent: z.number().int().min(0),
  total: z.number().int().min(0),
});
export type SnapshotPosition = z.infer<typeof snapshotPositionSchema>;

export const snapshotQuerySchema = z.object({
  /** Absent for a new snapshot; else the `cursor` of the last page stored. */
  cursor: z.string().min(1).max(16_000).optional(),
  /** Tickets per page (their comments and attachments come with them). */
  limit: z.coerce.number().int().min(1).max(LIMITS.pullPageMax).default(500),
});

export const snapshotResponseSchema = z.object({
  /** Rows as of `asOf`, in the Change shape of a pull page (each with its own change number). */
  changes: z.array(changeSchema),
  /** Where to ask from next; store it with the page. */
  cursor: z.string(),
  /** The change number the snapshot is as of: pull from it once `hasMore` is false. */
  asOf: z.number().int().min(0),
  hasMore: z.boolean(),
  /** Tickets sent so far (this page included) out of the snapshot's total: the progress bar. */
  tickets: z.object({ sent: z.number().int().min(0), total: z.number().int().min(0) }),
});
export type SnapshotResponse = z.infer<typeof snapshotResponseSchema>;
