// `npm run bench`: runs every bench/*.bench.ts (or those named on the command line),
// prints one JSON object per line and writes the same lines to bench/results/latest.jsonl.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchResult } from './bench-result';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((name) => f.includes(name)))
  .sort();

const lines: string[] = [];
let failed = 0;
for (const file of files) {
  const started = Date.now();
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<BenchResult[]> };
    for (const result of await mod.run()) {
      const line = JSON.stringify(result);
      lines.push(line);
      console.log(line);
    }
    console.error(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed += 1;
    console.error(`bench: ${file} failed:`, error);
  }
}
mkdirSync(join(here, 'results'), { recursive: true });
writeFileSync(join(here, 'results', 'latest.jsonl'), lines.length ? lines.join('\n') + '\n' : '');
process.exitCode = failed ? 1 : 0;
