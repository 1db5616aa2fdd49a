// The short chaos run inside `npm test`: ~300 random mutations from three clients through
// fault-injecting proxies, one client restarted mid-push, the backend killed with SIGKILL
// mid-push and restarted; then every cache must equal the server and nothing be lost.
// The full 3,000-mutation run is `npm run chaos`.
import { expect, it } from 'vitest';
import { DEFAULT_RATES, runChaos } from './chaos-run';

it('converges under faults, a client restart and a backend kill -9, losing nothing', async () => {
  const report = await runChaos({
    mutations: 300,
    clients: 3,
    seed: 20_240_607,
    backendCrashes: 1,
    demoTickets: 40,
    rates: DEFAULT_RATES,
  });
  expect(report.violations).toEqual([]);
  expect(report.clientRestarts).toBe(1);
  expect(report.backendCrashes).toBe(1);
  // The run must have exercised what it claims to: faults happened and the server both applied and refused.
  expect(
    report.faults.drop + report.faults.cutResponse + report.faults.duplicate + report.faults.badGateway,
  ).toBeGreaterThan(0);
  expect(report.applied).toBeGreaterThan(0);
  expect(Object.keys(report.rejectedByServer).length).toBeGreaterThan(0);
}, 180_000);
