// npm start          → the backend (embedded SQLite, demo data) + the Electron app, signed in as
//                      the demo agent on the first run. Without an Electron binary (as on the
//                      build machines) it says so and runs the browser host instead.
// npm run start:web  → the backend + the browser host; prints the URL to open.
// Options: --web, --no-build (use what is in dist/ as it is).
// Ports: the backend (and its requester portal) on MESA_BACKEND_PORT, else 4000; the browser
// host on MESA_CONSOLE_PORT, else 4100. Both stay the same from one start to the next: the
// console's cache and unsent changes belong to the backend's address and live in the
// browser under the console's address, so a new port would leave them behind.
// Data lives in .data/ (backend database, browser-host session); delete it to start over.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { findElectronBinary } from './electron-binary.mjs';

const args = new Set(process.argv.slice(2));
const wantWeb = args.has('--web');
const build = !args.has('--no-build');
const children = new Set();
let shuttingDown = false;

const DEMO_ACCOUNTS = 'agent@example.com (agent) or admin@example.com (admin), password mesa-demo';
const say = (message) => console.log(`\x1b[1m[start]\x1b[0m ${message}`);

/** Starts a long-running child, prefixing its output, and returns it. */
function launch(name, command, commandArgs, env = {}) {
  const child = spawn(command, commandArgs, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`[${name}] ${line}`));
  }
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!shuttingDown) {
      say(`${name} exited (${signal ?? code}); stopping.`);
      void shutdown(code ?? 1);
    }
  });
  return child;
}

/** Runs a build step to completion. */
function runStep(name, command, commandArgs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs, { stdio: ['ignore', 'inherit', 'inherit'] });
    children.add(child);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${name} failed (exit ${code})`));
    });
  });
}

function waitForLine(child, pattern, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)),
      timeoutMs,
    );
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = pattern.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', () => reject(new Error(`${what} exited before it was ready`)));
  });
}

/** The port from `variable`, else `fallback`; a taken one is an error that says what to do. */
async function stablePort(variable, fallback, what) {
  const text = process.env[variable];
  const port = text ? Number(text) : fallback;
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new Error(`${variable} must be a port number from 1 to 65535, not "${text}".`);
  const free = await new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!free)
    throw new Error(
      `127.0.0.1:${port} (${what}) is already in use: stop the program using it (another npm start?), ` +
        `or set ${variable} to another port and use that one every time.`,
    );
  return port;
}

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  const exits = [...children].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children) child.kill('SIGTERM');
  const force = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, 5_000);
  await Promise.all(exits);
  clearTimeout(force);
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

async function main() {
  const electron = wantWeb ? null : findElectronBinary();
  if (electron && !electron.path) {
    say(`Electron cannot run here: ${electron.reason}.`);
    say('Starting the browser host instead (the same console, in your browser). On a machine with');
    say('internet, `npx install-electron` (or reinstalling electron) fetches the binary for npm start.');
  }
  const useElectron = Boolean(electron?.path);

  const port = await stablePort('MESA_BACKEND_PORT', 4000, 'the backend');
  const consolePort = useElectron ? 0 : await stablePort('MESA_CONSOLE_PORT', 4100, 'the console');
  const backend = launch('backend', process.execPath, [
    '--import',
    'tsx',
    'backend/cli.ts',
    '--port',
    String(port),
    '--data',
    '.data/backend',
    '--seed-demo',
  ]);
  const builds = build
    ? Promise.all([
        runStep('renderer build', process.execPath, [
          'node_modules/vite/bin/vite.js',
          'build',
          '--config',
          'renderer/vite.config.ts',
          '--logLevel',
          'warn',
        ]),
        useElectron
          ? runStep('electron build', process.execPath, ['scripts/build-electron.mjs'])
          : Promise.resolve(),
      ])
    : Promise.resolve();
  const [, backendUrl] = await waitForLine(backend, /listening on (http:\/\/\S+)/, 60_000, 'the backend');
  await builds;
  if (!existsSync('dist/renderer/index.html'))
    throw new Error('dist/renderer/index.html is missing: run npm run build:renderer');

  if (useElectron) {
    const electronArgs = ['.'];
    // Chromium refuses to run as root without this; it is a development convenience only.
    if (process.platform === 'linux' && process.getuid?.() === 0) {
      say('running as root: passing --no-sandbox to Electron (development only).');
      electronArgs.push('--no-sandbox');
    }
    say(`backend at ${backendUrl}; starting Electron.`);
    say(`requesters report problems at ${backendUrl}/ (the portal, Spanish or English)`);
    launch('electron', electron.path, electronArgs, { MESA_BACKEND_URL: backendUrl, MESA_DEMO_LOGIN: '1' });
    return;
  }

  const host = launch('browser-host', process.execPath, [
    '--import',
    'tsx',
    'electron/browser-host/cli.ts',
    '--backend-url',
    backendUrl,
    '--data',
    '.data/browser-host',
    '--static',
    'dist/renderer',
    '--demo-login',
    '--port',
    String(consolePort),
  ]);
  const [, consoleUrl] = await waitForLine(host, /console at (\S+)/, 60_000, 'the browser host');
  say(`backend at ${backendUrl}`);
  say(`requesters report problems at ${backendUrl}/ (the portal, Spanish or English)`);
  say(`open the console: \x1b[1m${consoleUrl}\x1b[0m`);
  say(`demo accounts: ${DEMO_ACCOUNTS}`);
  say('Ctrl+C stops everything.');
}

main().catch((error) => {
  say(error instanceof Error ? error.message : String(error));
  void shutdown(1);
});
