import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * Runs the backend as a real process (`node --import tsx backend/cli.ts`), the way an
 * operator would, for tests that need process boundaries: kill -9, restarts, several
 * instances on one PostgreSQL database, the console's end-to-end tests.
 */
export interface BackendProcessOptions {
  /** Defaults to a new temporary folder, removed again by stop(). */
  dataDir?: string;
  databaseUrl?: string;
  seedDemo?: boolean;
  demoTickets?: number;
  extraArgs?: string[];
  /** Flags for node itself, before the script (e.g. --cpu-prof, which NODE_OPTIONS refuses). */
  nodeArgs?: string[];
  env?: Record<string, string>;
}

export interface BackendProcess {
  /** http://127.0.0.1:PORT; the same across restart(). */
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The running process's id (for /proc measurements); undefined while it is down. */
  readonly pid?: number;
  /** SIGTERM, wait for a clean exit (SIGKILL after 5 s). Removes a temporary data folder. */
  stop(): Promise<void>;
  /** Send a signal (default SIGKILL) and wait for the process to be gone; the data stays. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start again on the same port and data (after kill() or on a running process). */
  restart(): Promise<void>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LISTENING = /^listening on http:\/\/127\.0\.0\.1:(\d+)\s*$/;
const START_TIMEOUT_MS = 60_000;

export async function startBackendProcess(opts: BackendProcessOptions = {}): Promise<BackendProcess> {
  const ownsDataDir = !opts.dataDir;
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'mesa-backend-'));
  let port = 0;
  let child: ChildProcess | null = null;

  const args = (): string[] => {
    const list = [
      ...(opts.nodeArgs ?? []),
      '--import',
      'tsx',
      join(repoRoot, 'backend', 'cli.ts'),
      '--port',
      String(port),
      '--data',
      dataDir,
    ];
    if (opts.databaseUrl) list.push('--database-url', opts.databaseUrl);
    if (opts.seedDemo) list.push('--seed-demo');
    if (opts.demoTickets !== undefined) list.push('--demo-tickets', String(opts.demoTickets));
    return [...list, ...(opts.extraArgs ?? [])];
  };

  const launch = async (): Promise<void> => {
    const proc = spawn(process.execPath, args(), {
      cwd: repoRoot,
      env: { MESA_LOG_LEVEL: 'warn', ...process.env, ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    port = await waitForListening(proc);
  };

  const waitExit = (proc: ChildProcess, timeoutMs: number): Promise<boolean> =>
    new Promise((done) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      proc.once('exit', () => {
        clearTimeout(timer);
        done(true);
      });
    });

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    const proc = child;
    if (!proc) return;
    proc.kill(signal);
    if (!(await waitExit(proc, 5_000))) {
      proc.kill('SIGKILL');
      await waitExit(proc, 5_000);
    }
    child = null;
  };

  await launch();
  return {
    get url() {
      return `http://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    dataDir,
    get pid() {
      return child?.pid;
    },
    kill,
    async stop() {
      await kill('SIGTERM');
      if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
    async restart() {
      await kill('SIGTERM');
      await launch();
    },
  };
}

/** Resolves with the port once the process prints its `listening on` line; rejects if it exits first. */
function waitForListening(proc: ChildProcess): Promise<number> {
  const recent: string[] = [];
  const remember = (line: string) => {
    recent.push(line);
    if (recent.length > 40) recent.shift();
  };
  // Keep draining both pipes for the process's whole life, or a chatty child blocks on a full pipe.
  if (proc.stderr) createInterface({ input: proc.stderr }).on('line', remember);
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`backend did not start within ${START_TIMEOUT_MS} ms:\n${recent.join('\n')}`));
    }, START_TIMEOUT_MS);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      reject(
        new Error(`backend exited before listening (code ${code}, signal ${signal}):\n${recent.join('\n')}`),
      );
    };
    proc.once('exit', onExit);
    if (!proc.stdout) return reject(new Error('backend stdout is not piped'));
    createInterface({ input: proc.stdout }).on('line', (line) => {
      remember(line);
      const match = LISTENING.exec(line);
      if (match) {
        clearTimeout(timer);
        proc.removeListener('exit', onExit);
        resolvePort(Number(match[1]));
      }
    });
  });
}
