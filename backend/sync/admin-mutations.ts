import { addBusinessMinutes, type Agent, type Mutation, type MutationArgs } from '../../shared/index';
import { findAgent, findAgentByEmail, saveAgent } from '../storage/agent-rows';
import { saveReference } from '../storage/reference-rows';
import { applied, rejected, type Decision, type MutationScope } from './mutation-scope';

type AdminMutation = Extract<
  Mutation,
  { type: 'agent.upsert' | 'team.upsert' | 'category.upsert' | 'sla_policy.upsert' | 'macro.upsert' }
>;

/** Hooks an admin change needs outside the tables (signing a deactivated agent out). */
export interface AdminEffects {
  revokeSessions(scope: MutationScope, agentId: string): Promise<void>;
}

/** Admin-only mutations: accounts, teams, categories, SLA policies and macros. */
export async function applyAdminMutation(
  scope: MutationScope,
  mutation: AdminMutation,
  effects: AdminEffects,
): Promise<Decision> {
  if (scope.actor.kind !== 'agent' || scope.actor.role !== 'admin') {
    return rejected(
      'forbidden',
      'Only an administrator can change accounts, teams, categories, SLA policies and macros.',
    );
  }
  switch (mutation.type) {
    case 'agent.upsert':
      return upsertAgent(scope, mutation.id, mutation.args, effects);
    case 'team.upsert': {
      const { slaPolicyId } = mutation.args;
      if (slaPolicyId && !(await scope.refs()).policies.has(slaPolicyId))
        return rejected('not_found', 'That SLA policy does not exist.');
      return saveRef(scope, 'teams', 'team', mutation.args);
    }
    case 'category.upsert': {
      const { defaultTeamId } = mutation.args;
      if (defaultTeamId && !(await scope.refs()).teams.has(defaultTeamId))
        return rejected('not_found', 'That team does not exist.');
      return saveRef(scope, 'categories', 'category', mutation.args);
    }
    case 'sla_policy.upsert':
      try {
        // A calendar without any business time would make every SLA evaluation throw.
        addBusinessMinutes(mutation.args.calendar, scope.now, 1);
      } catch (error) {
        return rejected(
          'validation_failed',
          `calendar: ${error instanceof Error ? error.message : 'has no business time'}`,
        );
      }
      return saveRef(scope, 'sla_policies', 'sla_policy', mutation.args);
    case 'macro.upsert':
      return saveRef(scope, 'macros', 'macro', mutation.args);
  }
}

async function saveRef(
  scope: MutationScope,
  table: 'teams' | 'categories' | 'sla_policies' | 'macros',
  entity: 'team' | 'category' | 'sla_policy' | 'macro',
  data: Parameters<typeof saveReference>[2],
): Promise<Decision> {
  await saveReference(scope.trx, table, data);
  scope.log.changed(entity, data.id);
  scope.invalidateRefs();
  return applied;
}

async function upsertAgent(
  scope: MutationScope,
  mutationId: string,
  args: MutationArgs<'agent.upsert'>,
  effects: AdminEffects,
): Promise<Decision> {
  const existing = await findAgent(scope.trx, args.agentId);
  const sameEmail = await findAgentByEmail(scope.trx, args.email);
  if (sameEmail && sameEmail.agent.id !== args.agentId)
    return rejected('conflict', 'Another account already uses that email address.');
  const teams = (await scope.refs()).teams;
  const missingTeam = args.teamIds.find((id) => !teams.has(id));
  if (missingTeam) return rejected('not_found', `Team ${missingTeam} does not exist.`);
  const active = args.active ?? existing?.active ?? true;
  // An administrator cannot lock themselves out; another admin has to do it.
  if (scope.actor.kind === 'agent' && args.agentId === scope.actor.id && (args.role !== 'admin' || !active)) {
    return rejected(
      'forbidden',
      'You cannot remove your own administrator rights or deactivate your own account.',
    );
  }
  const agent: Agent = {
    id: args.agentId,
    name: args.name,
    email: args.email,
    role: args.role,
    teamIds: args.teamIds,
    skills: args.skills,
    capacity: args.capacity,
    presence: args.presence ?? existing?.presence ?? 'offline',
    active,
    openTickets: existing?.openTickets ?? 0,
    lastAssignedAt: existing?.lastAssignedAt ?? null,
  };
  const passwordHash = args.password ? scope.passwordHashes.get(mutationId) : undefined;
  // Hashing here would hold the write lock for the whole of scrypt (see password-hashes.ts).
  if (args.password && !passwordHash)
    throw new Error('agent.upsert: password was not hashed before the transaction');
  await saveAgent(scope.trx, agent, passwordHash);
  if (!active || args.password) await effects.revokeSessions(scope, agent.id);
  scope.log.changed('agent', agent.id);
  return applied;
}

/** agent.set_presence: always the token's own agent. */
export async function setPresence(
  scope: MutationScope,
  args: MutationArgs<'agent.set_presence'>,
): Promise<Decision> {
  if (scope.actor.kind !== 'agent') return rejected('forbidden', 'Only agents have a presence.');
  const agent = await findAgent(scope.trx, scope.actor.id);
  if (!agent) return rejected('not_found', 'Your account no longer exists.');
  if (agent.presence === args.presence) return applied;
  const next = { ...agent, presence: args.presence };
  await saveAgent(scope.trx, next);
  scope.log.changed('agent', next.id);
  return applied;
}
