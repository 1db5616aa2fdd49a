import type { MutationResult } from '../../shared/index';
import type { Db } from './database';
import { storableText } from './text';

export interface AppliedRecord {
  result: MutationResult;
  type: string;
}

/** Results already recorded for any of these mutation ids. */
export async function findApplied(db: Db, ids: string[]): Promise<Map<string, MutationResult>> {
  const found = new Map<string, MutationResult>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('applied_mutations')
      .select(['id', 'status', 'code', 'message'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.id, toResult(row));
  }
  return found;
}

export function toResult(row: {
  id: string;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
}): MutationResult {
  return row.status === 'applied'
    ? { id: row.id, status: 'applied' }
    : { id: row.id, status: 'rejected', code: row.code ?? 'rejected', message: row.message ?? '' };
}

export async function recordApplied(
  db: Db,
  records: AppliedRecord[],
  meta: { clientId: string; agentId: string | null; at: string },
): Promise<void> {
  const rows = records.map(({ result, type }) => ({
    id: result.id,
    client_id: storableText(meta.clientId),
    agent_id: meta.agentId,
    type: storableText(type.slice(0, 64)),
    status: result.status,
    code: result.code ?? null,
    message: result.message === undefined ? null : storableText(result.message),
    applied_at: meta.at,
  }));
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('applied_mutations')
      .values(rows.slice(i, i + 400))
      .execute();
}
