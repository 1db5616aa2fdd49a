import {
  applyTicketMutation,
  ticketSla,
  type Actor,
  type Comment,
  type Impact,
  type SlaPolicy,
  type Ticket,
  type TicketChannel,
  type TicketMutation,
  type TicketStatus,
  type Urgency,
} from '../../shared/index';
import type { DEMO_AGENTS } from './demo-org';
import {
  AGENT_REPLIES,
  CATEGORY_SLUGS,
  INTERNAL_NOTES,
  PENDING_REASONS,
  REQUESTERS,
  RESOLUTIONS,
  demoProblem,
  type DemoLang,
} from './demo-text';
import type { Random } from './random';

type DemoAgent = (typeof DEMO_AGENTS)[number];
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface DemoWorld {
  agents: DemoAgent[];
  teamOf(category: string): string;
  /** The policy of a team; the 24×7 team's id for near-warning tickets. */
  policyOf(teamId: string): SlaPolicy | null;
  nearWarningTeamId: string;
  /** Resolved tickets older than this are closed (the auto-close job would close them at once). */
  autoCloseDays: number;
}

export interface DemoTicket {
  ticket: Ticket;
  comments: Comment[];
}

/**
 * Builds one demo ticket by running the real mutations through the shared rules
 * (create, assign, work, reply, pend, resolve, close) at plausible times, so its
 * history, audit and timestamps look like the server made them. SLA clocks are worked
 * out once, at the end, as of `now` (the moment the seed writes them).
 */
export class DemoTicketFactory {
  constructor(
    private readonly world: DemoWorld,
    private readonly random: Random,
    private readonly now: Date,
  ) {}

  /** `age` = how long ago the ticket was opened. */
  make(age: number, ticketId: string, commentIds: () => string): DemoTicket {
    const r = this.random;
    const lang: DemoLang = r.chance(0.6) ? 'es' : 'en';
    const category = r.pick(CATEGORY_SLUGS);
    const teamId = this.world.teamOf(category);
    return this.build({ age, ticketId, commentIds, lang, category, teamId, target: this.targetStatus(age) });
  }

  /** An open ticket whose resolution clock reaches its warning threshold `minutesToWarning` from now (24×7 team). */
  makeNearWarning(minutesToWarning: number, ticketId: string, commentIds: () => string): DemoTicket {
    const teamId = this.world.nearWarningTeamId;
    const policy = this.world.policyOf(teamId)!;
    const impact: Impact = 1;
    const urgency: Urgency = this.random.chance(0.5) ? 1 : 2;
    const target = policy.targets[(impact + urgency - 1) as 1 | 2].resolutionMinutes;
    const age = (target * policy.warnAtFraction - minutesToWarning) * MINUTE;
    const lang: DemoLang = this.random.chance(0.5) ? 'es' : 'en';
    return this.build({
      age,
      ticketId,
      commentIds,
      lang,
      category: 'network',
      teamId,
      target: 'in_progress',
      impact,
      urgency,
    });
  }

  private targetStatus(age: number): TicketStatus {
    const r = this.random;
    if (age < 4 * HOUR)
      return r.weighted([
        ['new', 4],
        ['assigned', 3],
        ['in_progress', 3],
      ]);
    if (age < 3 * DAY)
      return r.weighted([
        ['assigned', 2],
        ['in_progress', 3],
        ['pending', 2],
        ['resolved', 3],
      ]);
    if (age < 14 * DAY)
      return r.weighted([
        ['in_progress', 1],
        ['pending', 1],
        ['resolved', 1],
        ['closed', 6],
        ['cancelled', 1],
      ]);
    return r.weighted([
      ['closed', 12],
      ['cancelled', 1],
    ]);
  }

