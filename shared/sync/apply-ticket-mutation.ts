import { priorityOf } from '../domain/priority';
import { checkTransition } from '../domain/ticket-lifecycle';
import type { SlaPolicy, TicketStatus } from '../domain/types';
import type { Agent } from '../entities/agent';
import type { Attachment } from '../entities/attachment';
import type { Comment } from '../entities/comment';
import type { AuditEntry, Ticket } from '../entities/ticket';
import type { Mutation, MutationArgs } from './mutations';
import type { RejectionCode } from './wire';
import { ticketSla } from './ticket-sla';

/**
 * Who is acting: an agent through the console, a requester through the portal or a
 * feedback link, or the server itself (the auto-close job), which the audit shows as no agent.
 */
export type Actor =
  | { kind: 'agent'; id: string; name: string; role: 'admin' | 'agent' }
  | { kind: 'requester'; name: string }
  | { kind: 'system'; name: string };

/** What a ticket mutation may look up besides the ticket itself. Pure lookups, no I/O promises. */
export interface TicketMutationContext {
  actor: Actor;
  now: Date;
  findAgent(id: string): Pick<Agent, 'id' | 'active' | 'teamIds'> | undefined;
  /** The SLA policy that governs a ticket (by team, else the default); null means no SLA. */
  policyFor(ticket: Pick<Ticket, 'teamId' | 'priority'>): SlaPolicy | null;
  /** The team a new ticket of this category goes to when the creator names none. */
  defaultTeamFor?(category: string): string | null;
}

export type TicketMutationOutcome =
  | { ok: true; ticket: Ticket; comment?: Comment; attachment?: Attachment }
  | { ok: false; code: RejectionCode; message: string };

export type TicketMutation = Extract<
  Mutation,
  {
    type:
      | 'ticket.create'
      | 'ticket.update'
      | 'ticket.assign'
      | 'ticket.transition'
      | 'comment.add'
      | 'comment.requester_reply'
      | 'ticket.feedback'
      | 'attachment.add';
  }
>;

export const TICKET_MUTATION_TYPES: ReadonlySet<string> = new Set<TicketMutation['type']>([
  'ticket.create',
  'ticket.update',
  'ticket.assign',
  'ticket.transition',
  'comment.add',
  'comment.requester_reply',
  'ticket.feedback',
  'attachment.add',
]);

export const isTicketMutation = (mutation: Mutation): mutation is TicketMutation =>
  TICKET_MUTATION_TYPES.has(mutation.type);

/** The ticket a mutation acts on. */
export const ticketIdOf = (mutation: TicketMutation): string => mutation.args.ticketId;

const TERMINAL: ReadonlySet<TicketStatus> = new Set(['closed', 'cancelled']);
/** Whether a ticket in this status takes replies, files and edits (the guard every mutation below applies). */
export const acceptsChanges = (status: TicketStatus): boolean => !TERMINAL.has(status);
const OPEN: ReadonlySet<TicketStatus> = new Set(['new', 'assigned', 'in_progress', 'pending']);

export const isOpenStatus = (status: TicketStatus): boolean => OPEN.has(status);

const reject = (code: RejectionCode, message: string): TicketMutationOutcome => ({
  ok: false,
  code,
  message,
});

/**
 * Applies one ticket mutation to the ticket as it stands. The backend runs it to decide,
 * the console runs it to predict offline: the same rules on both sides, so a prediction
 * only fails when the server's state moved under it.
 */
export function applyTicketMutation(
  current: Ticket | undefined,
  mutation: TicketMutation,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (mutation.type === 'ticket.create') {
    if (current) return reject('already_exists', 'A ticket with this id already exists.');
    return withSla(createTicket(mutation.args, ctx), ctx, 'ticket.create', {});
  }
  if (!current) return reject('not_found', 'The ticket does not exist (it may have been deleted).');
  // A requester acts only through the server (portal, mail, their page): feedback, a reply, its files.
  const requesterMay =
    mutation.type === 'ticket.feedback' ||
    mutation.type === 'comment.requester_reply' ||
    mutation.type === 'attachment.add';
  if (ctx.actor.kind === 'requester' && !requesterMay) {
    return reject('forbidden', 'Only agents can change a ticket.');
  }
  if (ctx.actor.kind !== 'requester' && mutation.type === 'comment.requester_reply') {
    return reject('forbidden', "Only the requester can post the requester's reply.");
  }

  switch (mutation.type) {
    case 'ticket.update':
      return update(current, mutation.args, ctx);
    case 'ticket.assign':
      return assign(current, mutation.args, ctx);
    case 'ticket.transition':
      return transition(current, mutation.args, ctx);
    case 'comment.add':
      return addComment(current, mutation.args, ctx);
    case 'comment.requester_reply':
      return requesterReply(current, mutation.args, ctx);
    case 'ticket.feedback':
      return feedback(current, mutation.args, ctx);
    case 'attachment.add':
      return addAttachment(current, mutation.args, ctx);
  }
}

