import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserHost } from '../../electron/browser-host/browser-host';
import { startFaultProxy, type FaultProxy } from '../chaos/fault-proxy';
import { RENDERER_DIR, test as base } from './mesa-fixtures';

/**
 * The agent's laptop network, switchable: the browser host reaches the backend through a
 * proxy that can go offline, while the backend itself stays up for colleagues (who talk to
 * it directly). That is the train-and-office situation the offline flows are about.
 */
export const test = base.extend<{ laptopNetwork: FaultProxy }>({
  laptopNetwork: async ({ backend }, use) => {
    const proxy = await startFaultProxy({ target: backend.url, seed: 1 });
    await use(proxy);
    await proxy.close();
  },

  host: async ({ laptopNetwork }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-host-'));
    const host = await startBrowserHost({
      backendUrl: laptopNetwork.url,
      staticDir: RENDERER_DIR,
      port: 0,
      dataDir,
      core: { backoff: { baseMs: 100, maxMs: 1_000 } },
    });
    await use(host);
    await host.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect } from './mesa-fixtures';
