import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../backend/testing/free-port';
import { startHostProcess } from '../testing/host-process';
import { CONSOLE_PORT_ENV, DEFAULT_CONSOLE_PORT, consolePort } from './console-port';

describe('consolePort', () => {
  it('is the same on every launch unless the agent chooses another', () => {
    expect(consolePort(undefined, {})).toBe(DEFAULT_CONSOLE_PORT);
    expect(consolePort(undefined, { [CONSOLE_PORT_ENV]: '5100' })).toBe(5100);
    expect(consolePort('5200', { [CONSOLE_PORT_ENV]: '5100' })).toBe(5200);
    expect(consolePort('0', {})).toBe(0);
  });

  it('refuses what is not a port, naming where it came from', () => {
    expect(() => consolePort('80a', {})).toThrow(/--port must be a port number .*"80a"/);
    expect(() => consolePort(undefined, { [CONSOLE_PORT_ENV]: '70000' })).toThrow(
      /MESA_CONSOLE_PORT must be a port number/,
    );
  });
});

describe('the browser host command', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-host-port-'));
  const blockers: Server[] = [];
  afterAll(() => {
    for (const server of blockers) server.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const launch = (env: Record<string, string>) =>
    startHostProcess({ backendUrl: 'http://127.0.0.1:9', dataDir, staticDir: dataDir, env });

  it('listens on the port MESA_CONSOLE_PORT names, again after a restart', async () => {
    const port = await freePort();
    for (let launchNo = 0; launchNo < 2; launchNo += 1) {
      const host = await launch({ [CONSOLE_PORT_ENV]: String(port) });
      expect(host.port).toBe(port);
      await host.stop();
    }
  });

  it('stops with a clear error when its port is taken, instead of moving elsewhere', async () => {
    const port = await freePort();
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
    await expect(launch({ [CONSOLE_PORT_ENV]: String(port) })).rejects.toThrow(
      new RegExp(`exited with 2: 127\\.0\\.0\\.1:${port} is already in use.*--port or MESA_CONSOLE_PORT`),
    );
  });
});
