import { evaluateSla } from '../domain/sla-clock';
import type { Priority, SlaClock, SlaPolicy, TicketStatus } from '../domain/types';
import type { Ticket, TicketChannel } from '../entities/ticket';
import { toSlaTimeline } from '../sync/ticket-sla';
import { clockOutcome, type ClockOutcome, type ReportTicket } from './sla-report';

/**
 * What the service report needs of one ticket, with its SLA clocks already judged: the
 * expensive part (evaluateSla walks the business calendar) is done once per ticket, so a
 * change of period or filter is only a pass over these small records. Plain data, so a
 * Web Worker can receive and keep them.
 */

export type ReportFactTicket = ReportTicket &
  Pick<Ticket, 'id' | 'number' | 'title' | 'channel' | 'status' | 'feedback'>;

export interface ClockFact {
  outcome: ClockOutcome;
  /** Business minutes the clock counted (pending time excluded for resolution). */
  businessMinutes: number;
  /** When the clock stopped (epoch ms), null while it runs or is paused. */
  stoppedMs: number | null;
}

export interface ReportFact {
  id: string;
  number: string | null;
  title: string;
  createdMs: number;
  priority: Priority;
  teamId: string | null;
  assigneeId: string | null;
  category: string;
  channel: TicketChannel;
  status: TicketStatus;
  /** Chronological status changes in epoch ms; the first is the status at creation. */
  history: Array<{ at: number; status: TicketStatus }>;
  /** Both null for a ticket without a known policy: it has no due time. */
  firstResponse: ClockFact | null;
  resolution: ClockFact | null;
  feedback: { rating: number; comment: string | null; at: number } | null;
}

/** Where a stopped first-response clock stopped: the reply, or a resolution or cancellation before it. */
function firstResponseStop(ticket: ReportFactTicket): number | null {
  const reply = ticket.firstResponseAt ? Date.parse(ticket.firstResponseAt) : Infinity;
  const ended = ticket.statusHistory.find(
    (change) => change.status === 'resolved' || change.status === 'cancelled',
  );
  const stop = Math.min(reply, ended ? Date.parse(ended.at) : Infinity);
  return Number.isFinite(stop) ? stop : null;
}

/** Where a stopped resolution clock stopped: the last resolution (a closed ticket stopped there), else the cancellation. */
function resolutionStop(ticket: ReportFactTicket): number | null {
  const history = ticket.statusHistory;
  const resolved = history.findLast((change) => change.status === 'resolved');
  const last = resolved ?? history[history.length - 1];
  return last ? Date.parse(last.at) : null;
}

function clockFact(clock: SlaClock, stop: number | null): ClockFact {
  const stopped = clock.status === 'stopped';
  return {
    outcome: clockOutcome(clock),
    businessMinutes: clock.elapsedMinutes,
    stoppedMs: stopped ? stop : null,
  };
}

/** One ticket's report facts, its clocks judged at `now` by the policy its `slaPolicyId` names. */
export function toReportFact(
  ticket: ReportFactTicket,
  policies: ReadonlyMap<string, SlaPolicy>,
  now: Date,
): ReportFact {
  const policy = ticket.slaPolicyId === null ? undefined : policies.get(ticket.slaPolicyId);
  const sla = policy ? evaluateSla(toSlaTimeline(ticket), policy, now) : null;
  return {
    id: ticket.id,
    number: ticket.number,
    title: ticket.title,
    createdMs: Date.parse(ticket.createdAt),
    priority: ticket.priority,
    teamId: ticket.teamId,
    assigneeId: ticket.assigneeId,
    category: ticket.category,
    channel: ticket.channel,
    status: ticket.status,
    history: ticket.statusHistory.map((change) => ({ at: Date.parse(change.at), status: change.status })),
    firstResponse: sla ? clockFact(sla.firstResponse, firstResponseStop(ticket)) : null,
    resolution: sla ? clockFact(sla.resolution, resolutionStop(ticket)) : null,
    feedback: ticket.feedback
      ? {
          rating: ticket.feedback.rating,
          comment: ticket.feedback.comment ?? null,
          at: Date.parse(ticket.feedback.at),
        }
      : null,
  };
}
