import type { IndexableType, Table } from 'dexie';

/**
 * Every row of a table in primary-key order, `chunk` rows per IndexedDB request: bounded
 * memory, and the UI gets a turn between requests. `keyOf` gives a row's primary key, from
 * which the next request starts.
 */
export async function eachRow<T, K, I>(
  table: Table<T, K, I>,
  chunk: number,
  keyOf: (row: T) => K,
  visit: (row: T) => void,
): Promise<void> {
  let last: IndexableType | null = null;
  for (;;) {
    const rows: T[] = await (last === null ? table.orderBy(':id') : table.where(':id').above(last)).limit(chunk).toArray();
    for (const row of rows) visit(row);
    if (rows.length < chunk) return;
    last = keyOf(rows[rows.length - 1]!) as IndexableType;
    await yieldToUi();
  }
}

function yieldToUi(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
