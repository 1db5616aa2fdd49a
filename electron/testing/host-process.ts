import { spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/**
 * The browser host as an operator runs it (`node --import tsx electron/browser-host/cli.ts`),
 * for tests of what only a whole process shows: its port across restarts, its exit on a
 * taken port.
 */
export interface HostProcess {
  /** The launch URL, secret included. */
  consoleUrl: string;
  port: number;
  /** Every line it printed so far, stdout and stderr. */
  output(): string[];
  stop(): Promise<void>;
}

export interface HostProcessOptions {
  backendUrl: string;
  dataDir: string;
  staticDir: string;
  /** Extra CLI flags, e.g. ['--port', '4100']. */
  args?: string[];
  env?: Record<string, string>;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const READY = /^console at (http:\/\/127\.0\.0\.1:(\d+)\/\S*)$/;

/** Resolves once the host serves; rejects with its exit code and output if it exits first. */
export function startHostProcess(options: HostProcessOptions): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'electron', 'browser-host', 'cli.ts'),
      '--backend-url',
      options.backendUrl,
      '--data',
      options.dataDir,
      '--static',
      options.staticDir,
      ...(options.args ?? []),
    ],
    { cwd: repoRoot, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise<HostProcess>((resolveHost, reject) => {
    createInterface({ input: child.stderr }).on('line', (line) => output.push(line));
    createInterface({ input: child.stdout }).on('line', (line) => {
      output.push(line);
      const ready = READY.exec(line);
      if (!ready) return;
      resolveHost({
        consoleUrl: ready[1] ?? '',
        port: Number(ready[2]),
        output: () => [...output],
        async stop() {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    void exited.then((code) => reject(new Error(`the host exited with ${code}: ${output.join('\n')}`)));
  });
}
