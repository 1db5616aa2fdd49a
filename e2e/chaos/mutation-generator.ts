import { v7 as uuidv7 } from 'uuid';
import { TICKET_STATUSES, type MutationType } from '../../shared/index';
import type { MesaDb, OutboxEntry } from '../../renderer/data/db';
import { cachedTickets } from '../../renderer/data/testing/cache-contents';

/**
 * Random agent actions, valid and invalid, picked against what the client's cache shows.
 * Most go through the coordinator's mutate() like a click would; "stale" ones are written
 * straight into the outbox, as a client with an out-of-date view (or a bug) would send them,
 * so the server's own rules get to refuse things too.
 */
export type PlannedMutation =
  { via: 'mutate'; type: MutationType; args: Record<string, unknown> } | { via: 'stale'; entry: OutboxEntry };

const LIVE_TARGETS = ['new', 'assigned', 'in_progress', 'pending', 'resolved'] as const;
const CATEGORIES = ['network', 'hardware', 'software', 'access', 'email', 'printing'];
const WORDS = [
  'printer',
  'VPN',
  'password',
  'laptop',
  'Wi-Fi',
  'badge',
  'Outlook',
  'ñandú',
  'café',
  'screen',
];

export async function planMutation(db: MesaDb, random: () => number): Promise<PlannedMutation> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const maybe = (p: number) => random() < p;
  const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  // In id order, as a seed must pick the same tickets every run.
  const ticketIds = (await cachedTickets(db)).map((ticket) => ticket.id).sort();
  const agentIds = (await db.agents.toCollection().primaryKeys()) as string[];
  const ticketId = ticketIds.length && !maybe(0.02) ? pick(ticketIds) : uuidv7();
  const roll = random();

  if (roll < 0.25)
    return {
      via: 'mutate',
      type: 'comment.add',
      args: {
        ticketId,
        commentId: uuidv7(),
        body: words(1 + Math.floor(random() * 6)),
        visibility: maybe(0.5) ? 'public' : 'internal',
      },
    };
  if (roll < 0.5)
    return {
      via: 'mutate',
      type: 'ticket.transition',
      args: {
        ticketId,
        // Terminal states are rarer than in a uniform pick, or the run would soon have nothing open to work on.
        to: maybe(0.12) ? pick(TICKET_STATUSES) : pick(LIVE_TARGETS),
        ...(maybe(0.7) ? { resolutionNote: words(3), resolutionCode: 'solved' } : {}),
        ...(maybe(0.7) ? { pendingReason: 'waiting for the requester' } : {}),
        ...(maybe(0.7) ? { cancelReason: 'duplicate request' } : {}),
      },
    };
  if (roll < 0.65)
    return {
      via: 'mutate',
      type: 'ticket.assign',
      args: { ticketId, assigneeId: agentIds.length && !maybe(0.15) ? pick(agentIds) : null },
    };
  if (roll < 0.74)
    return {
      via: 'mutate',
      type: 'ticket.update',
      args: {
        ticketId,
        ...(maybe(0.5) ? { title: words(4) } : {}),
        ...(maybe(0.4)
          ? { impact: 1 + Math.floor(random() * 3), urgency: 1 + Math.floor(random() * 3) }
          : {}),
        ...(maybe(0.3) ? { tags: [pick(['vip', 'chaos', 'hw', 'remote'])] } : {}),
        ...(maybe(0.2) ? { category: pick(CATEGORIES) } : {}),
      },
    };
  if (roll < 0.8)
    return {
      via: 'mutate',
      type: 'ticket.create',
      args: {
        ticketId: uuidv7(),
        title: words(5),
        description: words(12),
        category: pick(CATEGORIES),
        impact: 1 + Math.floor(random() * 3),
        urgency: 1 + Math.floor(random() * 3),
        requester: { name: 'Chaos Requester', email: 'chaos@example.com' },
        channel: 'console',
      },
    };
  if (roll < 0.85)
    return {
      via: 'mutate',
      type: 'ticket.feedback',
      args: { ticketId, rating: 1 + Math.floor(random() * 5) },
    };
  if (roll < 0.9) {
    // Invalid by schema: refused locally before anything is written.
    return maybe(0.5)
      ? {
          via: 'mutate',
          type: 'comment.add',
          args: { ticketId, commentId: uuidv7(), body: '   ', visibility: 'public' },
        }
      : { via: 'mutate', type: 'ticket.update', args: { ticketId, impact: 7 } };
  }
  // Stale: the local rules never saw these; the server must refuse them (or accept them, if the ticket's state allows).
  const stale = pick([
    { type: 'ticket.transition', args: { ticketId, to: 'closed' } },
    { type: 'ticket.transition', args: { ticketId, to: 'pending' } },
    { type: 'ticket.feedback', args: { ticketId, rating: 5 } },
    {
      type: 'comment.add',
      args: {
        ticketId: uuidv7(),
        commentId: uuidv7(),
        body: 'on a ticket nobody has',
        visibility: 'internal',
      },
    },
  ]);
  const args = stale.args as { ticketId: string };
  return {
    via: 'stale',
    entry: {
      id: uuidv7(),
      type: stale.type,
      args,
      ticketId: args.ticketId,
      createdAt: new Date().toISOString(),
      attempts: 0,
    },
  };
}
