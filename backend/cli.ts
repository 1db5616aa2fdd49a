import { redactUrl } from './storage/database';
import { parseCliArgs } from './cli-args';
import { startBackend } from './server';

/** `npm run backend -- --port <P> --data <DIR> …` (docs/http-api.md). */
async function main(): Promise<void> {
  let config;
  try {
    config = parseCliArgs(process.argv.slice(2), process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const backend = await startBackend(config);
  backend.app.log.info(
    { database: config.databaseUrl ? redactUrl(config.databaseUrl) : config.dataDir },
    'backend started',
  );
  // The one line scripts and tests wait for; printed only once requests are accepted.
  process.stdout.write(`listening on ${backend.url}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    backend.app.log.info({ signal }, 'shutting down');
    backend.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error('backend failed to start:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
