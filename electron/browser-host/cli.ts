// Runs the browser host from a shell (scripts/start.mjs uses it for npm run start:web):
//   tsx electron/browser-host/cli.ts --backend-url http://127.0.0.1:4000 [--port 0]
//       [--data .data/browser-host] [--static dist/renderer] [--demo-login]
// Prints "console at http://127.0.0.1:P/#secret=…" once it serves.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './browser-host';

const { values } = parseArgs({
  options: {
    'backend-url': { type: 'string' },
    port: { type: 'string', default: '0' },
    data: { type: 'string', default: '.data/browser-host' },
    static: { type: 'string', default: 'dist/renderer' },
    'demo-login': { type: 'boolean', default: false },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}

const version = (() => {
  try {
    return (JSON.parse(readFileSync('package.json', 'utf8')) as { version?: string }).version ?? 'dev';
  } catch {
    return 'dev';
  }
})();

const host = await startBrowserHost({
  backendUrl: values['backend-url'] ?? null,
  port,
  dataDir: values.data,
  staticDir: values.static,
  demoLogin: values['demo-login'],
  version,
  log: (message) => console.log(`[browser-host] ${message}`),
});
console.log(`console at ${host.consoleUrl}`);

const shutdown = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
