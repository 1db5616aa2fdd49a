import {
  mostUrgentClock,
  slaClocks,
  slaHealthAt,
  slaState,
  type SlaClockName,
  type SlaState,
} from '../domain/sla-state';
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

export function slaClockToWire(clock: SlaClock & { warnAt?: Date | null }): SlaClockWire {
  const { warnAt, ...rest } = clock;
  return {
    ...rest,
    dueAt: clock.dueAt ? clock.dueAt.toISOString() : null,
    warnAt: warnAt ? warnAt.toISOString() : null,
  };
}

/** Both clocks of a ticket at `now`, ready to store or send, with when each warns and when they were evaluated. */
export function ticketSla(ticket: TimelineFields, policy: SlaPolicy, now: Date): TicketSlaWire {
  const { firstResponse, resolution } = slaClocks(toSlaTimeline(ticket), policy, now);
  const wire = (clock: SlaState) => {
    const { clock: _name, ...rest } = clock;
    return slaClockToWire(rest);
  };
  return { firstResponse: wire(firstResponse), resolution: wire(resolution), evaluatedAt: now.toISOString() };
}

type SlaFields = TimelineFields & Pick<Ticket, 'sla'>;

/**
 * A ticket's SLA state at `now` (slaState), from its timeline when its policy is known.
 * Without the policy (not synced yet) the server's last evaluation stands in: its instants
 * are fixed, and its health moves on from the time it was evaluated. A copy stored before
 * the server sent warning instants warns at its due time: late rather than never.
 */
export function ticketSlaState(
  ticket: SlaFields,
  policy: SlaPolicy | null | undefined,
  now: Date,
): SlaState | null {
  if (policy) {
    try {
      return slaState(toSlaTimeline(ticket), policy, now);
    } catch {
      // A policy the domain refuses (a calendar with no business time) falls back to the server's copy.
    }
  }
  if (!ticket.sla) return null;
  const state = mostUrgentClock(slaClocksFromWire(ticket.sla));
  const evaluatedAt = ticket.sla.evaluatedAt ? Date.parse(ticket.sla.evaluatedAt) : -Infinity;
  return now.getTime() >= evaluatedAt ? { ...state, health: slaHealthAt(state, now) } : state;
}

/** The server's evaluation of both clocks, as slaClocks gives them; health as of `evaluatedAt`. */
export function slaClocksFromWire(sla: TicketSlaWire): Record<SlaClockName, SlaState> {
  const fromWire = (clock: SlaClockName): SlaState => {
    const wire = sla[clock];
    const dueAt = wire.dueAt ? new Date(wire.dueAt) : null;
    const warnAt = wire.warnAt ? new Date(wire.warnAt) : wire.warnAt === undefined ? dueAt : null;
    return { ...wire, clock, dueAt, warnAt };
  };
  return { firstResponse: fromWire('firstResponse'), resolution: fromWire('resolution') };
}
