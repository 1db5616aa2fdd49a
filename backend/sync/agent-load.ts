import { isOpenStatus, type Ticket } from '../../shared/index';
import { findAgent, saveAgent } from '../storage/agent-rows';
import { countOpenTickets } from '../storage/ticket-rows';
import type { MutationScope } from './mutation-scope';

/**
 * Keeps agents' openTickets and lastAssignedAt current (suggestAssignees ranks by them)
 * after a ticket changed hands or opened/closed, and syncs the agents that changed.
 */
export async function refreshAgentLoads(
  scope: MutationScope,
  before: Ticket | undefined,
  after: Ticket,
): Promise<void> {
  const affected = new Set<string>();
  const wasOpen = before ? isOpenStatus(before.status) : false;
  const isOpen = isOpenStatus(after.status);
  if ((before?.assigneeId ?? null) !== after.assigneeId) {
    if (before?.assigneeId) affected.add(before.assigneeId);
    if (after.assigneeId) affected.add(after.assigneeId);
  } else if (after.assigneeId && wasOpen !== isOpen) {
    affected.add(after.assigneeId);
  }
  for (const agentId of affected) {
    const agent = await findAgent(scope.trx, agentId);
    if (!agent) continue;
    const newlyAssigned = agentId === after.assigneeId && before?.assigneeId !== agentId;
    const next = {
      ...agent,
      openTickets: await countOpenTickets(scope.trx, agentId),
      lastAssignedAt: newlyAssigned ? scope.now.toISOString() : agent.lastAssignedAt,
    };
    if (next.openTickets === agent.openTickets && next.lastAssignedAt === agent.lastAssignedAt) continue;
    await saveAgent(scope.trx, next);
    scope.log.changed('agent', agentId);
  }
}
