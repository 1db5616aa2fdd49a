// The fuses are the packaged app's last line of defence; their settings are asserted here
// because packaging itself cannot run on these machines.
import { createRequire } from 'node:module';
import path from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface PackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { executableName?: string; appInfo: { productFilename: string } };
}
type Flip = (binary: string, config: Record<string | number, unknown>) => Promise<unknown>;
const hook = require('./after-pack.cjs') as {
  FUSES: Record<string, boolean>;
  afterPack: (context: PackContext, flip?: Flip) => Promise<void>;
  electronBinaryPath: (context: PackContext) => string;
};

const context = (platform: string): PackContext => ({
  appOutDir: path.join('release', `${platform}-unpacked`),
  electronPlatformName: platform,
  packager: { executableName: 'mesa', appInfo: { productFilename: 'Mesa' } },
});

describe('fuses', () => {
  it('are the hardened set', () => {
    expect(hook.FUSES).toEqual({
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
    expect(Object.isFrozen(hook.FUSES)).toBe(true);
  });

  it.each([
    ['linux', 'mesa'],
    ['win32', 'Mesa.exe'],
    ['darwin', 'Mesa.app'],
  ])('are flipped in the %s executable, by @electron/fuses index', async (platform, executable) => {
    const calls: Array<[string, Record<string | number, unknown>]> = [];
    await hook.afterPack(context(platform), async (binary, config) => {
      calls.push([binary, config]);
      return 0;
    });
    expect(calls).toHaveLength(1);
    const [binary, config] = calls[0]!;
    expect(binary).toBe(path.join('release', `${platform}-unpacked`, executable));
    expect(config).toEqual({
      version: FuseVersion.V1,
      resetAdHocDarwinSignature: platform === 'darwin',
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('refuses a platform it does not know rather than flipping the wrong file', () => {
    expect(() => hook.electronBinaryPath(context('beos'))).toThrow(/unknown platform/);
  });
});