function createTicket(args: MutationArgs<'ticket.create'>, ctx: TicketMutationContext): Ticket {
  const at = ctx.now.toISOString();
  return {
    id: args.ticketId,
    number: null,
    title: args.title,
    description: args.description,
    category: args.category,
    impact: args.impact,
    urgency: args.urgency,
    priority: priorityOf(args.impact, args.urgency),
    status: 'new',
    assigneeId: null,
    teamId: args.teamId ?? ctx.defaultTeamFor?.(args.category) ?? null,
    requester: args.requester,
    channel: args.channel ?? (ctx.actor.kind === 'requester' ? 'portal' : 'console'),
    tags: args.tags ?? [],
    createdAt: at,
    updatedAt: at,
    firstResponseAt: null,
    resolvedAt: null,
    closedAt: null,
    resolutionNote: null,
    resolutionCode: null,
    pendingReason: null,
    cancelReason: null,
    feedback: null,
    slaPolicyId: null,
    statusHistory: [{ at, status: 'new' }],
    sla: null,
    audit: [],
  };
}

function update(
  current: Ticket,
  args: MutationArgs<'ticket.update'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (TERMINAL.has(current.status))
    return reject('ticket_closed', `The ticket is ${current.status} and can no longer be edited.`);
  const { ticketId: _id, ...fields } = args;
  const next: Ticket = { ...current };
  for (const [key, value] of Object.entries(fields) as Array<[keyof typeof fields, unknown]>) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  next.priority = priorityOf(next.impact, next.urgency);
  return withSla(
    next,
    ctx,
    'ticket.update',
    diff(current, next, ['title', 'description', 'category', 'impact', 'urgency', 'priority', 'tags']),
  );
}

function assign(
  current: Ticket,
  args: MutationArgs<'ticket.assign'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (TERMINAL.has(current.status))
    return reject('ticket_closed', `The ticket is ${current.status}; it can no longer be assigned.`);
  if (args.assigneeId !== null) {
    const agent = ctx.findAgent(args.assigneeId);
    if (!agent) return reject('not_found', 'That agent does not exist.');
    if (!agent.active) return reject('assignee_unavailable', 'That agent account is deactivated.');
  }
  const next: Ticket = { ...current, assigneeId: args.assigneeId };
  if (args.teamId !== undefined) next.teamId = args.teamId;
  if (args.assigneeId === null && (current.status === 'in_progress' || current.status === 'pending')) {
    return reject(
      'assignee_required',
      `A ticket that is ${current.status.replace('_', ' ')} needs an assignee; move it back to new first.`,
    );
  }
  // Assigning a new ticket makes it assigned; taking the assignee away returns it to the queue.
  if (args.assigneeId !== null && current.status === 'new') pushStatus(next, 'assigned', ctx.now);
  if (args.assigneeId === null && current.status === 'assigned') pushStatus(next, 'new', ctx.now);
  return withSla(next, ctx, 'ticket.assign', diff(current, next, ['assigneeId', 'teamId', 'status']));
}

function transition(
  current: Ticket,
  args: MutationArgs<'ticket.transition'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  const check = checkTransition(
    {
      status: current.status,
      assigneeId: current.assigneeId,
      resolvedAt: current.resolvedAt ? new Date(current.resolvedAt) : null,
    },
    args.to,
    {
      resolutionNote: args.resolutionNote,
      pendingReason: args.pendingReason,
      cancelReason: args.cancelReason,
    },
    ctx.now,
  );
  if (!check.ok) return reject(check.code, check.message);

  const at = ctx.now.toISOString();
  const next: Ticket = { ...current };
  pushStatus(next, args.to, ctx.now);
  switch (args.to) {
    case 'new':
      next.assigneeId = null;
      break;
    case 'pending':
      next.pendingReason = args.pendingReason?.trim() ?? null;
      break;
    case 'resolved':
      next.resolvedAt = at;
      next.resolutionNote = args.resolutionNote?.trim() ?? null;
      next.resolutionCode = args.resolutionCode ?? 'solved';
      break;
    case 'closed':
      next.closedAt = at;
      break;
    case 'cancelled':
      next.cancelReason = args.cancelReason?.trim() ?? null;
      break;
    case 'in_progress':
      // A reopen: the resolution no longer stands, and the auto-close job must not close it.
      if (current.status === 'resolved') next.resolvedAt = null;
      break;
  }
  if (current.status === 'pending' && args.to !== 'pending') next.pendingReason = null;
  return withSla(
    next,
    ctx,
    'ticket.transition',
    diff(current, next, [
      'status',
      'assigneeId',
      'resolutionNote',
      'resolutionCode',
      'pendingReason',
      'cancelReason',
    ]),
  );
}

