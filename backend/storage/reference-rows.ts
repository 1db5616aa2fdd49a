import { type Category, type Macro, type SlaPolicy, type Team } from '../../shared/index';
import type { Db } from './database';
import type { ReferenceTable } from './schema';

/** Teams, categories and SLA policies: small tables every ticket mutation consults. */
export interface ReferenceData {
  teams: Map<string, Team>;
  categories: Map<string, Category>;
  policies: Map<string, SlaPolicy>;
}

// The shared business calendar caches its work per calendar object, so the same stored
// policy must come back as the same object from one push to the next. Keyed by the row's
// text: an edited policy is a new object, an unchanged one is reused.
const parsedRows = new Map<string, unknown>();
const PARSED_ROWS_MAX = 1_000;

function parseRow<T>(data: string): T {
  let entity = parsedRows.get(data);
  if (entity === undefined) {
    entity = JSON.parse(data) as unknown;
    if (parsedRows.size >= PARSED_ROWS_MAX) parsedRows.clear();
    parsedRows.set(data, entity);
  }
  return entity as T;
}

async function loadTable<T extends { id: string }>(db: Db, table: ReferenceTable): Promise<Map<string, T>> {
  const rows = await db.selectFrom(table).select('data').execute();
  const map = new Map<string, T>();
  for (const row of rows) {
    const entity = parseRow<T>(row.data);
    map.set(entity.id, entity);
  }
  return map;
}

export async function loadReferenceData(db: Db): Promise<ReferenceData> {
  const [teams, categories, policies] = await Promise.all([
    loadTable<Team>(db, 'teams'),
    loadTable<Category>(db, 'categories'),
    loadTable<SlaPolicy>(db, 'sla_policies'),
  ]);
  return { teams, categories, policies };
}

export async function listReference<T extends { id: string }>(db: Db, table: ReferenceTable): Promise<T[]> {
  return [...(await loadTable<T>(db, table)).values()];
}

export async function saveReference(
  db: Db,
  table: ReferenceTable,
  entity: Team | Category | SlaPolicy | Macro,
): Promise<void> {
  const data = JSON.stringify(entity);
  await db
    .insertInto(table)
    .values({ id: entity.id, data })
    .onConflict((oc) => oc.column('id').doUpdateSet({ data }))
    .execute();
}
