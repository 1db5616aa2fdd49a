import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port';

/**
 * A private PostgreSQL cluster for tests and benchmarks: a temporary folder, a free
 * port, trust auth on loopback only. initdb refuses to run as root, so as root every
 * server command runs as the `postgres` user (docs/conventions.md).
 */
export interface PostgresCluster {
  url(dbName?: string): string;
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

export interface PostgresClusterOptions {
  /** Keep fsync on (benchmarks); tests run faster without it. Default false. */
  durable?: boolean;
}

export function postgresBinDir(): string | null {
  const fromEnv = process.env.MESA_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

/** True when the PostgreSQL server binaries are installed. */
export function postgresAvailable(): boolean {
  return postgresBinDir() !== null;
}

/**
 * For test files: whether to run the PostgreSQL suites. In CI a missing PostgreSQL is a
 * failure (CI installs it), elsewhere the suites are skipped with a message.
 */
export function requirePostgresForTests(): boolean {
  if (postgresAvailable()) return true;
  if (process.env.CI)
    throw new Error('PostgreSQL binaries are missing but CI is set: install the postgresql package.');
  console.warn(
    'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): skipping the PostgreSQL suites.',
  );
  return false;
}

const isRoot = (): boolean => process.getuid?.() === 0;

function runAsServerUser(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgresCluster(options: PostgresClusterOptions = {}): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: no initdb under /usr/lib/postgresql/*/bin');
  const dir = mkdtempSync(join(tmpdir(), 'mesa-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
  }
  const dataDir = join(dir, 'data');
  const superuser = 'postgres';
  runAsServerUser(join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    superuser,
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
    '--locale=C',
  ]);

  const port = await freePort();
  const settings = [`-c listen_addresses=127.0.0.1`, `-p ${port}`, `-k ${dir}`, '-c max_connections=200'];
  if (!options.durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  const pgCtl = join(bin, 'pg_ctl');
  runAsServerUser(pgCtl, [
    '-D',
    dataDir,
    '-l',
    join(dir, 'server.log'),
    '-o',
    settings.join(' '),
    '-w',
    'start',
  ]);

  let stopped = false;
  // If the test process dies without calling stop(), do not leave a server behind.
  const onExit = () => {
    if (stopped) return;
    stopped = true;
    const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
    spawnSync(isRoot() ? 'runuser' : pgCtl, isRoot() ? ['-u', 'postgres', '--', pgCtl, ...args] : args, {
      stdio: 'ignore',
    });
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', onExit);
  // A test runner may end its worker with a signal, which skips 'exit': stop, then die of it.
  const onSignal = (signal: NodeJS.Signals) => {
    onExit();
    process.kill(process.pid, signal);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, onSignal);

  const url = (dbName = 'postgres') => `postgres://${superuser}@127.0.0.1:${port}/${dbName}`;
  return {
    url,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: url() });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return url(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      process.removeListener('exit', onExit);
      for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.removeListener(signal, onSignal);
      runAsServerUser(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