function addComment(
  current: Ticket,
  args: MutationArgs<'comment.add'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (TERMINAL.has(current.status))
    return reject('ticket_closed', `The ticket is ${current.status}; replies are no longer accepted.`);
  if (ctx.actor.kind !== 'agent') return reject('forbidden', 'Only agents can comment here.');
  const at = ctx.now.toISOString();
  const comment: Comment = {
    id: args.commentId,
    ticketId: current.id,
    authorId: ctx.actor.id,
    authorName: ctx.actor.name,
    body: args.body,
    visibility: args.visibility,
    attachments: args.attachments ?? [],
    writtenAt: args.writtenAt ?? at,
    createdAt: at,
  };
  const next: Ticket = { ...current };
  // The first public reply by an agent is the first response the SLA measures.
  if (args.visibility === 'public' && !current.firstResponseAt) next.firstResponseAt = at;
  const outcome = withSla(next, ctx, 'comment.add', {
    ...diff(current, next, ['firstResponseAt']),
    comment: [null, { id: comment.id, visibility: comment.visibility }],
  });
  return outcome.ok ? { ...outcome, comment } : outcome;
}

/**
 * The requester's answer is a public comment with no author id. A pending ticket was
 * waiting for exactly this, so it goes back to work: to in_progress, since pending always
 * has an assignee; its resolution clock runs again from the status change.
 */
function requesterReply(
  current: Ticket,
  args: MutationArgs<'comment.requester_reply'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (TERMINAL.has(current.status))
    return reject('ticket_closed', `The ticket is ${current.status}; replies are no longer accepted.`);
  const at = ctx.now.toISOString();
  const comment: Comment = {
    id: args.commentId,
    ticketId: current.id,
    authorId: null,
    authorName: current.requester.name,
    body: args.body,
    visibility: 'public',
    attachments: args.attachments ?? [],
    writtenAt: at,
    createdAt: at,
    channel: args.channel,
  };
  const next: Ticket = { ...current };
  if (current.status === 'pending') {
    const back = current.assigneeId ? 'in_progress' : 'new';
    const check = checkTransition(
      { status: current.status, assigneeId: current.assigneeId },
      back,
      {},
      ctx.now,
    );
    if (check.ok) {
      pushStatus(next, back, ctx.now);
      next.pendingReason = null;
    }
  }
  const outcome = withSla(next, ctx, 'comment.requester_reply', {
    ...diff(current, next, ['status', 'pendingReason']),
    comment: [null, { id: comment.id, visibility: comment.visibility, channel: args.channel }],
  });
  return outcome.ok ? { ...outcome, comment } : outcome;
}

function feedback(
  current: Ticket,
  args: MutationArgs<'ticket.feedback'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (ctx.actor.kind !== 'requester') {
    return reject(
      'feedback_requester_only',
      'Only the requester can rate a ticket, through the link in their mail.',
    );
  }
  if (current.status !== 'resolved' && current.status !== 'closed') {
    return reject('feedback_not_allowed', 'Feedback can be given once the ticket is resolved.');
  }
  if (current.feedback)
    return reject('feedback_already_given', 'Feedback for this ticket was already given.');
  const next: Ticket = {
    ...current,
    feedback: {
      rating: args.rating,
      ...(args.comment ? { comment: args.comment } : {}),
      at: ctx.now.toISOString(),
    },
  };
  return withSla(next, ctx, 'ticket.feedback', diff(current, next, ['feedback']));
}

function addAttachment(
  current: Ticket,
  args: MutationArgs<'attachment.add'>,
  ctx: TicketMutationContext,
): TicketMutationOutcome {
  if (TERMINAL.has(current.status))
    return reject('ticket_closed', `The ticket is ${current.status}; files can no longer be attached.`);
  const at = ctx.now.toISOString();
  const attachment: Attachment = {
    id: args.attachmentId,
    ticketId: current.id,
    commentId: args.commentId ?? null,
    sha256: args.sha256,
    fileName: args.fileName,
    contentType: args.contentType,
    size: args.size,
    uploadedById: ctx.actor.kind === 'agent' ? ctx.actor.id : null,
    createdAt: at,
  };
  const outcome = withSla({ ...current }, ctx, 'attachment.add', {
    attachment: [null, { fileName: args.fileName, sha256: args.sha256 }],
  });
  return outcome.ok ? { ...outcome, attachment } : outcome;
}

function pushStatus(ticket: Ticket, status: TicketStatus, now: Date): void {
  ticket.status = status;
  ticket.statusHistory = [...ticket.statusHistory, { at: now.toISOString(), status }];
}

function diff(before: Ticket, after: Ticket, fields: Array<keyof Ticket>): AuditEntry['changes'] {
  const changes: AuditEntry['changes'] = {};
  for (const field of fields) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field]))
      changes[field] = [before[field], after[field]];
  }
  return changes;
}

/** Stamps the change: updatedAt, the audit line, and the SLA clocks as of now. */
function withSla(
  next: Ticket,
  ctx: TicketMutationContext,
  action: string,
  changes: AuditEntry['changes'],
): TicketMutationOutcome {
  const at = ctx.now.toISOString();
  next.updatedAt = at;
  next.audit = [
    ...next.audit,
    { at, actorId: ctx.actor.kind === 'agent' ? ctx.actor.id : null, action, changes },
  ];
  const policy = ctx.policyFor(next);
  next.slaPolicyId = policy?.id ?? null;
  next.sla = policy ? ticketSla(next, policy, ctx.now) : null;
  return { ok: true, ticket: next };
}
