import type { MutationResult } from '../../shared/index';
import type { Db } from './database';
import { prepared, type DirectSqlite } from './sqlite-direct';
import { storableText } from './text';

type AppliedRow = { id: string; status: 'applied' | 'rejected'; code: string | null; message: string | null };

// A push looks up and records every mutation id; on SQLite as statements prepared once
// (see sqlite-direct), a primary-key probe of each table or an insert per id. Results
// older than the retention window live on compacted (retention.ts): id and refusal code.
const FIND_APPLIED = `select id, status, code, message from applied_mutations where id = @id
  union all
  select id, case when rejected_code is null then 'applied' else 'rejected' end, rejected_code, null
  from applied_mutation_ids where id = @id`;
const RECORD_APPLIED = `insert into applied_mutations (id, client_id, agent_id, type, status, code, message, applied_at)
  values (?, ?, ?, ?, ?, ?, ?, ?)`;

export interface AppliedRecord {
  result: MutationResult;
  type: string;
}

/** Results already recorded for any of these mutation ids. */
export async function findApplied(
  db: Db,
  ids: string[],
  direct?: DirectSqlite,
): Promise<Map<string, MutationResult>> {
  const found = new Map<string, MutationResult>();
  if (direct) {
    const find = prepared(direct, FIND_APPLIED);
    for (const id of ids) {
      const row = find.get({ id }) as AppliedRow | undefined;
      if (row) found.set(row.id, toResult(row));
    }
    return found;
  }
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('applied_mutations')
      .select(['id', 'status', 'code', 'message'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const row of rows) found.set(row.id, toResult(row));
  }
  const rest = ids.filter((id) => !found.has(id));
  for (let i = 0; i < rest.length; i += 500) {
    const rows = await db
      .selectFrom('applied_mutation_ids')
      .select(['id', 'rejected_code'])
      .where('id', 'in', rest.slice(i, i + 500))
      .execute();
    for (const { id, rejected_code: code } of rows)
      found.set(id, toResult({ id, status: code === null ? 'applied' : 'rejected', code, message: null }));
  }
  return found;
}

export function toResult(row: AppliedRow): MutationResult {
  return row.status === 'applied'
    ? { id: row.id, status: 'applied' }
    : {
        id: row.id,
        status: 'rejected',
        code: row.code ?? 'rejected',
        // A compacted result keeps its code, which is what the console words its message from.
        message: row.message ?? 'This change was refused when it was first sent.',
      };
}

export async function recordApplied(
  db: Db,
  records: AppliedRecord[],
  meta: { clientId: string; agentId: string | null; at: string },
  direct?: DirectSqlite,
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
  if (direct) {
    const insert = prepared(direct, RECORD_APPLIED);
    for (const r of rows)
      insert.run(r.id, r.client_id, r.agent_id, r.type, r.status, r.code, r.message, r.applied_at);
    return;
  }
  for (let i = 0; i < rows.length; i += 400)
    await db
      .insertInto('applied_mutations')
      .values(rows.slice(i, i + 400))
      .execute();
}
