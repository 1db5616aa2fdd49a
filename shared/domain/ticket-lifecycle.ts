import type { TicketStatus, TransitionError, TransitionInput, TransitionResult } from './types';

/** In lifecycle order, for menus and filters. */
export const TICKET_STATUSES: readonly TicketStatus[] = Object.freeze([
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
] as const);

/** A resolved ticket can be reopened for this many full days; after that, open a new one. */
export const REOPEN_WINDOW_DAYS = 7;
const REOPEN_WINDOW_MS = REOPEN_WINDOW_DAYS * 86_400_000;

/** docs/domain-rules.md's table. Anything not listed is invalid_transition. */
export const ALLOWED_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = Object.freeze({
  new: Object.freeze(['assigned', 'in_progress', 'resolved', 'cancelled'] as const),
  assigned: Object.freeze(['new', 'in_progress', 'pending', 'resolved', 'cancelled'] as const),
  in_progress: Object.freeze(['assigned', 'pending', 'resolved', 'cancelled'] as const),
  pending: Object.freeze(['assigned', 'in_progress', 'resolved', 'cancelled'] as const),
  resolved: Object.freeze(['closed', 'in_progress'] as const),
  closed: Object.freeze([] as const),
  cancelled: Object.freeze([] as const),
});

/** Statuses that need someone working the ticket. */
const NEEDS_ASSIGNEE: ReadonlySet<TicketStatus> = new Set(['assigned', 'in_progress', 'pending']);

const LABELS: Readonly<Record<TicketStatus, string>> = {
  new: 'New',
  assigned: 'Assigned',
  in_progress: 'In progress',
  pending: 'Pending',
  resolved: 'Resolved',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** The statuses a ticket in `from` may move to (the status menu offers exactly these). */
export function allowedNextStatuses(from: TicketStatus): readonly TicketStatus[] {
  return Object.hasOwn(ALLOWED_TRANSITIONS, from) ? ALLOWED_TRANSITIONS[from] : [];
}

/**
 * Whether `ticket` may move to `to` (docs/domain-rules.md). Checked in this order, the first
 * failure wins: same status; the table; then the guards as the contract lists them —
 * assignee, pending reason, resolution note, cancel reason, reopen window.
 *
 * The assignee is `input.assigneeId` when given (not null/undefined), else the ticket's;
 * a blank id counts as none. `now` is a parameter so the server and an offline console
 * judge the reopen window on the same clock reading.
 */
export function checkTransition(
  ticket: { status: TicketStatus; assigneeId?: string | null; resolvedAt?: Date | null },
  to: TicketStatus,
  input: TransitionInput = {},
  now: Date = new Date(),
): TransitionResult {
  const from = ticket.status;
  if (to === from) return fail('same_status', `The ticket is already ${label(from)}.`);
  if (!allowedNextStatuses(from).includes(to)) {
    return fail('invalid_transition', `A ticket cannot go from ${label(from)} to ${label(to)}.`);
  }

  if (NEEDS_ASSIGNEE.has(to) && isBlank(input.assigneeId ?? ticket.assigneeId)) {
    return fail('assignee_required', `Assign the ticket to someone before moving it to ${label(to)}.`);
  }
  if (to === 'pending' && isBlank(input.pendingReason)) {
    return fail(
      'pending_reason_required',
      'Say what the ticket is waiting for before setting it to Pending.',
    );
  }
  if (to === 'resolved' && isBlank(input.resolutionNote)) {
    return fail('resolution_required', 'Write a resolution note saying how the issue was solved.');
  }
  if (to === 'cancelled' && isBlank(input.cancelReason)) {
    return fail('cancel_reason_required', 'Give a reason for cancelling the ticket.');
  }
  if (from === 'resolved' && to === 'in_progress' && !withinReopenWindow(ticket.resolvedAt, now)) {
    return fail(
      'reopen_window_expired',
      `This ticket was resolved more than ${REOPEN_WINDOW_DAYS} days ago and can no longer be reopened; open a new ticket instead.`,
    );
  }
  return { ok: true };
}

/**
 * `now − resolvedAt <= 7 days`, to the millisecond. A resolved ticket with no recorded
 * resolution time cannot be measured against the window, so it is not held to it; an
 * unreadable (Invalid) date is, and fails.
 */
function withinReopenWindow(resolvedAt: Date | null | undefined, now: Date): boolean {
  if (resolvedAt === null || resolvedAt === undefined) return true;
  return now.getTime() - resolvedAt.getTime() <= REOPEN_WINDOW_MS;
}

function isBlank(text: string | null | undefined): boolean {
  return typeof text !== 'string' || text.trim() === '';
}

function label(status: TicketStatus): string {
  return Object.hasOwn(LABELS, status) ? LABELS[status] : JSON.stringify(status);
}

function fail(code: TransitionError, message: string): TransitionResult {
  return { ok: false, code, message };
}
