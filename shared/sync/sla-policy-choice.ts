import { DEFAULT_SLA_POLICY } from '../domain/presets';
import type { SlaPolicy } from '../domain/types';
import type { Team } from '../entities/agent';

/** The reference rows the choice reads; the backend and the console both keep them by id. */
export interface PolicyReferences {
  teams: ReadonlyMap<string, Pick<Team, 'slaPolicyId'>>;
  policies: ReadonlyMap<string, SlaPolicy>;
}

/**
 * The SLA policy that governs a ticket: its team's, else the default one, else none.
 * One rule for the backend's decision and the console's offline prediction.
 */
export function policyForTeam(refs: PolicyReferences, teamId: string | null): SlaPolicy | null {
  const teamPolicyId = teamId ? refs.teams.get(teamId)?.slaPolicyId : null;
  return (
    (teamPolicyId && refs.policies.get(teamPolicyId)) || refs.policies.get(DEFAULT_SLA_POLICY.id) || null
  );
}
