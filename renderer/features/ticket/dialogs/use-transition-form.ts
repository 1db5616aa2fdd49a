import { useState } from 'react';
import type { Ticket, TicketStatus, TransitionInput } from '../../../../shared/index';
import type { Refusal } from '../../../i18n/refusals';
import { predictTransition, type ActionResult } from '../actions';

export type TransitionSubmit = (
  to: TicketStatus,
  input: TransitionInput & { resolutionCode?: string },
) => Promise<ActionResult>;

/** Codes that belong to a field of the dialog; any other refusal shows beside the submit button. */
const FIELD_CODES = new Set(['resolution_required', 'pending_reason_required', 'cancel_reason_required']);

/**
 * The state every status dialog shares: predict with the shared rule, submit, and keep the
 * refusal so the dialog can show it next to the field (or button) that caused it.
 */
export function useTransitionForm(
  ticket: Pick<Ticket, 'status' | 'assigneeId' | 'resolvedAt'>,
  to: TicketStatus,
  onSubmit: TransitionSubmit,
  onDone: () => void,
) {
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(input: TransitionInput & { resolutionCode?: string }) {
    const predicted = predictTransition(ticket, to, input);
    if (!predicted.ok) {
      setRefusal({ code: predicted.code, message: predicted.message });
      return;
    }
    setBusy(true);
    try {
      const result = await onSubmit(to, input);
      if (result.ok) onDone();
      else setRefusal({ code: result.code, message: result.message });
    } finally {
      setBusy(false);
    }
  }

  const fieldRefusal = refusal && FIELD_CODES.has(refusal.code) ? refusal : null;
  const otherRefusal = refusal && !FIELD_CODES.has(refusal.code) ? refusal : null;
  return { submit, busy, fieldRefusal, otherRefusal, context: { from: ticket.status, to } };
}
