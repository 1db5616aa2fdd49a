import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { LIMITS, textSchema, type Ticket } from '../../shared/index';
import type { Services } from '../services';
import { findTicket } from '../storage/ticket-rows';
import type { FeedbackNotice } from './feedback-pages';

export const feedbackFormSchema = z.object({
  rating: z.coerce.number().int().min(1).max(5),
  comment: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    textSchema(LIMITS.reasonMax).optional(),
  ),
});

export type FeedbackLinkState =
  { kind: 'open'; ticket: Ticket } | { kind: 'closed'; status: number; notice: FeedbackNotice };

/** What a feedback link leads to: the form, or why not (bad or expired link, already rated, not resolved). */
export async function feedbackLinkState(services: Services, token: string): Promise<FeedbackLinkState> {
  const check = services.feedbackTokens.verify(token, services.clock());
  if (!check.ok) {
    if (check.reason === 'expired') return { kind: 'closed', status: 410, notice: 'expired' };
    return { kind: 'closed', status: check.reason === 'bad_signature' ? 403 : 400, notice: 'invalid' };
  }
  const ticket = await findTicket(services.database.db, check.ticketId);
  if (!ticket) return { kind: 'closed', status: 404, notice: 'invalid' };
  if (ticket.feedback) return { kind: 'closed', status: 409, notice: 'used' };
  if (ticket.status !== 'resolved' && ticket.status !== 'closed')
    return { kind: 'closed', status: 409, notice: 'notYet' };
  return { kind: 'open', ticket };
}

/** Records the requester's rating as a `ticket.feedback` mutation; the shared rules make it single-use. */
export async function recordFeedback(
  services: Services,
  ticket: Ticket,
  input: z.infer<typeof feedbackFormSchema>,
): Promise<{ status: number; notice: FeedbackNotice }> {
  const result = await services.push.applyAs(
    { kind: 'requester', name: ticket.requester.name },
    {
      id: uuidv7(),
      type: 'ticket.feedback',
      args: {
        ticketId: ticket.id,
        rating: input.rating,
        ...(input.comment ? { comment: input.comment } : {}),
      },
    },
    'feedback-link',
  );
  if (result.status === 'applied') return { status: 200, notice: 'thanks' };
  return { status: 409, notice: result.code === 'feedback_already_given' ? 'used' : 'notYet' };
}
