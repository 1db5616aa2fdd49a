/** Where product code runs; tests, bench, e2e, scripts and build may import any package. */
export type Runtime = 'shared' | 'renderer' | 'main' | 'glue' | 'backend';

/** Each npm package in package.json, with the runtimes that may import it (none: tests and tools only). */
export const dependencyRuntimes: Record<string, readonly Runtime[]>;

/** no-restricted-imports patterns for every package `runtime` may not import, less `alreadyRestricted`. */
export function packagesBannedIn(
  runtime: Runtime,
  alreadyRestricted?: readonly string[],
): Array<{ regex: string; message: string }>;
