import { parseChaosArgs } from './chaos-options';
import { runChaos } from './chaos-run';

// `npm run chaos`: the full convergence run. Prints the counts; exits 1 on any violation.
const t0 = Date.now();
const options = parseChaosArgs(process.argv.slice(2));
const report = await runChaos({
  ...options,
  log: (line) => console.error(`[chaos +${((Date.now() - t0) / 1000).toFixed(1)}s] ${line}`),
});
const { violations, ...counts } = report;
console.log(JSON.stringify(counts, null, 2));
if (violations.length) {
  console.error(`\n${violations.length} violation(s):`);
  for (const v of violations) console.error(`- ${v}`);
  process.exit(1);
}
console.log(
  'converged: every cache equals the server; every accepted mutation applied once; nothing acknowledged lost',
);
process.exit(0);
