import { parseArgs } from 'node:util';

/** What one load run does; `npm run load -- --help` lists the flags. */
export interface LoadOptions {
  consoles: number;
  /** Mutations per second, spread over all consoles. */
  rate: number;
  durationS: number;
  db: 'sqlite' | 'postgres';
  instances: 1 | 2;
  /** An already running backend (seeded with the demo accounts); none is started. */
  url: string | null;
  /** Consoles that connect at once while ramping up, so the start is not one thundering herd. */
  rampBatch: number;
  /** How long after the last push the consoles get to catch up before the figures are taken. */
  drainS: number;
}

export const LOAD_USAGE = `npm run load -- [options]
  --consoles <N>        simulated consoles, each with its own event stream (default 100, at most 5000)
  --rate <N>            mutations per second over all consoles (default 20, at most 1000)
  --duration <S>        seconds of measured load (default 30, at most 3600)
  --db sqlite|postgres  the backend's database when one is started (default sqlite)
  --instances 1|2       backend processes on one database; 2 needs --db postgres (default 1)
  --url <URL>           use a running backend seeded with the demo accounts instead of starting one`;

const int = (name: string, raw: string | undefined, fallback: number, min: number, max: number): number => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    throw new RangeError(`--${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  return value;
};

export function parseLoadOptions(argv: string[]): LoadOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      consoles: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      db: { type: 'string' },
      instances: { type: 'string' },
      url: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const db = values.db ?? 'sqlite';
  if (db !== 'sqlite' && db !== 'postgres')
    throw new RangeError(`--db must be sqlite or postgres, not "${db}"`);
  const instances = int('instances', values.instances, 1, 1, 2) as 1 | 2;
  if (instances === 2 && db !== 'postgres' && !values.url)
    throw new RangeError('--instances 2 needs --db postgres: instances share state through PostgreSQL');
  if (values.url !== undefined) new URL(values.url);
  return {
    consoles: int('consoles', values.consoles, 100, 1, 5_000),
    rate: int('rate', values.rate, 20, 1, 1_000),
    durationS: int('duration', values.duration, 30, 1, 3_600),
    db,
    instances,
    url: values.url ?? null,
    rampBatch: 50,
    drainS: 10,
  };
}
