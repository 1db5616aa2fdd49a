import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent, MutationEnvelope, Ticket } from '../../shared/index';
import type { HttpClient } from '../testing/http-client';
import {
  DEMO_IDS,
  TEST_DIALECTS,
  mutations,
  startTestBackend,
  type TestBackend,
} from '../testing/test-backend';

const DAY = 24 * 60 * 60 * 1000;

describe.each(TEST_DIALECTS)('push and pull over HTTP (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  let admin: HttpClient;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestBackend(dialect, {}, { clock: () => new Date(Date.now() + offset) });
    agent = await t.login('agent@example.com');
    admin = await t.login('admin@example.com');
  });
  afterAll(() => t?.close());

  const ticketOf = async (id: string): Promise<Ticket> => {
    const change = (await t.pullAll(agent)).filter((c) => c.entity === 'ticket' && c.id === id).at(-1);
    return change?.data as unknown as Ticket;
  };
  const pushOne = async (m: MutationEnvelope, client = agent) => (await t.push(client, [m]))[0]!;

  it('creates a ticket with a server number and the contract fields, as the token agent', async () => {
    const create = mutations.create();
    expect(await pushOne(create)).toEqual({ id: create.id, status: 'applied' });
    const ticket = await ticketOf(create.args.ticketId);
    expect(ticket.number).toMatch(/^INC-1\d{3,}$/);
    for (const field of [
      'id',
      'number',
      'title',
      'description',
      'category',
      'impact',
      'urgency',
      'priority',
      'status',
      'assigneeId',
      'teamId',
      'requester',
      'createdAt',
      'updatedAt',
      'firstResponseAt',
      'resolvedAt',
      'closedAt',
      'resolutionNote',
      'feedback',
      'sla',
    ]) {
      expect(ticket).toHaveProperty(field);
    }
    expect(ticket).toMatchObject({
      status: 'new',
      priority: 3,
      channel: 'console',
      teamId: DEMO_IDS.serviceDesk,
      slaPolicyId: 'default',
    });
    expect(ticket.sla?.resolution).toMatchObject({ targetMinutes: 1440, status: expect.any(String) });
    expect(ticket.audit[0]).toMatchObject({ actorId: DEMO_IDS.agent, action: 'ticket.create' });

    const second = mutations.create();
    await pushOne(second);
    const n1 = Number(ticket.number!.slice(4));
    expect((await ticketOf(second.args.ticketId)).number).toBe(`INC-${n1 + 1}`);
  });

  it('pages through changes in sequence order with hasMore and a cursor', async () => {
    const batch = Array.from({ length: 23 }, () => mutations.create());
    await t.push(agent, batch);
    const all = await t.pullAll(agent);
    const seqs = all.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);

    const paged: number[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const res = await agent.get<{ changes: Array<{ seq: number }>; cursor: number; hasMore: boolean }>(
        `/api/v1/sync/pull?cursor=${cursor}&limit=7`,
      );
      expect(res.status).toBe(200);
      expect(res.body.changes.length).toBeLessThanOrEqual(7);
      paged.push(...res.body.changes.map((c) => c.seq));
      pages += 1;
      if (!res.body.hasMore) break;
      expect(res.body.changes.length).toBe(7);
      cursor = res.body.cursor;
    }
    expect(paged).toEqual(seqs);
    expect(pages).toBe(Math.ceil(seqs.length / 7));

    const end = await agent.get<{ changes: unknown[]; cursor: number; hasMore: boolean }>(
      `/api/v1/sync/pull?cursor=${seqs.at(-1)}`,
    );
    expect(end.body).toEqual({ changes: [], cursor: seqs.at(-1), hasMore: false });
  });

  it('applies a mutation id once, also when the same batch arrives several times at once', async () => {
    const creates = Array.from({ length: 10 }, () => mutations.create());
    const ticketId = creates[0]!.args.ticketId;
    const batch: MutationEnvelope[] = [...creates];
    batch.push(
      mutations.of('comment.add', {
        ticketId,
        commentId: crypto.randomUUID(),
        body: 'Mirando',
        visibility: 'internal',
      }),
    );
    const before = (await t.pullAll(agent)).length;
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.push(agent, batch, 'dup-client')));
    for (const results of answers) {
      expect(results.map((r) => r.status)).toEqual(batch.map(() => 'applied'));
      expect(results.map((r) => r.id)).toEqual(batch.map((m) => m.id));
    }
    const after = await t.pullAll(agent);
    expect(after.length - before).toBe(11); // 10 tickets + 1 comment, each once (ticket 0's change replaced)
    const ticket = after.find((c) => c.id === ticketId)!.data as unknown as Ticket;
    expect(ticket.audit.filter((a) => a.action === 'comment.add')).toHaveLength(1);
  });

  it('returns the recorded result for a retried rejected mutation, even after the state changed', async () => {
    const create = mutations.create();
    await pushOne(create);
    const resolve = mutations.of('ticket.transition', { ticketId: create.args.ticketId, to: 'in_progress' });
    expect(await pushOne(resolve)).toMatchObject({ status: 'rejected', code: 'assignee_required' });
    await pushOne(
      mutations.of('ticket.assign', { ticketId: create.args.ticketId, assigneeId: DEMO_IDS.agent }),
    );
    expect(await pushOne(resolve)).toMatchObject({ status: 'rejected', code: 'assignee_required' });
  });

  describe('every rejection code', () => {
    let ticketId: string;
    beforeAll(async () => {
      const create = mutations.create();
      ticketId = create.args.ticketId;
      await pushOne(create);
    });
    const transition = (to: string, extra: Record<string, unknown> = {}, id = ticketId) =>
      pushOne(mutations.of('ticket.transition', { ticketId: id, to, ...extra }));

    it('transition codes from checkTransition', async () => {
      expect(await transition('new')).toMatchObject({
        status: 'rejected',
        code: 'same_status',
        message: expect.any(String),
      });
      expect(await transition('pending', { pendingReason: 'x' })).toMatchObject({
        code: 'invalid_transition',
      });
      expect(await transition('in_progress')).toMatchObject({ code: 'assignee_required' });
      expect(await transition('resolved', { resolutionNote: '  ' })).toMatchObject({
        code: 'resolution_required',
      });
      expect(await transition('cancelled')).toMatchObject({ code: 'cancel_reason_required' });
      await pushOne(mutations.of('ticket.assign', { ticketId, assigneeId: DEMO_IDS.agent }));
      expect(await transition('pending', { pendingReason: '' })).toMatchObject({
        code: 'pending_reason_required',
      });
      expect(await transition('resolved', { resolutionNote: 'Cambiado el tóner' })).toMatchObject({
        status: 'applied',
      });
      offset = 8 * DAY;
      expect(await transition('in_progress')).toMatchObject({ code: 'reopen_window_expired' });
      offset = 0;
      expect(await transition('in_progress')).toMatchObject({ status: 'applied' });
    });

    it('validation_failed and unknown_type, per mutation, without refusing the batch', async () => {
      const bad = mutations.create({ requester: { name: 'X', email: 'not-an-email' } });
      const unknown = mutations.of('ticket.explode', {});
      const good = mutations.create();
      const results = await t.push(agent, [bad, unknown, good]);
      expect(results[0]).toMatchObject({
        status: 'rejected',
        code: 'validation_failed',
        message: expect.stringContaining('requester.email'),
      });
      expect(results[1]).toMatchObject({ status: 'rejected', code: 'unknown_type' });
      expect(results[2]).toMatchObject({ status: 'applied' });
    });

    it('not_found, already_exists, assignee_unavailable, attachment_missing', async () => {
      expect(await transition('assigned', {}, crypto.randomUUID())).toMatchObject({ code: 'not_found' });
      expect(
        await pushOne(mutations.of('ticket.assign', { ticketId, assigneeId: crypto.randomUUID() })),
      ).toMatchObject({ code: 'not_found' });
      expect(
        await pushOne(
          mutations.of('ticket.assign', {
            ticketId,
            assigneeId: DEMO_IDS.agent,
            teamId: crypto.randomUUID(),
          }),
        ),
      ).toMatchObject({ code: 'not_found' });
      expect(await pushOne(mutations.create({ ticketId }))).toMatchObject({ code: 'already_exists' });
      const attach = {
        attachmentId: crypto.randomUUID(),
        ticketId,
        sha256: 'a'.repeat(64),
        fileName: 'x.png',
        contentType: 'image/png',
        size: 3,
      };
      expect(await pushOne(mutations.of('attachment.add', attach))).toMatchObject({
        code: 'attachment_missing',
      });
      const maria = {
        agentId: '01900000-0000-7000-8000-000000000106',
        name: 'María López',
        email: 'maria@example.com',
        role: 'agent',
        teamIds: [],
        skills: ['printing'],
        capacity: 10,
        active: false,
      };
      expect(await pushOne(mutations.of('agent.upsert', maria), admin)).toMatchObject({ status: 'applied' });
      expect(
        await pushOne(mutations.of('ticket.assign', { ticketId, assigneeId: maria.agentId })),
      ).toMatchObject({ code: 'assignee_unavailable' });
    });

    it('forbidden for admin-only mutations from an agent; applied for an admin', async () => {
      const team = { id: crypto.randomUUID(), name: 'Soporte Canarias', slaPolicyId: 'default' };
      expect(await pushOne(mutations.of('team.upsert', team))).toMatchObject({ code: 'forbidden' });
      expect(
        await pushOne(
          mutations.of('category.upsert', {
            id: 'phones',
            name: { es: 'Telefonía', en: 'Phones' },
            defaultTeamId: null,
            active: true,
          }),
        ),
      ).toMatchObject({ code: 'forbidden' });
      expect(await pushOne(mutations.of('team.upsert', team), admin)).toMatchObject({ status: 'applied' });
      const pulled = (await t.pullAll(agent)).find((c) => c.entity === 'team' && c.id === team.id);
      expect(pulled?.data).toEqual(team);
      const noHours = {
        id: 'never',
        name: 'Never open',
        calendar: { timeZone: 'Europe/Madrid', week: {} },
        targets: Object.fromEntries(
          [1, 2, 3, 4, 5].map((p) => [p, { firstResponseMinutes: 10, resolutionMinutes: 60 }]),
        ),
        warnAtFraction: 0.8,
      };
      expect(await pushOne(mutations.of('sla_policy.upsert', noHours), admin)).toMatchObject({
        code: 'validation_failed',
      });
      const taken = {
        agentId: crypto.randomUUID(),
        name: 'Dup',
        email: 'agent@example.com',
        role: 'agent',
        teamIds: [],
        skills: [],
        capacity: 5,
      };
      expect(await pushOne(mutations.of('agent.upsert', taken), admin)).toMatchObject({ code: 'conflict' });
      const self = {
        agentId: DEMO_IDS.admin,
        name: 'Ana',
        email: 'admin@example.com',
        role: 'agent',
        teamIds: [],
        skills: [],
        capacity: 5,
      };
      expect(await pushOne(mutations.of('agent.upsert', self), admin)).toMatchObject({ code: 'forbidden' });
    });

    it('feedback_requester_only (an agent cannot rate), ticket_closed', async () => {
      const create = mutations.create();
      const id = create.args.ticketId;
      await pushOne(create);
      const feedback = () => pushOne(mutations.of('ticket.feedback', { ticketId: id, rating: 5 }));
      expect(await feedback()).toMatchObject({ code: 'feedback_requester_only' });
      expect(await transition('resolved', { resolutionNote: 'Hecho' }, id)).toMatchObject({
        status: 'applied',
      });
      expect(await feedback()).toMatchObject({ code: 'feedback_requester_only' });
      expect(await transition('closed', {}, id)).toMatchObject({ status: 'applied' });
      expect(await pushOne(mutations.of('ticket.update', { ticketId: id, title: 'Otro' }))).toMatchObject({
        code: 'ticket_closed',
      });
      expect(
        await pushOne(
          mutations.of('comment.add', {
            ticketId: id,
            commentId: crypto.randomUUID(),
            body: 'hola',
            visibility: 'public',
          }),
        ),
      ).toMatchObject({ code: 'ticket_closed' });
    });
  });

  it('sets firstResponseAt on the first public agent comment only', async () => {
    const create = mutations.create();
    const id = create.args.ticketId;
    await pushOne(create);
    await pushOne(
      mutations.of('comment.add', {
        ticketId: id,
        commentId: crypto.randomUUID(),
        body: 'Nota interna',
        visibility: 'internal',
      }),
    );
    expect((await ticketOf(id)).firstResponseAt).toBeNull();
    const reply = mutations.of('comment.add', {
      ticketId: id,
      commentId: crypto.randomUUID(),
      body: 'Estamos en ello',
      visibility: 'public',
    });
    await pushOne(reply);
    const ticket = await ticketOf(id);
    expect(ticket.firstResponseAt).not.toBeNull();
    expect(ticket.sla?.firstResponse.status).toBe('stopped');
    const comment = (await t.pullAll(agent)).find(
      (c) => c.entity === 'comment' && c.id === (reply.args as { commentId: string }).commentId,
    );
    expect(comment?.data).toMatchObject({
      authorId: DEMO_IDS.agent,
      authorName: 'Alex Agent',
      visibility: 'public',
      ticketId: id,
    });
  });

  it("keeps agents' open tickets and presence current, and syncs them", async () => {
    const agentOf = async (id: string) =>
      (await t.pullAll(agent)).filter((c) => c.entity === 'agent' && c.id === id).at(-1)
        ?.data as unknown as Agent;
    const before = await agentOf(DEMO_IDS.lucia);
    const create = mutations.create();
    await pushOne(create);
    await pushOne(
      mutations.of('ticket.assign', { ticketId: create.args.ticketId, assigneeId: DEMO_IDS.lucia }),
    );
    const assigned = await agentOf(DEMO_IDS.lucia);
    expect(assigned.openTickets).toBe(before.openTickets + 1);
    expect(assigned.lastAssignedAt).not.toBeNull();
    await pushOne(
      mutations.of('ticket.transition', {
        ticketId: create.args.ticketId,
        to: 'resolved',
        resolutionNote: 'ok',
      }),
    );
    expect((await agentOf(DEMO_IDS.lucia)).openTickets).toBe(before.openTickets);

    expect(await pushOne(mutations.of('agent.set_presence', { presence: 'away' }))).toMatchObject({
      status: 'applied',
    });
    expect((await agentOf(DEMO_IDS.agent)).presence).toBe('away');
  });
});
