import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA_POLICY } from '../domain/presets';
import type { Ticket } from '../entities/ticket';
import {
  applyTicketMutation,
  type TicketMutation,
  type TicketMutationContext,
} from './apply-ticket-mutation';

const AGENT = '0192f3a4-5b6c-7d8e-9f01-000000000001';
const OTHER = '0192f3a4-5b6c-7d8e-9f01-000000000002';
const RETIRED = '0192f3a4-5b6c-7d8e-9f01-000000000003';
const TEAM = '0192f3a4-5b6c-7d8e-9f01-0000000000aa';
const TICKET = '0192f3a4-5b6c-7d8e-9f01-0000000000f1';
const MUTATION = '0192f3a4-5b6c-7d8e-9f01-0000000000e1';

const agents = new Map([
  [AGENT, { id: AGENT, active: true, teamIds: [TEAM] }],
  [OTHER, { id: OTHER, active: true, teamIds: [TEAM] }],
  [RETIRED, { id: RETIRED, active: false, teamIds: [] }],
]);

function ctx(
  at: string,
  actor: TicketMutationContext['actor'] = { kind: 'agent', id: AGENT, name: 'Ana', role: 'agent' },
): TicketMutationContext {
  return {
    actor,
    now: new Date(at),
    findAgent: (id) => agents.get(id),
    policyFor: () => DEFAULT_SLA_POLICY,
    defaultTeamFor: (category) => (category === 'network' ? TEAM : null),
  };
}

const m = (mutation: Omit<TicketMutation, 'id'>): TicketMutation =>
  ({ id: MUTATION, ...mutation }) as TicketMutation;

function created(at = '2026-03-02T09:00:00Z'): Ticket {
  const outcome = applyTicketMutation(
    undefined,
    m({
      type: 'ticket.create',
      args: {
        ticketId: TICKET,
        title: 'VPN se corta cada 5 minutos',
        description: 'Desde esta mañana',
        category: 'network',
        impact: 2,
        urgency: 1,
        requester: { name: 'Lucía Pérez', email: 'lucia@example.com' },
      },
    }),
    ctx(at),
  );
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.ticket;
}

function apply(
  ticket: Ticket,
  mutation: Omit<TicketMutation, 'id'>,
  at = '2026-03-02T10:00:00Z',
  actor?: TicketMutationContext['actor'],
) {
  return applyTicketMutation(ticket, m(mutation), ctx(at, actor));
}

function ok(outcome: ReturnType<typeof apply>): Ticket {
  if (!outcome.ok) throw new Error(`${outcome.code}: ${outcome.message}`);
  return outcome.ticket;
}

