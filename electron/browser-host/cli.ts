// Runs the browser host from a shell (scripts/start.mjs uses it for npm run start:web):
//   tsx electron/browser-host/cli.ts --backend-url http://127.0.0.1:4000 [--port 4100]
//       [--data .data/browser-host] [--static dist/renderer] [--demo-login]
// The port defaults to MESA_CONSOLE_PORT, else 4100 (console-port.ts says why it is fixed).
// Prints "console at http://127.0.0.1:P/#secret=…" once it serves.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBrowserHost } from './browser-host';
import { consolePort } from './console-port';

const { values } = parseArgs({
  options: {
    'backend-url': { type: 'string' },
    port: { type: 'string' },
    data: { type: 'string', default: '.data/browser-host' },
    static: { type: 'string', default: 'dist/renderer' },
    'demo-login': { type: 'boolean', default: false },
  },
});

const fail = (error: unknown): never => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
};

let port = 0;
try {
  port = consolePort(values.port, process.env);
} catch (error) {
  fail(error);
}

const version = (() => {
  try {
    return (JSON.parse(readFileSync('package.json', 'utf8')) as { version?: string }).version ?? 'dev';
  } catch {
    return 'dev';
  }
})();

// Lines go out unprefixed: npm start labels each program's output itself.
const host = await startBrowserHost({
  backendUrl: values['backend-url'] ?? null,
  port,
  dataDir: values.data,
  staticDir: values.static,
  demoLogin: values['demo-login'],
  version,
  log: (message) => console.log(message),
}).catch(fail);
console.log(`console at ${host.consoleUrl}`);

const shutdown = () => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
