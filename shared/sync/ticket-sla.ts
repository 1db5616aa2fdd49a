import { evaluateSla } from '../domain/sla-clock';
import type { SlaClock, SlaPolicy, SlaTimeline } from '../domain/types';
import type { SlaClockWire, Ticket, TicketSlaWire } from '../entities/ticket';

type TimelineFields = Pick<Ticket, 'createdAt' | 'priority' | 'firstResponseAt' | 'statusHistory'>;

/** The SLA timeline of a ticket as it travels (ISO strings) in the shape evaluateSla takes. */
export function toSlaTimeline(ticket: TimelineFields): SlaTimeline {
  return {
    createdAt: new Date(ticket.createdAt),
    priority: ticket.priority,
    firstResponseAt: ticket.firstResponseAt ? new Date(ticket.firstResponseAt) : null,
    statusChanges: ticket.statusHistory.map((change) => ({ at: new Date(change.at), status: change.status })),
  };
}

export function slaClockToWire(clock: SlaClock): SlaClockWire {
  return { ...clock, dueAt: clock.dueAt ? clock.dueAt.toISOString() : null };
}

/** Both clocks of a ticket at `now`, ready to store or send. */
export function ticketSla(ticket: TimelineFields, policy: SlaPolicy, now: Date): TicketSlaWire {
  const { firstResponse, resolution } = evaluateSla(toSlaTimeline(ticket), policy, now);
  return { firstResponse: slaClockToWire(firstResponse), resolution: slaClockToWire(resolution) };
}
