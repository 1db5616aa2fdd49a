import { addBusinessMinutes, type SlaPolicy, type Ticket } from '../../shared/index';

/**
 * The two SLA instants the queue indexes sort and range on, derived from the resolution
 * clock the ticket carries (evaluated at `updatedAt`, by the server or by our optimistic
 * apply). A running clock's due instant does not move while time passes, so it can be
 * stored; a paused or stopped clock has none and sorts last (Infinity is a valid key).
 */

type SlaFields = Pick<Ticket, 'sla' | 'updatedAt'>;

export function slaDueMs(ticket: SlaFields): number {
  const clock = ticket.sla?.resolution;
  if (!clock || clock.status !== 'running' || !clock.dueAt) return Infinity;
  return Date.parse(clock.dueAt);
}

/**
 * When the resolution clock reaches the policy's warning fraction. Before that instant the
 * ticket is fine; from it on it is "breaching" (warning or breached). Business time is not
 * wall time, so the instant comes from the policy's calendar, counted from the moment the
 * clock was evaluated. Without the policy cached yet, the due instant stands in: the ticket
 * then enters the breaching queue late rather than never.
 */
export function slaWarnMs(ticket: SlaFields, policy: SlaPolicy | null | undefined): number {
  const due = slaDueMs(ticket);
  const clock = ticket.sla?.resolution;
  if (due === Infinity || !clock || !policy) return due;
  const warnAfter = policy.warnAtFraction * clock.targetMinutes - clock.elapsedMinutes;
  const evaluatedAt = Date.parse(ticket.updatedAt);
  if (warnAfter <= 0) return Math.min(evaluatedAt, due);
  try {
    return Math.min(addBusinessMinutes(policy.calendar, new Date(evaluatedAt), warnAfter).getTime(), due);
  } catch {
    // A calendar the domain refuses (no business hours) cannot date a warning; the due time still orders the queue.
    return due;
  }
}
