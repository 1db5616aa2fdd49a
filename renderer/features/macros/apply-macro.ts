import type { Macro } from '../../../shared/index';
import { ticketById } from '../../data/ticket-queries';
import { useDraftStore } from '../../stores/draft-store';
import { useUiStore } from '../../stores/ui-store';
import { effectsOf, expandMacro } from './expand-macro';

/**
 * Puts a canned reply into a ticket's reply draft (from the reply box or the palette):
 * placeholders filled, visibility taken from the macro, its field changes held until
 * the reply is sent, and the reply box focused so the agent can edit before sending.
 */
export async function applyMacro(ticketId: string, macro: Macro, agentName: string): Promise<void> {
  const ticket = await ticketById(ticketId);
  if (!ticket) return;
  const text = expandMacro(macro.body, { ticket, agentName });
  useDraftStore.getState().insertIntoDraft(ticketId, text, macro.visibility, effectsOf(macro));
  useUiStore.getState().focusReply();
}
