import { v7 as uuidv7 } from 'uuid';
import type { MutationEnvelope } from '../../shared/index';

/**
 * What an agent's console pushes over a day, in proportion: new tickets (4 in 10), public
 * replies (3 in 10) and status changes (3 in 10: take the ticket, start work, resolve).
 * Each console works only its own tickets, one push at a time per ticket, so every push's
 * change can be told apart in the log (see latency-tracker.ts).
 */
export type TicketStep = 'new' | 'assigned' | 'in_progress';

export interface OwnTicket {
  id: string;
  step: TicketStep;
}

export interface PlannedMutation {
  mutation: MutationEnvelope;
  /** The entity whose next change is this push's: `entity:id`, as the change log names it. */
  key: string;
  /** The console's own ticket the push changes (a reply changes its ticket too). */
  ticketId: string;
  /** After the push is applied: the ticket to add or advance (none for a reply). */
  after: { add?: OwnTicket; advance?: OwnTicket; drop?: OwnTicket };
}

const CATEGORIES = ['network', 'hardware', 'software', 'access', 'email', 'printing'] as const;
const TITLES = [
  'La impresora de la planta 2 no imprime',
  'No puedo entrar en la VPN desde casa',
  'Outlook asks for my password again and again',
  'El portátil no arranca tras la actualización',
  'Need access to the finance shared folder',
];

export const changeKey = (entity: string, id: string): string => `${entity}:${id}`;

/** `ready` are the console's own tickets whose last push has reached its own cursor. */
export function planMutation(
  agentId: string,
  ready: OwnTicket[],
  random: () => number,
  n: number,
): PlannedMutation {
  const roll = random();
  const ticket = ready.length ? ready[Math.floor(random() * ready.length)]! : null;
  if (!ticket || roll < 0.4) {
    const ticketId = uuidv7();
    return {
      mutation: {
        id: uuidv7(),
        type: 'ticket.create',
        args: {
          ticketId,
          title: `${TITLES[n % TITLES.length]} (#${n})`,
          description: 'Desde esta mañana. He reiniciado y sigue igual; adjunto captura si hace falta.',
          category: CATEGORIES[n % CATEGORIES.length],
          impact: (n % 3) + 1,
          urgency: ((n >> 1) % 3) + 1,
          requester: { name: 'Carmen García', email: `carmen.${n % 97}@example.org` },
          channel: 'phone',
        },
      },
      key: changeKey('ticket', ticketId),
      ticketId,
      after: { add: { id: ticketId, step: 'new' } },
    };
  }
  if (roll < 0.7) {
    const commentId = uuidv7();
    return {
      mutation: {
        id: uuidv7(),
        type: 'comment.add',
        args: {
          ticketId: ticket.id,
          commentId,
          body: 'Gracias por avisar: lo estamos revisando y te escribimos en cuanto sepamos más.',
          visibility: 'public',
        },
      },
      key: changeKey('comment', commentId),
      ticketId: ticket.id,
      after: {},
    };
  }
  const key = changeKey('ticket', ticket.id);
  const id = uuidv7();
  if (ticket.step === 'new')
    return {
      mutation: { id, type: 'ticket.assign', args: { ticketId: ticket.id, assigneeId: agentId } },
      key,
      ticketId: ticket.id,
      after: { advance: { id: ticket.id, step: 'assigned' } },
    };
  if (ticket.step === 'assigned')
    return {
      mutation: { id, type: 'ticket.transition', args: { ticketId: ticket.id, to: 'in_progress' } },
      key,
      ticketId: ticket.id,
      after: { advance: { id: ticket.id, step: 'in_progress' } },
    };
  return {
    mutation: {
      id,
      type: 'ticket.transition',
      args: {
        ticketId: ticket.id,
        to: 'resolved',
        resolutionNote: 'Reiniciado el servicio de cola de impresión.',
      },
    },
    key,
    ticketId: ticket.id,
    after: { drop: ticket },
  };
}
