import { startFaultProxy, type FaultProxy } from '../chaos/fault-proxy';
import { test as base, useTestHost } from './mesa-fixtures';

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

  host: async ({ laptopNetwork }, use) => useTestHost(laptopNetwork.url, use),
});

export { expect } from './mesa-fixtures';
