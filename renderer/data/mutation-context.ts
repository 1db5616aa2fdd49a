import {
  policyForTeam,
  type Actor,
  type Agent,
  type Category,
  type SessionAgent,
  type SlaPolicy,
  type Team,
  type TicketMutationContext,
} from '../../shared/index';
import type { MesaDb } from './db';
import { readMeta } from './meta';

/**
 * What applyTicketMutation may look up, read from the cached reference tables (agents,
 * teams, categories, SLA policies: tens to hundreds of rows, read whole). The same lookups
 * the backend makes from its own tables, so the prediction matches the decision.
 */
export interface ReferenceSnapshot {
  agents: Map<string, Agent>;
  teams: Map<string, Team>;
  categories: Map<string, Category>;
  policies: Map<string, SlaPolicy>;
}

const byId = <T extends { id: string }>(rows: T[]): Map<string, T> =>
  new Map(rows.map((row) => [row.id, row]));

export async function loadReferences(db: MesaDb): Promise<ReferenceSnapshot> {
  const [agents, teams, categories, policies] = await Promise.all([
    db.agents.toArray(),
    db.teams.toArray(),
    db.categories.toArray(),
    db.slaPolicies.toArray(),
  ]);
  return { agents: byId(agents), teams: byId(teams), categories: byId(categories), policies: byId(policies) };
}

export function actorOf(agent: SessionAgent): Actor {
  return { kind: 'agent', id: agent.id, name: agent.name, role: agent.role };
}

export function mutationContext(refs: ReferenceSnapshot, actor: Actor, now: Date): TicketMutationContext {
  return {
    actor,
    now,
    findAgent: (id) => refs.agents.get(id),
    // The team's policy, else the default one: the shared rule the backend decides with.
    policyFor: (ticket) => policyForTeam(refs, ticket.teamId),
    defaultTeamFor: (category) => refs.categories.get(category)?.defaultTeamId ?? null,
  };
}

/** The signed-in agent as an actor, from the cache so it works offline; null when signed out. */
export async function loadActor(db: MesaDb): Promise<Actor | null> {
  const agent = await readMeta(db, 'sessionAgent');
  return agent ? actorOf(agent) : null;
}