describe('applyTicketMutation', () => {
  it('creates a new, unnumbered ticket with its priority, default team, history and SLA', () => {
    const ticket = created();
    expect(ticket).toMatchObject({
      status: 'new',
      number: null,
      priority: 2,
      teamId: TEAM,
      channel: 'console',
    });
    expect(ticket.statusHistory).toEqual([{ at: '2026-03-02T09:00:00.000Z', status: 'new' }]);
    expect(ticket.sla?.firstResponse.status).toBe('running');
    expect(ticket.slaPolicyId).toBe(DEFAULT_SLA_POLICY.id);
  });

  it('refuses to create a ticket twice', () => {
    const ticket = created();
    const again = applyTicketMutation(
      ticket,
      m({ type: 'ticket.create', args: { ticketId: TICKET } } as never),
      ctx('2026-03-02T10:00:00Z'),
    );
    expect(again).toMatchObject({ ok: false, code: 'already_exists' });
  });

  it('re-computes the priority when impact or urgency change, and audits the change', () => {
    const ticket = ok(
      apply(created(), { type: 'ticket.update', args: { ticketId: TICKET, impact: 3, urgency: 3 } }),
    );
    expect(ticket.priority).toBe(5);
    expect(ticket.audit.at(-1)).toMatchObject({
      action: 'ticket.update',
      actorId: AGENT,
      changes: { priority: [2, 5] },
    });
  });

  it('assigning a new ticket makes it assigned; unassigning returns it to new', () => {
    const assigned = ok(
      apply(created(), { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: OTHER } }),
    );
    expect(assigned).toMatchObject({ status: 'assigned', assigneeId: OTHER });
    const back = ok(apply(assigned, { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: null } }));
    expect(back).toMatchObject({ status: 'new', assigneeId: null });
  });

  it('refuses an unknown or deactivated assignee, and unassigning work in progress', () => {
    expect(
      apply(created(), {
        type: 'ticket.assign',
        args: { ticketId: TICKET, assigneeId: '0192f3a4-5b6c-7d8e-9f01-0000000000ff' },
      }),
    ).toMatchObject({ ok: false, code: 'not_found' });
    expect(
      apply(created(), { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: RETIRED } }),
    ).toMatchObject({ ok: false, code: 'assignee_unavailable' });
    const working = ok(
      apply(ok(apply(created(), { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: AGENT } })), {
        type: 'ticket.transition',
        args: { ticketId: TICKET, to: 'in_progress' },
      }),
    );
    expect(
      apply(working, { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: null } }),
    ).toMatchObject({ ok: false, code: 'assignee_required' });
  });

  it('passes on the rule codes of checkTransition', () => {
    expect(
      apply(created(), { type: 'ticket.transition', args: { ticketId: TICKET, to: 'in_progress' } }),
    ).toMatchObject({ ok: false, code: 'assignee_required' });
    expect(
      apply(created(), {
        type: 'ticket.transition',
        args: { ticketId: TICKET, to: 'resolved', resolutionNote: '  ' },
      }),
    ).toMatchObject({ ok: false, code: 'resolution_required' });
    expect(
      apply(created(), { type: 'ticket.transition', args: { ticketId: TICKET, to: 'closed' } }),
    ).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('resolves with a note and code, closes, and then refuses further work', () => {
    const resolved = ok(
      apply(created(), {
        type: 'ticket.transition',
        args: {
          ticketId: TICKET,
          to: 'resolved',
          resolutionNote: ' Reinicié el router ',
          resolutionCode: 'workaround',
        },
      }),
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolutionNote: 'Reinicié el router',
      resolutionCode: 'workaround',
      resolvedAt: '2026-03-02T10:00:00.000Z',
    });
    expect(resolved.sla?.resolution.status).toBe('stopped');
    const closed = ok(
      apply(
        resolved,
        { type: 'ticket.transition', args: { ticketId: TICKET, to: 'closed' } },
        '2026-03-03T10:00:00Z',
      ),
    );
    expect(closed.closedAt).toBe('2026-03-03T10:00:00.000Z');
    expect(
      apply(closed, {
        type: 'comment.add',
        args: { ticketId: TICKET, commentId: OTHER, body: 'hola', visibility: 'public' },
      }),
    ).toMatchObject({ ok: false, code: 'ticket_closed' });
    expect(apply(closed, { type: 'ticket.update', args: { ticketId: TICKET, title: 'x' } })).toMatchObject({
      ok: false,
      code: 'ticket_closed',
    });
  });

  it('a reopen within the window clears resolvedAt so the ticket is not auto-closed', () => {
    const assigned = ok(
      apply(created(), { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: AGENT } }),
    );
    const resolved = ok(
      apply(assigned, {
        type: 'ticket.transition',
        args: { ticketId: TICKET, to: 'resolved', resolutionNote: 'ok' },
      }),
    );
    const reopened = ok(
      apply(
        resolved,
        { type: 'ticket.transition', args: { ticketId: TICKET, to: 'in_progress' } },
        '2026-03-05T10:00:00Z',
      ),
    );
    expect(reopened).toMatchObject({ status: 'in_progress', resolvedAt: null });
    expect(reopened.sla?.resolution.status).toBe('running');
    expect(
      apply(
        resolved,
        { type: 'ticket.transition', args: { ticketId: TICKET, to: 'in_progress' } },
        '2026-03-10T10:00:01Z',
      ),
    ).toMatchObject({ ok: false, code: 'reopen_window_expired' });
  });

  it('the first public reply by an agent sets firstResponseAt, once; internal notes do not', () => {
    const comment = (body: string, visibility: 'public' | 'internal', at: string, ticket: Ticket) =>
      apply(
        ticket,
        { type: 'comment.add', args: { ticketId: TICKET, commentId: crypto.randomUUID(), body, visibility } },
        at,
      );
    const noted = comment('nota', 'internal', '2026-03-02T09:05:00Z', created());
    expect(noted.ok && noted.ticket.firstResponseAt).toBeNull();
    const replied = ok(comment('Hola Lucía', 'public', '2026-03-02T09:10:00Z', ok(noted)));
    expect(replied.firstResponseAt).toBe('2026-03-02T09:10:00.000Z');
    const later = ok(comment('¿Sigue?', 'public', '2026-03-02T11:00:00Z', replied));
    expect(later.firstResponseAt).toBe('2026-03-02T09:10:00.000Z');
    expect(later.sla?.firstResponse.status).toBe('stopped');
  });

  it('takes feedback once, and only on a resolved or closed ticket', () => {
    const requester = { kind: 'requester', name: 'Lucía' } as const;
    const fb = {
      type: 'ticket.feedback',
      args: { ticketId: TICKET, rating: 5, comment: '¡Gracias!' },
    } as const;
    expect(apply(created(), fb, undefined, requester)).toMatchObject({
      ok: false,
      code: 'feedback_not_allowed',
    });
    const resolved = ok(
      apply(created(), {
        type: 'ticket.transition',
        args: { ticketId: TICKET, to: 'resolved', resolutionNote: 'ok' },
      }),
    );
    const rated = ok(apply(resolved, fb, '2026-03-02T12:00:00Z', requester));
    expect(rated.feedback).toEqual({ rating: 5, comment: '¡Gracias!', at: '2026-03-02T12:00:00.000Z' });
    expect(apply(rated, fb, undefined, requester)).toMatchObject({
      ok: false,
      code: 'feedback_already_given',
    });
  });

  it('takes feedback only from the requester: an agent or the server is refused, even on a resolved ticket', () => {
    const fb = { type: 'ticket.feedback', args: { ticketId: TICKET, rating: 1 } } as const;
    const resolved = ok(
      apply(created(), {
        type: 'ticket.transition',
        args: { ticketId: TICKET, to: 'resolved', resolutionNote: 'ok' },
      }),
    );
    expect(apply(resolved, fb)).toMatchObject({ ok: false, code: 'feedback_requester_only' });
    expect(apply(resolved, fb, undefined, { kind: 'system', name: 'Mesa' })).toMatchObject({
      ok: false,
      code: 'feedback_requester_only',
    });
  });

  it('a requester can give feedback but not change a ticket', () => {
    expect(
      apply(created(), { type: 'ticket.update', args: { ticketId: TICKET, title: 'hack' } }, undefined, {
        kind: 'requester',
        name: 'x',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('does not touch the ticket it was given', () => {
    const ticket = created();
    const before = JSON.stringify(ticket);
    apply(ticket, { type: 'ticket.assign', args: { ticketId: TICKET, assigneeId: AGENT } });
    expect(JSON.stringify(ticket)).toBe(before);
  });
});
