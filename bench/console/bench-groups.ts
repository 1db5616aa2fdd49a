/**
 * The console bench's groups. The sign-in figures always run (every other group needs the
 * cache they fill); MESA_BENCH_ONLY names the groups to run after them, comma-separated
 * (`signin` alone: those figures and nothing after).
 * `raw-rows` (a row per ticket put raw, the former bootstrap baseline) runs only when named.
 */
export const BENCH_GROUPS = [
  'raw-rows',
  'heap',
  'queries',
  'interactions',
  'start',
  'change-to-screen',
  'outbox-flush',
] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

const BY_DEFAULT: readonly BenchGroup[] = BENCH_GROUPS.filter((g) => g !== 'raw-rows');

export function benchGroups(only: string | undefined): ReadonlySet<BenchGroup> {
  const names = (only ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return new Set(BY_DEFAULT);
  const unknown = names.filter(
    (name) => name !== 'signin' && !(BENCH_GROUPS as readonly string[]).includes(name),
  );
  if (unknown.length > 0)
    throw new Error(
      `MESA_BENCH_ONLY: unknown group ${unknown.join(', ')} (groups: signin, ${BENCH_GROUPS.join(', ')})`,
    );
  return new Set(names.filter((name): name is BenchGroup => name !== 'signin'));
}
