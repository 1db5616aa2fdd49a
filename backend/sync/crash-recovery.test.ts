import { afterAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../testing/backend-process';
import { expectCrashLostNothing, pushCreatesUntilStopped } from '../testing/crash-push-loop';
import { signIn } from '../testing/http-client';
import { TEST_DIALECTS, freshDatabaseUrl } from '../testing/test-backend';

/**
 * "Never loses acknowledged work": a real process is killed with SIGKILL while a client
 * pushes in a loop; after a restart every mutation the server had answered "applied"
 * is there, the batch in flight is all-or-nothing, and retrying it applies it once.
 */
describe.each(TEST_DIALECTS)('kill -9 during a push loop (%s)', (dialect) => {
  let backend: BackendProcess | undefined;
  afterAll(() => backend?.stop());

  it('loses no acknowledged mutation', async () => {
    backend = await startBackendProcess({
      seedDemo: true,
      demoTickets: 0,
      ...(dialect === 'postgres' ? { databaseUrl: await freshDatabaseUrl() } : {}),
    });
    const client = await signIn(backend.url);

    const loop = pushCreatesUntilStopped(client);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await backend.kill('SIGKILL');
    await loop.stop();
    expect(loop.acknowledged.length).toBeGreaterThan(0);

    await backend.restart();
    const { after } = await expectCrashLostNothing(client, loop);
    // Each ticket exactly once: the acknowledged ones, plus the retried batch (applied before the crash or now).
    expect(after).toBe(loop.acknowledged.length + loop.inFlight.length);
  }, 60_000);
});
