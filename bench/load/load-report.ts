import { r2, type BenchResult } from '../bench-result';
import type { LoadFigures } from './run-load';

const ms = (value: number | null): string => (value === null ? '—' : `${Math.round(value)} ms`);

/** The figures for a reader. */
export function describeLoad(f: LoadFigures): string {
  const servers = f.servers
    .map(
      (s, i) =>
        `instance ${i + 1}: CPU ${Math.round(s.cpu * 100)} % of a core, RSS ${Math.round(s.rssMiB)} MiB`,
    )
    .join('; ');
  const errors = Object.entries(f.errors)
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  return [
    `load: ${f.consoles} consoles on ${f.instances} instance(s), ${f.db}, ${f.askedRate} mutations/s asked, ${f.durationS.toFixed(1)} s`,
    `  consoles connected        ${f.connected}`,
    `  mutations applied         ${f.appliedPerS.toFixed(1)}/s`,
    `  change → every console    p50 ${ms(f.latencyMs.p50)}, p95 ${ms(f.latencyMs.p95)}, p99 ${ms(f.latencyMs.p99)}, max ${ms(f.latencyMs.max)} (${f.latencyMs.measured} pushes)`,
    `  pulls served              ${f.pullsPerS.toFixed(0)}/s`,
    `  bytes served              ${(f.bytesPerS / 2 ** 20).toFixed(2)} MiB/s (event stream ${(f.eventBytesPerS / 2 ** 20).toFixed(2)} MiB/s)`,
    `  server                    ${servers || 'not measured (--url)'}`,
    `  load generator            CPU ${Math.round(f.generatorCpu * 100)} % of a core`,
    `  errors                    ${errors || 'none'}`,
    `  load average              ${f.loadAverage.map((x) => x.toFixed(2)).join(' ')} (1, 5 min) on ${f.cores} cores`,
  ].join('\n');
}

/** The figures as bench lines (bench/bench-result.ts), each name prefixed by `prefix`. */
export function loadResults(prefix: string, f: LoadFigures): BenchResult[] {
  const n = f.latencyMs.measured;
  const line = (name: string, value: number, unit: string, count = n): BenchResult => ({
    name: `${prefix}.${name}`,
    value: r2(value),
    unit,
    n: count,
  });
  const errorCount = Object.values(f.errors).reduce((a, b) => a + b, 0);
  return [
    line('consoles_connected', f.connected, 'consoles', f.consoles),
    line('mutations_applied', f.appliedPerS, 'mutations/s'),
    line('change_to_every_console_p50', f.latencyMs.p50 ?? -1, 'ms'),
    line('change_to_every_console_p95', f.latencyMs.p95 ?? -1, 'ms'),
    line('change_to_every_console_p99', f.latencyMs.p99 ?? -1, 'ms'),
    line('pulls_served', f.pullsPerS, 'pulls/s'),
    line('bytes_served', f.bytesPerS, 'bytes/s'),
    ...f.servers.flatMap((s, i) => [
      line(`server${i + 1}_cpu`, s.cpu * 100, '% of a core'),
      line(`server${i + 1}_rss`, s.rssMiB, 'MiB'),
    ]),
    line('errors', errorCount, 'errors'),
  ];
}
