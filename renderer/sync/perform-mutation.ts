import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import {
  applyTicketMutation,
  isTicketMutation,
  parseMutation,
  type Mutation,
  type MutationType,
  type mutationArgsSchemas,
} from '../../shared/index';
import { toTicket } from '../data/cached-ticket';
import type { MesaDb, OutboxEntry } from '../data/db';
import { loadActor, loadReferences, mutationContext } from '../data/mutation-context';
import { ticketMemoryIndex } from '../data/ticket-memory-index';
import { currentTicket, rebuildTicket } from '../data/ticket-state';

/** A mutation's arguments as the caller writes them (before the schema trims and folds). */
export type MutationInput<T extends MutationType> = z.input<(typeof mutationArgsSchemas)[T]>;

export type MutationOutcome =
  | { ok: true; mutationId: string; ticketId: string | null }
  /** Refused before anything was written: the args failed the schema, or the shared rules refuse it as the ticket stands here. */
  | { ok: false; code: string; message: string };

export interface PerformOptions {
  db: MesaDb;
  now?: Date;
  /** The mutation's id; a UUID v7 (time-ordered) by default. */
  id?: string;
}

/**
 * One user action: validated with the shared schema, predicted with the shared
 * applyTicketMutation (the rules the server will decide with), and written, the changed
 * ticket and its outbox entry together, in ONE strict transaction: after a crash either
 * both exist or neither. The visible ticket is then rebuilt the way every later rebase
 * will rebuild it (server copy + pending mutations), so the agent never sees two versions.
 */
export async function performMutation<T extends MutationType>(
  type: T,
  args: MutationInput<T>,
  options: PerformOptions,
): Promise<MutationOutcome> {
  const { db } = options;
  const now = options.now ?? new Date();
  const parsed = parseMutation({ id: options.id ?? uuidv7(), type, args });
  if (!parsed.ok) return { ok: false, code: parsed.code, message: parsed.message };
  const mutation = parsed.mutation;
  // The tickets without local changes are in memory, read from the pages.
  await ticketMemoryIndex(db).facetsReady();
  const tables = [
    db.pages,
    db.tickets,
    db.comments,
    db.attachments,
    db.outbox,
    db.agents,
    db.teams,
    db.categories,
    db.slaPolicies,
    db.meta,
  ];
  return db.transaction('rw', tables, async (): Promise<MutationOutcome> => {
    const actor = await loadActor(db);
    if (!actor) return { ok: false, code: 'signed_out', message: 'Sign in to make changes.' };
    if (!isTicketMutation(mutation)) {
      await db.outbox.add(entryOf(mutation, null, now));
      return { ok: true, mutationId: mutation.id, ticketId: null };
    }
    const ticketId = mutation.args.ticketId;
    const refs = await loadReferences(db);
    const row = await currentTicket(db, ticketId);
    const outcome = applyTicketMutation(
      row ? toTicket(row) : undefined,
      mutation,
      mutationContext(refs, actor, now),
    );
    if (!outcome.ok) return { ok: false, code: outcome.code, message: outcome.message };
    await db.outbox.add(entryOf(mutation, ticketId, now));
    await rebuildTicket(db, ticketId, { refs, actor });
    return { ok: true, mutationId: mutation.id, ticketId };
  });
}

function entryOf(mutation: Mutation, ticketId: string | null, now: Date): OutboxEntry {
  return {
    id: mutation.id,
    type: mutation.type,
    args: mutation.args,
    ticketId,
    createdAt: now.toISOString(),
    attempts: 0,
  };
}
