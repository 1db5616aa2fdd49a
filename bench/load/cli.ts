// `npm run load`: simulated consoles against a backend it starts (or --url); the figures go
// to stderr for a reader and to stdout as JSON lines (bench/load/README.md).
import { describeLoad, loadResults } from './load-report';
import { startLoadBackends } from './load-backends';
import { LOAD_USAGE, parseLoadOptions } from './load-options';
import { AGENT_EMAILS, runLoad } from './run-load';

let options;
try {
  options = parseLoadOptions(process.argv.slice(2));
} catch (error) {
  console.error(`${(error as Error).message}\n\n${LOAD_USAGE}`);
  process.exit(2);
}
if (options === 'help') {
  console.log(LOAD_USAGE);
  process.exit(0);
}
const backends = await startLoadBackends(options, Math.min(options.consoles, AGENT_EMAILS.length));
try {
  const figures = await runLoad(options, backends, (line) => console.error(line));
  console.error(describeLoad(figures));
  const prefix = `load.${figures.db}.i${figures.instances}.c${figures.consoles}`;
  for (const result of loadResults(prefix, figures)) console.log(JSON.stringify(result));
  process.exitCode = Object.keys(figures.errors).length ? 1 : 0;
} finally {
  await backends.stop();
}
