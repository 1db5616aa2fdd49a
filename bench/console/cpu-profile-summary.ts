/**
 * Where a V8 CPU profile's time went (the renderer's during the sign-in, taken over CDP):
 * self time per function, and per script, so a cost can be pinned on JSON parsing, zod,
 * Dexie or the memory view without opening DevTools.
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
}

/** Self time per function (`name @ file:line`) and per script file, largest first. */
export function selfTimes(profile: CpuProfile): {
  functions: SelfTime[];
  scripts: SelfTime[];
  totalMs: number;
} {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // A sample's time is the gap to the next sample (the last one's is unknown and dropped).
  for (let i = 0; i + 1 < samples.length; i++)
    selfMs.set(samples[i]!, (selfMs.get(samples[i]!) ?? 0) + deltas[i + 1]! / 1000);
  const functions = new Map<string, number>();
  const scripts = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    const file = url.split('/').at(-1) || '(native)';
    const fn = `${functionName || '(anonymous)'} @ ${file}:${lineNumber + 1}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    scripts.set(file, (scripts.get(file) ?? 0) + ms);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms);
  return {
    functions: sorted(functions),
    scripts: sorted(scripts),
    totalMs: (profile.endTime - profile.startTime) / 1000,
  };
}
