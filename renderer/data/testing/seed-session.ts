import type { Agent, SlaPolicy } from '../../../shared/index';
import type { MesaDb } from '../db';
import { writeMeta } from '../meta';
import { alwaysOpenPolicy, makeAgent } from './make-ticket';

/** A cache with a signed-in agent and the default policy, ready for mutations. */
export async function seedSession(
  db: MesaDb,
  agent: Agent = makeAgent(),
  policy: SlaPolicy = alwaysOpenPolicy(),
): Promise<Agent> {
  await db.agents.put(agent);
  await db.slaPolicies.put(policy);
  await writeMeta(db, 'sessionAgent', {
    id: agent.id,
    name: agent.name,
    email: agent.email,
    role: agent.role,
  });
  return agent;
}
