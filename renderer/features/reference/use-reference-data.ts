import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import {
  policyForTeam,
  type Agent,
  type Category,
  type Macro,
  type SessionAgent,
  type SlaPolicy,
  type Team,
} from '../../../shared/index';
import { getDb } from '../../data/app-db';
import { readMeta } from '../../data/meta';
import type { ReferenceSnapshot } from '../../data/mutation-context';

/**
 * The reference tables (agents, teams, categories, macros, SLA policies) hold tens to
 * hundreds of rows, so views read them whole, live. Tickets are never read this way.
 */
const EMPTY: never[] = [];

export function useAgents(): Agent[] {
  return useLiveQuery(() => getDb().agents.toArray(), [], EMPTY);
}

export function useTeams(): Team[] {
  return useLiveQuery(() => getDb().teams.toArray(), [], EMPTY);
}

export function useCategories(): Category[] {
  return useLiveQuery(() => getDb().categories.toArray(), [], EMPTY);
}

export function useMacros(): Macro[] {
  return useLiveQuery(
    async () =>
      (await getDb().macros.toArray()).filter((m) => m.active).sort((a, b) => a.name.localeCompare(b.name)),
    [],
    EMPTY,
  );
}

export function usePolicies(): SlaPolicy[] {
  return useLiveQuery(() => getDb().slaPolicies.toArray(), [], EMPTY);
}

/** Who is signed in, from the cache so it is known offline; undefined while loading, null when signed out. */
export function useSessionAgent(): SessionAgent | null | undefined {
  return useLiveQuery(async () => (await readMeta(getDb(), 'sessionAgent')) ?? null, []);
}

/** The signed-in agent's own record (teams, skills), once the agents table has it. */
export function useMe(): { session: SessionAgent | null | undefined; agent: Agent | undefined } {
  const session = useSessionAgent();
  const agents = useAgents();
  const agent = useMemo(
    () => (session ? agents.find((a) => a.id === session.id) : undefined),
    [agents, session],
  );
  return { session, agent };
}

export function useAgentNames(): (agentId: string | null) => string {
  const agents = useAgents();
  return useMemo(() => {
    const names = new Map(agents.map((a) => [a.id, a.name]));
    return (agentId) => (agentId ? (names.get(agentId) ?? '—') : '—');
  }, [agents]);
}

/** The SLA policy that governs a ticket, resolved exactly as the optimistic apply resolves it. */
export function usePolicyResolver(): (ticket: {
  slaPolicyId: string | null;
  teamId: string | null;
}) => SlaPolicy | null {
  const policies = usePolicies();
  const teams = useTeams();
  return useMemo(() => {
    const refs: ReferenceSnapshot = {
      agents: new Map(),
      categories: new Map(),
      teams: new Map(teams.map((t) => [t.id, t])),
      policies: new Map(policies.map((p) => [p.id, p])),
    };
    return (ticket) =>
      (ticket.slaPolicyId ? refs.policies.get(ticket.slaPolicyId) : undefined) ??
      policyForTeam(refs, ticket.teamId);
  }, [policies, teams]);
}
