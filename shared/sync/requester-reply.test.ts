import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../domain/presets';
import type { Ticket } from '../entities/ticket';
import {
  applyTicketMutation,
  type TicketMutation,
  type TicketMutationContext,
} from './apply-ticket-mutation';

const AGENT = '0192f3a4-5b6c-7d8e-9f01-000000000001';
const TICKET = '0192f3a4-5b6c-7d8e-9f01-0000000000f1';
const COMMENT = '0192f3a4-5b6c-7d8e-9f01-0000000000c1';
const requester: TicketMutationContext['actor'] = { kind: 'requester', name: 'Lucía Pérez' };
const agent: TicketMutationContext['actor'] = { kind: 'agent', id: AGENT, name: 'Ana', role: 'agent' };

const ctx = (at: string, actor: TicketMutationContext['actor']): TicketMutationContext => ({
  actor,
  now: new Date(at),
  findAgent: (id) => (id === AGENT ? { id, active: true, teamIds: [] } : undefined),
  policyFor: () => DEFAULT_SLA_POLICY,
});

let n = 0;
function apply(
  ticket: Ticket | undefined,
  mutation: Omit<TicketMutation, 'id'>,
  at: string,
  actor = agent,
): Ticket {
  const outcome = applyTicketMutation(
    ticket,
    { id: `0192f3a4-5b6c-7d8e-9f01-${String(++n).padStart(12, '0')}`, ...mutation } as TicketMutation,
    ctx(at, actor),
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.ticket;
}

/** A ticket in progress since Monday 09:00, put on hold at 10:00 waiting on the requester. */
function pendingTicket(): Ticket {
  let t = apply(
    undefined,
    {
      type: 'ticket.create',
      args: {
        ticketId: TICKET,
        title: 'Sin VPN',
        description: 'x',
        category: 'network',
        impact: 2,
        urgency: 2,
        requester: { name: 'Lucía Pérez', email: 'lucia@example.com' },
      },
    },
    '2026-03-02T08:00:00Z',
  );
  t = apply(
    t,
    { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: AGENT } },
    '2026-03-02T08:00:00Z',
  );
  t = apply(
    t,
    { type: 'ticket.transition', args: { ticketId: TICKET, to: 'in_progress' } },
    '2026-03-02T08:00:00Z',
  );
  return apply(
    t,
    { type: 'ticket.transition', args: { ticketId: TICKET, to: 'pending', pendingReason: '¿Qué versión?' } },
    '2026-03-02T09:00:00Z',
  );
}

const reply = (body = 'La 5.2'): Omit<TicketMutation, 'id'> => ({
  type: 'comment.requester_reply',
  args: { ticketId: TICKET, commentId: COMMENT, body, channel: 'email' },
});

describe("the requester's reply (comment.requester_reply)", () => {
  it('is a public comment with no author, and brings a pending ticket back to in progress so its resolution clock runs again', () => {
    const pending = pendingTicket();
    expect(pending.sla?.resolution.status).toBe('paused');
    const outcome = applyTicketMutation(
      pending,
      { id: '0192f3a4-5b6c-7d8e-9f01-0000000000e9', ...reply() } as TicketMutation,
      ctx('2026-03-02T11:00:00Z', requester),
    );
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.comment).toMatchObject({
      authorId: null,
      authorName: 'Lucía Pérez',
      visibility: 'public',
      channel: 'email',
      body: 'La 5.2',
    });
    expect(outcome.ticket).toMatchObject({
      status: 'in_progress',
      pendingReason: null,
      firstResponseAt: null,
    });
    expect(outcome.ticket.sla?.resolution.status).toBe('running');
    expect(outcome.ticket.audit.at(-1)).toMatchObject({
      actorId: null,
      action: 'comment.requester_reply',
      changes: { status: ['pending', 'in_progress'] },
    });
  });

  it('leaves a ticket that was not waiting in its status', () => {
    let t = pendingTicket();
    t = apply(
      t,
      { type: 'ticket.transition', args: { ticketId: TICKET, to: 'in_progress' } },
      '2026-03-02T10:00:00Z',
    );
    const after = apply(t, reply(), '2026-03-02T11:00:00Z', requester);
    expect(after.status).toBe('in_progress');
  });

  it('is refused from an agent, and on a closed ticket', () => {
    const pending = pendingTicket();
    const fromAgent = applyTicketMutation(
      pending,
      { id: '0192f3a4-5b6c-7d8e-9f01-0000000000ea', ...reply() } as TicketMutation,
      ctx('2026-03-02T11:00:00Z', agent),
    );
    expect(fromAgent).toMatchObject({ ok: false, code: 'forbidden' });
    let closed = apply(
      pending,
      { type: 'ticket.transition', args: { ticketId: TICKET, to: 'resolved', resolutionNote: 'Hecho' } },
      '2026-03-02T12:00:00Z',
    );
    closed = apply(
      closed,
      { type: 'ticket.transition', args: { ticketId: TICKET, to: 'closed' } },
      '2026-03-02T13:00:00Z',
    );
    const late = applyTicketMutation(
      closed,
      { id: '0192f3a4-5b6c-7d8e-9f01-0000000000eb', ...reply() } as TicketMutation,
      ctx('2026-03-03T11:00:00Z', requester),
    );
    expect(late).toMatchObject({ ok: false, code: 'ticket_closed' });
  });

  it('does not let a requester change anything else', () => {
    const outcome = applyTicketMutation(
      pendingTicket(),
      {
        id: '0192f3a4-5b6c-7d8e-9f01-0000000000ec',
        type: 'ticket.transition',
        args: { ticketId: TICKET, to: 'cancelled', cancelReason: 'x' },
      } as TicketMutation,
      ctx('2026-03-02T11:00:00Z', requester),
    );
    expect(outcome).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
