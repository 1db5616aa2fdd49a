import type { z } from 'zod';
import {
  agentSchema,
  attachmentSchema,
  categorySchema,
  commentSchema,
  describeIssues,
  macroSchema,
  slaPolicySchema,
  teamSchema,
  ticketSchema,
  type Agent,
  type Attachment,
  type Category,
  type Change,
  type Comment,
  type Macro,
  type SlaPolicy,
  type SyncEntity,
  type Team,
  type Ticket,
} from '../../shared/index';

/** The net effect of a page on one entity type: the last change per id wins, as the sequence says. */
export interface EntityChanges<T> {
  upserts: Map<string, T>;
  deletes: Set<string>;
}

export interface PageChanges {
  ticket: EntityChanges<Ticket>;
  comment: EntityChanges<Comment>;
  attachment: EntityChanges<Attachment>;
  agent: EntityChanges<Agent>;
  team: EntityChanges<Team>;
  category: EntityChanges<Category>;
  macro: EntityChanges<Macro>;
  sla_policy: EntityChanges<SlaPolicy>;
  /** Changes whose data did not match the shared schema: reported, not stored. */
  skipped: Array<{ seq: number; entity: SyncEntity; id: string; message: string }>;
}

const schemas = {
  ticket: ticketSchema,
  comment: commentSchema,
  attachment: attachmentSchema,
  agent: agentSchema,
  team: teamSchema,
  category: categorySchema,
  macro: macroSchema,
  sla_policy: slaPolicySchema,
} satisfies Record<SyncEntity, z.ZodType>;

const empty = <T>(): EntityChanges<T> => ({ upserts: new Map(), deletes: new Set() });

/**
 * Groups a pulled page by entity and checks each upsert against the shared schema: the
 * renderer stores what the server sends, so it is checked at this door like any other
 * input. Runs before the transaction opens, so the transaction does only I/O.
 */
export function groupPageChanges(changes: readonly Change[]): PageChanges {
  const page: PageChanges = {
    ticket: empty(),
    comment: empty(),
    attachment: empty(),
    agent: empty(),
    team: empty(),
    category: empty(),
    macro: empty(),
    sla_policy: empty(),
    skipped: [],
  };
  for (const change of [...changes].sort((a, b) => a.seq - b.seq)) {
    const target = page[change.entity] as EntityChanges<unknown>;
    if (change.op === 'delete') {
      target.upserts.delete(change.id);
      target.deletes.add(change.id);
      continue;
    }
    const parsed = schemas[change.entity].safeParse(change.data);
    if (!parsed.success) {
      page.skipped.push({
        seq: change.seq,
        entity: change.entity,
        id: change.id,
        message: describeIssues(parsed.error),
      });
      continue;
    }
    target.deletes.delete(change.id);
    target.upserts.set(change.id, parsed.data);
  }
  return page;
}
