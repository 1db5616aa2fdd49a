import type { AgentCandidate } from './types';

/**
 * Ranked assignee suggestions (docs/domain-rules.md), best first.
 *
 * Excluded: offline agents, agents at or over capacity, agents without the ticket's
 * category among their skills and, when the ticket has a team, agents outside it.
 * Order: online before away; then lower load (openTickets / capacity); then the agent
 * assigned longest ago (never assigned first), which spreads work round-robin among
 * equals; then id. Ids compare by UTF-16 code units, not localeCompare, so the backend
 * and every console rank identically whatever their locale.
 */
export function suggestAssignees(
  ticket: { category: string; teamId?: string | null },
  agents: AgentCandidate[],
): string[] {
  const teamId = ticket.teamId ?? '';
  return agents
    .filter(
      (agent) =>
        agent.presence !== 'offline' &&
        agent.openTickets < agent.capacity &&
        agent.skills.includes(ticket.category) &&
        (teamId === '' || agent.teamIds.includes(teamId)),
    )
    .sort(byRank)
    .map((agent) => agent.id);
}

function byRank(a: AgentCandidate, b: AgentCandidate): number {
  const presence = presenceRank(a) - presenceRank(b);
  if (presence !== 0) return presence;
  return (
    compare(a.openTickets / a.capacity, b.openTickets / b.capacity) ||
    compare(lastAssigned(a), lastAssigned(b)) ||
    compare(a.id, b.id)
  );
}

function compare<T extends number | string>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function presenceRank(agent: AgentCandidate): number {
  return agent.presence === 'online' ? 0 : 1;
}

/** Never assigned (or an unreadable date) sorts before any real assignment. */
function lastAssigned(agent: AgentCandidate): number {
  const time = agent.lastAssignedAt ? agent.lastAssignedAt.getTime() : NaN;
  return Number.isNaN(time) ? -Infinity : time;
}
