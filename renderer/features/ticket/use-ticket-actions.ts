import { useMemo } from 'react';
import { v7 as uuidv7 } from 'uuid';
import type { Impact, TicketStatus, TransitionInput, Urgency } from '../../../shared/index';
import type { CachedTicket } from '../../data/db';
import { useDraftStore, type Draft } from '../../stores/draft-store';
import { mutate } from '../mutations';
import { predictTransition, type ActionResult } from './actions';

type TransitionArgs = TransitionInput & { resolutionCode?: string };

/**
 * The ticket view's actions as named mutations. Each returns the local prediction, so the
 * control that asked can show a refusal beside itself.
 */
export function useTicketActions(ticket: CachedTicket | undefined) {
  const rememberQueuedReply = useDraftStore((s) => s.rememberQueuedReply);
  return useMemo(() => {
    const ticketId = ticket?.id ?? '';
    const transition = (to: TicketStatus, input: TransitionArgs): Promise<ActionResult> =>
      mutate('ticket.transition', {
        ticketId,
        to,
        ...(input.resolutionNote !== undefined ? { resolutionNote: input.resolutionNote } : {}),
        ...(input.resolutionCode !== undefined ? { resolutionCode: input.resolutionCode as never } : {}),
        ...(input.pendingReason !== undefined ? { pendingReason: input.pendingReason } : {}),
        ...(input.cancelReason !== undefined ? { cancelReason: input.cancelReason } : {}),
      });
    const assign = (assigneeId: string | null): Promise<ActionResult> =>
      mutate('ticket.assign', { ticketId, assigneeId });
    const update = (fields: {
      category?: string;
      impact?: Impact;
      urgency?: Urgency;
    }): Promise<ActionResult> => mutate('ticket.update', { ticketId, ...fields });

    /** The reply, then what its canned reply asked for (category, then status, which may need the reply as its note). */
    async function reply(draft: Draft): Promise<ActionResult> {
      if (!ticket) return { ok: false, code: 'not_found', message: 'No ticket.' };
      const status = draft.effects?.setStatus ?? null;
      const statusInput: TransitionArgs =
        status === 'resolved'
          ? { resolutionNote: draft.body }
          : status === 'pending'
            ? { pendingReason: draft.body }
            : {};
      // Refuse the whole action up front rather than send a reply whose status change then fails.
      if (status && status !== ticket.status) {
        const predicted = predictTransition(ticket, status, statusInput);
        if (!predicted.ok) return predicted;
      }
      const commentId = uuidv7();
      const sent = await mutate('comment.add', {
        ticketId,
        commentId,
        body: draft.body,
        visibility: draft.visibility,
        writtenAt: new Date().toISOString(),
      });
      if (!sent.ok) return sent;
      rememberQueuedReply(commentId, ticket.server?.updatedAt ?? null);
      if (draft.effects?.setCategory && draft.effects.setCategory !== ticket.category) {
        const changed = await update({ category: draft.effects.setCategory });
        if (!changed.ok) return changed;
      }
      if (status && status !== ticket.status) return transition(status, statusInput);
      return { ok: true };
    }

    return { transition, assign, update, reply };
  }, [ticket, rememberQueuedReply]);
}
