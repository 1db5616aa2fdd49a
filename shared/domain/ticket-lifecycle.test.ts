import { describe, expect, it } from 'vitest';
import {
  ALLOWED_TRANSITIONS,
  REOPEN_WINDOW_DAYS,
  TICKET_STATUSES,
  allowedNextStatuses,
  checkTransition,
} from './ticket-lifecycle';
import type { TicketStatus, TransitionInput } from './types';

const DAY = 86_400_000;
const NOW = new Date('2026-06-10T12:00:00Z');
const COMPLETE_INPUT: TransitionInput = {
  resolutionNote: 'Replaced the cable',
  pendingReason: 'Waiting for the requester',
  cancelReason: 'Duplicate of INC-1',
};

/** docs/domain-rules.md's table, written out again independently of the implementation. */
const CONTRACT_TABLE: Record<TicketStatus, TicketStatus[]> = {
  new: ['assigned', 'in_progress', 'resolved', 'cancelled'],
  assigned: ['new', 'in_progress', 'pending', 'resolved', 'cancelled'],
  in_progress: ['assigned', 'pending', 'resolved', 'cancelled'],
  pending: ['assigned', 'in_progress', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

const ticketIn = (status: TicketStatus) => ({
  status,
  assigneeId: 'agent-1',
  resolvedAt: new Date(NOW.getTime() - DAY),
});

describe('TICKET_STATUSES and the table', () => {
  it('lists the seven statuses in lifecycle order', () => {
    expect(TICKET_STATUSES).toEqual([
      'new',
      'assigned',
      'in_progress',
      'pending',
      'resolved',
      'closed',
      'cancelled',
    ]);
  });
  it('matches docs/domain-rules.md and is exposed through allowedNextStatuses', () => {
    for (const from of TICKET_STATUSES) {
      expect([...ALLOWED_TRANSITIONS[from]].sort()).toEqual([...CONTRACT_TABLE[from]].sort());
      expect(allowedNextStatuses(from)).toEqual(ALLOWED_TRANSITIONS[from]);
    }
  });
  it('is frozen', () => {
    expect(Object.isFrozen(TICKET_STATUSES)).toBe(true);
    expect(Object.isFrozen(ALLOWED_TRANSITIONS)).toBe(true);
    expect(Object.isFrozen(ALLOWED_TRANSITIONS.new)).toBe(true);
  });
  it('offers nothing for an unknown status', () => {
    expect(allowedNextStatuses('archived' as TicketStatus)).toEqual([]);
  });
});

describe('checkTransition: all 49 from/to pairs', () => {
  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));
  it('covers 49 pairs', () => expect(pairs).toHaveLength(49));

  it.each(pairs)('%s → %s', (from, to) => {
    const result = checkTransition(ticketIn(from), to, COMPLETE_INPUT, NOW);
    if (from === to) expect(result).toMatchObject({ ok: false, code: 'same_status' });
    else if (CONTRACT_TABLE[from].includes(to)) expect(result).toEqual({ ok: true });
    else expect(result).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('checks same_status before the table, and the table before the guards', () => {
    expect(checkTransition({ status: 'closed' }, 'closed', {}, NOW)).toMatchObject({ code: 'same_status' });
    // closed → pending would also miss an assignee and a reason: the table speaks first.
    expect(checkTransition({ status: 'closed' }, 'pending', {}, NOW)).toMatchObject({
      code: 'invalid_transition',
    });
    expect(checkTransition({ status: 'new' }, 'pending', {}, NOW)).toMatchObject({
      code: 'invalid_transition',
    });
  });

  it('gives a human message with every refusal', () => {
    const result = checkTransition({ status: 'closed' }, 'new', {}, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/^A ticket cannot go from Closed to New\.$/);
  });

  it('refuses unknown statuses as invalid transitions', () => {
    expect(checkTransition({ status: 'new' }, 'archived' as TicketStatus, {}, NOW)).toMatchObject({
      code: 'invalid_transition',
    });
    expect(checkTransition({ status: 'toString' as TicketStatus }, 'new', {}, NOW)).toMatchObject({
      code: 'invalid_transition',
    });
  });
});

describe('checkTransition: assignee guard', () => {
  const needsAssignee: Array<[TicketStatus, TicketStatus]> = [
    ['new', 'assigned'],
    ['new', 'in_progress'],
    ['assigned', 'in_progress'],
    ['assigned', 'pending'],
    ['in_progress', 'assigned'],
    ['in_progress', 'pending'],
    ['pending', 'assigned'],
    ['pending', 'in_progress'],
    ['resolved', 'in_progress'],
  ];
  const recentlyResolved = { resolvedAt: new Date(NOW.getTime() - DAY) };

  it.each(needsAssignee)('%s → %s needs an assignee', (from, to) => {
    const ticket = { status: from, ...recentlyResolved };
    expect(checkTransition(ticket, to, COMPLETE_INPUT, NOW)).toMatchObject({
      ok: false,
      code: 'assignee_required',
    });
    expect(checkTransition({ ...ticket, assigneeId: null }, to, COMPLETE_INPUT, NOW)).toMatchObject({
      code: 'assignee_required',
    });
    expect(checkTransition({ ...ticket, assigneeId: '' }, to, COMPLETE_INPUT, NOW)).toMatchObject({
      code: 'assignee_required',
    });
    expect(checkTransition({ ...ticket, assigneeId: '   ' }, to, COMPLETE_INPUT, NOW)).toMatchObject({
      code: 'assignee_required',
    });
    // From the input…
    expect(checkTransition(ticket, to, { ...COMPLETE_INPUT, assigneeId: 'agent-2' }, NOW)).toEqual({
      ok: true,
    });
    // …or else from the ticket.
    expect(checkTransition({ ...ticket, assigneeId: 'agent-1' }, to, COMPLETE_INPUT, NOW)).toEqual({
      ok: true,
    });
  });

  it("uses the ticket's assignee when the input's is null or absent, and a given blank one counts as none", () => {
    const ticket = { status: 'new' as const, assigneeId: 'agent-1' };
    expect(checkTransition(ticket, 'assigned', { assigneeId: null }, NOW)).toEqual({ ok: true });
    expect(checkTransition(ticket, 'assigned', { assigneeId: undefined }, NOW)).toEqual({ ok: true });
    expect(checkTransition(ticket, 'assigned', { assigneeId: '  ' }, NOW)).toMatchObject({
      code: 'assignee_required',
    });
  });

  it.each([
    ['new', 'resolved'],
    ['new', 'cancelled'],
    ['assigned', 'new'],
    ['resolved', 'closed'],
  ] as Array<[TicketStatus, TicketStatus]>)('%s → %s needs no assignee', (from, to) => {
    expect(checkTransition({ status: from }, to, COMPLETE_INPUT, NOW)).toEqual({ ok: true });
  });

  it('checks the assignee before the pending reason', () => {
    expect(checkTransition({ status: 'assigned' }, 'pending', {}, NOW)).toMatchObject({
      code: 'assignee_required',
    });
  });
});

describe('checkTransition: reason guards', () => {
  const blanks = [undefined, '', ' ', '\t\n  ', '\u00a0'];
  const assigned = (status: TicketStatus) => ({ status, assigneeId: 'agent-1' });

  it.each(blanks.map((blank) => [blank]))('pending needs a non-blank pendingReason (%j)', (blank) => {
    for (const from of ['assigned', 'in_progress'] as const) {
      expect(checkTransition(assigned(from), 'pending', { pendingReason: blank }, NOW)).toMatchObject({
        ok: false,
        code: 'pending_reason_required',
      });
    }
    expect(checkTransition(assigned('assigned'), 'pending', { pendingReason: ' x ' }, NOW)).toEqual({
      ok: true,
    });
  });

  it.each(blanks.map((blank) => [blank]))('resolved needs a non-blank resolutionNote (%j)', (blank) => {
    for (const from of ['new', 'assigned', 'in_progress', 'pending'] as const) {
      expect(checkTransition(assigned(from), 'resolved', { resolutionNote: blank }, NOW)).toMatchObject({
        ok: false,
        code: 'resolution_required',
      });
      expect(checkTransition(assigned(from), 'resolved', { resolutionNote: 'Fixed' }, NOW)).toEqual({
        ok: true,
      });
    }
  });

  it.each(blanks.map((blank) => [blank]))('cancelled needs a non-blank cancelReason (%j)', (blank) => {
    for (const from of ['new', 'assigned', 'in_progress', 'pending'] as const) {
      expect(checkTransition(assigned(from), 'cancelled', { cancelReason: blank }, NOW)).toMatchObject({
        ok: false,
        code: 'cancel_reason_required',
      });
      expect(checkTransition(assigned(from), 'cancelled', { cancelReason: 'Spam' }, NOW)).toEqual({
        ok: true,
      });
    }
  });

  it('does not ask for reasons other transitions do not need', () => {
    expect(checkTransition(assigned('resolved'), 'closed', {}, NOW)).toEqual({ ok: true });
    expect(checkTransition(assigned('pending'), 'in_progress', {}, NOW)).toEqual({ ok: true });
    expect(checkTransition(assigned('assigned'), 'new', {}, NOW)).toEqual({ ok: true });
  });
});

describe('checkTransition: reopen window', () => {
  const resolvedAgo = (ms: number) => ({
    status: 'resolved' as const,
    assigneeId: 'agent-1',
    resolvedAt: new Date(NOW.getTime() - ms),
  });

  it('is seven days', () => expect(REOPEN_WINDOW_DAYS).toBe(7));

  it('allows a reopen exactly 7 days after resolution', () => {
    expect(checkTransition(resolvedAgo(7 * DAY), 'in_progress', {}, NOW)).toEqual({ ok: true });
    expect(checkTransition(resolvedAgo(0), 'in_progress', {}, NOW)).toEqual({ ok: true });
  });

  it('refuses it 7 days and 1 ms after', () => {
    const result = checkTransition(resolvedAgo(7 * DAY + 1), 'in_progress', {}, NOW);
    expect(result).toMatchObject({ ok: false, code: 'reopen_window_expired' });
    if (!result.ok) expect(result.message).toContain('7 days');
  });

  it('does not limit closing a resolved ticket', () => {
    expect(checkTransition(resolvedAgo(400 * DAY), 'closed', {}, NOW)).toEqual({ ok: true });
  });

  it('also needs an assignee (checked first, as the contract lists the guards)', () => {
    expect(checkTransition({ ...resolvedAgo(DAY), assigneeId: null }, 'in_progress', {}, NOW)).toMatchObject({
      code: 'assignee_required',
    });
    expect(
      checkTransition({ ...resolvedAgo(30 * DAY), assigneeId: null }, 'in_progress', {}, NOW),
    ).toMatchObject({
      code: 'assignee_required',
    });
    expect(
      checkTransition(
        { ...resolvedAgo(DAY), assigneeId: null },
        'in_progress',
        { assigneeId: 'agent-9' },
        NOW,
      ),
    ).toEqual({ ok: true });
  });

  it('does not hold a ticket with no recorded resolution time to the window', () => {
    expect(checkTransition({ status: 'resolved', assigneeId: 'a' }, 'in_progress', {}, NOW)).toEqual({
      ok: true,
    });
    expect(
      checkTransition({ status: 'resolved', assigneeId: 'a', resolvedAt: null }, 'in_progress', {}, NOW),
    ).toEqual({ ok: true });
  });

  it('refuses a reopen when the resolution time is unreadable', () => {
    const ticket = { status: 'resolved' as const, assigneeId: 'a', resolvedAt: new Date(NaN) };
    expect(checkTransition(ticket, 'in_progress', {}, NOW)).toMatchObject({ code: 'reopen_window_expired' });
  });

  it('reads the clock only when no `now` is given', () => {
    const justResolved = { status: 'resolved' as const, assigneeId: 'a', resolvedAt: new Date() };
    expect(checkTransition(justResolved, 'in_progress')).toEqual({ ok: true });
    const longAgo = { ...justResolved, resolvedAt: new Date(Date.now() - 8 * DAY) };
    expect(checkTransition(longAgo, 'in_progress')).toMatchObject({ code: 'reopen_window_expired' });
  });
});
