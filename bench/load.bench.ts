import { r2, type BenchResult } from './bench-result';
import { startLoadBackends } from './load/load-backends';
import type { LoadOptions } from './load/load-options';
import { loadResults } from './load/load-report';
import { AGENT_EMAILS, runLoad, type LoadFigures } from './load/run-load';

/**
 * The short load profile of `npm run bench` (the full 1,000-console run is `npm run load`,
 * bench/load/README.md): 300 consoles on one SQLite backend for 45 s at 20 mutations/s, and
 * beside each figure the same measured with one console alone on the same backend, at the
 * same rate, in the same run, so a ratio shows what the other 299 cost.
 */
const PROFILE: LoadOptions = {
  consoles: 300,
  rate: 20,
  durationS: 45,
  db: 'sqlite',
  instances: 1,
  url: null,
  rampBatch: 50,
  drainS: 10,
};
const ALONE: LoadOptions = { ...PROFILE, consoles: 1, durationS: 15 };

/** Each crowd figure with its one-console baseline; the baseline's own lines follow. */
function withBaselines(crowd: LoadFigures, alone: LoadFigures): BenchResult[] {
  const single = new Map(loadResults('load.c1', alone).map((r) => [r.name.slice('load.c1.'.length), r]));
  const out: BenchResult[] = [];
  for (const result of loadResults('load.c300', crowd)) {
    const base = single.get(result.name.slice('load.c300.'.length));
    out.push(base ? { ...result, baseline: { name: base.name, value: r2(base.value) } } : result);
  }
  return [...out, ...single.values()];
}

export async function run(): Promise<BenchResult[]> {
  const backends = await startLoadBackends(PROFILE, AGENT_EMAILS.length);
  try {
    const alone = await runLoad(ALONE, backends);
    const crowd = await runLoad(PROFILE, backends);
    return withBaselines(crowd, alone);
  } finally {
    await backends.stop();
  }
}