  private build(spec: {
    age: number;
    ticketId: string;
    commentIds: () => string;
    lang: DemoLang;
    category: string;
    teamId: string;
    target: TicketStatus;
    impact?: Impact;
    urgency?: Urgency;
  }): DemoTicket {
    const r = this.random;
    const { lang, category, teamId, ticketId } = spec;
    const createdAt = this.now.getTime() - spec.age;
    const problem = demoProblem(category, lang, r.pick);
    const requesterName = r.pick(REQUESTERS[lang]);
    const requester = {
      name: requesterName,
      email: `${requesterName
        .normalize('NFD')
        .replace(/[^A-Za-z ]/g, '')
        .toLowerCase()
        .replace(/ /g, '.')}@example.org`,
    };
    const skilled = this.world.agents.filter(
      (a) => a.skills.includes(category) && a.teamIds.includes(teamId),
    );
    const assignee = r.pick(skilled.length ? skilled : this.world.agents);
    const agentActor: Actor = { kind: 'agent', id: assignee.id, name: assignee.name, role: assignee.role };
    const channel: TicketChannel = r.weighted([
      ['portal', 3],
      ['email', 3],
      ['phone', 2],
      ['chat', 1],
      ['walk_in', 1],
    ]);

    // Step times: the work (up to resolution) spreads over part of the ticket's life, never
    // after now. Resolved tickets stay resolved only within the auto-close window, older
    // ones were closed by the job; so resolution falls inside or before that window.
    const life = Math.max(spec.age, MINUTE);
    const closeAfter = this.world.autoCloseDays * DAY;
    let target = spec.target;
    if (target === 'closed' && life < closeAfter + 2 * HOUR) target = 'resolved';
    // How long the work took, independent of age: most tickets take hours to a few days.
    let work =
      r.weighted([
        [2 * HOUR, 3],
        [6 * HOUR, 3],
        [DAY, 3],
        [2 * DAY, 2],
        [5 * DAY, 1],
      ]) *
      (0.5 + r.next());
    if (target === 'closed') work = Math.min(work, life - closeAfter - HOUR);
    if (target === 'resolved') work = Math.max(work, life - closeAfter + HOUR);
    work = Math.max(MINUTE, Math.min(work, life));
    const at = (fraction: number) => new Date(createdAt + work * fraction);
    let ticket: Ticket | undefined;
    const comments: Comment[] = [];
    const apply = (actor: Actor, when: Date, mutation: TicketMutation) => {
      const outcome = applyTicketMutation(ticket, mutation, {
        actor,
        now: when,
        findAgent: (id) => this.world.agents.find((a) => a.id === id),
        policyFor: () => null,
        defaultTeamFor: () => teamId,
      });
      if (!outcome.ok) throw new Error(`demo ticket step ${mutation.type} refused: ${outcome.code}`);
      ticket = outcome.ticket;
      if (outcome.comment) comments.push(outcome.comment);
    };
    const id = () => 'demo';
    const creator: Actor = channel === 'portal' ? { kind: 'requester', name: requesterName } : agentActor;
    apply(creator, at(0), {
      id: id(),
      type: 'ticket.create',
      args: {
        ticketId,
        title: problem.title,
        description: problem.description,
        category,
        impact:
          spec.impact ??
          r.weighted<Impact>([
            [1, 1],
            [2, 3],
            [3, 6],
          ]),
        urgency:
          spec.urgency ??
          r.weighted<Urgency>([
            [1, 1],
            [2, 4],
            [3, 5],
          ]),
        requester,
        channel,
        teamId,
      },
    });
    const order: TicketStatus[] = ['new', 'assigned', 'in_progress', 'pending', 'resolved', 'closed'];
    const reach = target === 'cancelled' ? (r.chance(0.5) ? 1 : 2) : order.indexOf(target);
    if (reach >= 1)
      apply(agentActor, at(0.02), {
        id: id(),
        type: 'ticket.assign',
        args: { ticketId, assigneeId: assignee.id },
      });
    if (reach >= 2) {
      apply(agentActor, at(0.04), {
        id: id(),
        type: 'ticket.transition',
        args: { ticketId, to: 'in_progress' },
      });
      apply(agentActor, at(0.05), {
        id: id(),
        type: 'comment.add',
        args: {
          ticketId,
          commentId: spec.commentIds(),
          body: r.pick(AGENT_REPLIES[lang]),
          visibility: 'public',
        },
      });
      if (r.chance(0.3)) {
        apply(agentActor, at(0.2), {
          id: id(),
          type: 'comment.add',
          args: {
            ticketId,
            commentId: spec.commentIds(),
            body: r.pick(INTERNAL_NOTES),
            visibility: 'internal',
          },
        });
      }
    }
    if (reach >= 3 && (target === 'pending' || r.chance(0.3))) {
      apply(agentActor, at(0.3), {
        id: id(),
        type: 'ticket.transition',
        args: { ticketId, to: 'pending', pendingReason: r.pick(PENDING_REASONS[lang]) },
      });
      if (target !== 'pending')
        apply(agentActor, at(0.5), {
          id: id(),
          type: 'ticket.transition',
          args: { ticketId, to: 'in_progress' },
        });
    }
    if (target === 'cancelled') {
      apply(agentActor, at(0.6), {
        id: id(),
        type: 'ticket.transition',
        args: { ticketId, to: 'cancelled', cancelReason: lang === 'es' ? 'Duplicada.' : 'Duplicate.' },
      });
    } else if (reach >= 4) {
      apply(agentActor, at(1), {
        id: id(),
        type: 'ticket.transition',
        args: {
          ticketId,
          to: 'resolved',
          resolutionNote: r.pick(RESOLUTIONS[lang]),
          resolutionCode: r.pick(['solved', 'workaround', 'configuration_change'] as const),
        },
      });
      if (target === 'closed') {
        apply({ kind: 'system', name: 'auto-close' }, new Date(createdAt + work + closeAfter), {
          id: id(),
          type: 'ticket.transition',
          args: { ticketId, to: 'closed' },
        });
      }
    }
    const finished = ticket!;
    const policy = this.world.policyOf(teamId);
    finished.slaPolicyId = policy?.id ?? null;
    finished.sla = policy ? ticketSla(finished, policy, this.now) : null;
    return { ticket: finished, comments };
  }
}
