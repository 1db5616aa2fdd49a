import { parseArgs } from 'node:util';
import { DEFAULT_RATES, type ChaosOptions } from './chaos-run';

/** `npm run chaos -- --mutations 3000 --clients 3 --seed 7 --crashes 2 --demo-tickets 60` */
export function parseChaosArgs(argv: string[]): ChaosOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      mutations: { type: 'string', default: '3000' },
      clients: { type: 'string', default: '3' },
      seed: { type: 'string', default: String(Date.now() % 100_000) },
      crashes: { type: 'string', default: '2' },
      'demo-tickets': { type: 'string', default: '60' },
    },
  });
  const int = (name: string, value: string, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min)
      throw new Error(`--${name} must be a whole number ≥ ${min}, not "${value}"`);
    return n;
  };
  return {
    mutations: int('mutations', values.mutations, 1),
    clients: int('clients', values.clients, 2),
    seed: int('seed', values.seed, 0),
    backendCrashes: int('crashes', values.crashes, 0),
    demoTickets: int('demo-tickets', values['demo-tickets'], 1),
    rates: DEFAULT_RATES,
  };
}
