import { acceptsChanges } from '../../../shared/index';
import { attachFiles, type AttachResult } from '../../attachments/attach-files';
import { pokeAppUploads } from '../../attachments/app-uploads';
import { getDb } from '../../data/app-db';
import type { CachedTicket, RefusedFile, Rejection } from '../../data/db';
import type { RefusedWork } from '../../data/refused-work';
import { dismissRejection } from '../../data/ticket-queries';
import { useDraftStore } from '../../stores/draft-store';
import { useUiStore, type NewTicketSeed } from '../../stores/ui-store';
import { appSyncCoordinator } from '../../sync/app-sync';

/**
 * Handing refused work back to the agent. Each way out moves the text (or file) somewhere
 * that keeps it (the ticket's draft, a new ticket's form, the ticket again) before the
 * refusal is dismissed, so nothing is lost between the two.
 */

/** The ticket still takes replies and files: the refused work can go back onto it. */
export const canReturnTo = (ticket: CachedTicket | undefined): ticket is CachedTicket =>
  ticket !== undefined && acceptsChanges(ticket.status);

/** A refused reply or note becomes the ticket's draft again (added under any draft already there). */
export async function reopenAsDraft(
  rejection: Rejection,
  work: Extract<RefusedWork, { kind: 'reply' }>,
  ticketId: string,
): Promise<void> {
  useDraftStore.getState().insertIntoDraft(ticketId, work.text, work.visibility);
  await dismissRejection(rejection.id);
  useUiStore.getState().openTicket(ticketId);
}

/** The new-ticket form, filled with the refused work: a refused new ticket as it was, a reply under its ticket's subject and requester. */
export function newTicketSeedOf(
  rejection: Rejection,
  work: RefusedWork,
  ticket: CachedTicket | undefined,
): NewTicketSeed {
  if (work.kind === 'ticket')
    return {
      title: work.title,
      description: work.text,
      requester: work.requester,
      fromRefusalId: rejection.id,
    };
  return {
    title: ticket?.title ?? '',
    description: work.kind === 'reply' ? work.text : '',
    requester: ticket?.requester ?? null,
    fromRefusalId: rejection.id,
  };
}

/** A refused file attached to the ticket again; the refusal goes once every file is stored. */
export async function attachAgain(
  rejection: Rejection,
  files: readonly RefusedFile[],
  ticketId: string,
): Promise<AttachResult> {
  const asFiles = files.map((f) => new File([f.blob], f.fileName, { type: f.contentType }));
  const result = await attachFiles(ticketId, asFiles, { db: getDb() });
  if (result.attached.length === files.length) await dismissRejection(rejection.id);
  if (result.attached.length > 0) {
    pokeAppUploads();
    void appSyncCoordinator()?.sync();
  }
  return result;
}
