import {
  applyTicketMutation,
  policyForTeam,
  ticketIdOf,
  type Agent,
  type TicketMutation,
  type TicketMutationContext,
} from '../../shared/index';
import { findAgent } from '../storage/agent-rows';
import { findBlob } from '../storage/blob-rows';
import {
  attachmentExists,
  commentExists,
  findTicket,
  saveAttachment,
  saveComment,
  saveTicket,
} from '../storage/ticket-rows';
import { refreshAgentLoads } from './agent-load';
import { applied, rejected, type Decision, type MutationScope } from './mutation-scope';

/**
 * Decides a ticket mutation with the shared applyTicketMutation (the rules live there,
 * once, for server and console) and writes what it returns. This file only gathers what
 * the rules need to look up and checks what only the server can know: that referenced
 * rows exist, and that an uploaded file is really there.
 */
export async function applyTicketMutationInScope(
  scope: MutationScope,
  mutation: TicketMutation,
): Promise<Decision> {
  const precheck = await checkReferences(scope, mutation);
  if (!precheck.ok) return precheck;

  const before = await findTicket(scope.trx, ticketIdOf(mutation), scope.log.sqlite);
  const refs = await scope.refs();
  const assignee =
    mutation.type === 'ticket.assign' && mutation.args.assigneeId
      ? await findAgent(scope.trx, mutation.args.assigneeId)
      : undefined;
  const ctx: TicketMutationContext = {
    actor: scope.actor,
    now: scope.now,
    findAgent: (id): Agent | undefined => (assignee?.id === id ? assignee : undefined),
    policyFor: (ticket) => policyForTeam(refs, ticket.teamId),
    defaultTeamFor: (category) => refs.categories.get(category)?.defaultTeamId ?? null,
  };
  const outcome = applyTicketMutation(before, mutation, ctx);
  if (!outcome.ok) return rejected(outcome.code, outcome.message);

  const ticket = outcome.ticket;
  if (mutation.type === 'ticket.create') ticket.number = await scope.ticketNumbers.take();
  await saveTicket(scope.trx, ticket, scope.log.sqlite);
  scope.log.changed('ticket', ticket.id);

  if (outcome.comment) {
    await saveComment(scope.trx, outcome.comment);
    scope.log.changed('comment', outcome.comment.id);
  }
  if (outcome.attachment) {
    // Size and type come from the stored bytes, never from what the client claimed.
    const blob = await findBlob(scope.trx, outcome.attachment.sha256);
    const attachment = {
      ...outcome.attachment,
      size: blob?.size ?? outcome.attachment.size,
      contentType: blob?.contentType ?? outcome.attachment.contentType,
    };
    await saveAttachment(scope.trx, attachment);
    scope.log.changed('attachment', attachment.id);
  }
  await refreshAgentLoads(scope, before, ticket);
  await scope.onTicketChanged({
    before,
    after: ticket,
    ...(outcome.comment ? { comment: outcome.comment } : {}),
  });
  return applied;
}

async function checkReferences(scope: MutationScope, mutation: TicketMutation): Promise<Decision> {
  const teamId =
    mutation.type === 'ticket.create' || mutation.type === 'ticket.assign' ? mutation.args.teamId : undefined;
  if (teamId && !(await scope.refs()).teams.has(teamId))
    return rejected('not_found', 'That team does not exist.');
  if (mutation.type === 'comment.add' && (await commentExists(scope.trx, mutation.args.commentId))) {
    return rejected('already_exists', 'A comment with this id already exists.');
  }
  if (mutation.type === 'attachment.add') {
    if (await attachmentExists(scope.trx, mutation.args.attachmentId))
      return rejected('already_exists', 'An attachment with this id already exists.');
    if (!(await findBlob(scope.trx, mutation.args.sha256))) {
      return rejected(
        'attachment_missing',
        'The file has not been uploaded yet; upload it, then attach it again.',
      );
    }
  }
  return applied;
}
