import type { Agent } from '../../shared/index';
import type { Db } from './database';

export interface AgentRecord {
  agent: Agent;
  passwordHash: string | null;
}

export async function findAgent(db: Db, id: string): Promise<Agent | undefined> {
  const row = await db.selectFrom('agents').select('data').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.data) as Agent) : undefined;
}

export async function findAgentByEmail(db: Db, email: string): Promise<AgentRecord | undefined> {
  const row = await db
    .selectFrom('agents')
    .select(['data', 'password_hash'])
    .where('email', '=', email)
    .executeTakeFirst();
  return row ? { agent: JSON.parse(row.data) as Agent, passwordHash: row.password_hash } : undefined;
}

export async function listAgents(db: Db): Promise<Agent[]> {
  const rows = await db.selectFrom('agents').select('data').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.data) as Agent);
}

/** Insert or replace an agent. `passwordHash` undefined keeps the stored one. */
export async function saveAgent(db: Db, agent: Agent, passwordHash?: string): Promise<void> {
  const row = {
    id: agent.id,
    email: agent.email,
    role: agent.role,
    active: agent.active ? 1 : 0,
    data: JSON.stringify(agent),
  };
  const update =
    passwordHash === undefined
      ? { email: row.email, role: row.role, active: row.active, data: row.data }
      : { ...row, password_hash: passwordHash };
  await db
    .insertInto('agents')
    .values({ ...row, password_hash: passwordHash ?? null })
    .onConflict((oc) => oc.column('id').doUpdateSet(update))
    .execute();
}
