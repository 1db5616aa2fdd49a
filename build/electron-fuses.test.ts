// The fuses are the packaged app's last line of defence. electron-builder flips them from the
// config's `electronFuses`; here its own code flips a stand-in Electron binary (the real one
// cannot be downloaded on these machines) and the wire is read back.
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HARDENED_FUSES, readFuses } from './testing/fuse-wire';
import { standInElectron } from './testing/stand-in-electron';

const require = createRequire(import.meta.url);
const { LinuxPackager } = require('app-builder-lib') as {
  LinuxPackager: { prototype: object };
};

interface BuilderConfig {
  electronFuses: Record<string, boolean>;
}
const config = require('./electron-builder.config.cjs') as BuilderConfig;

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('electronFuses', () => {
  it('ask for the hardened set, and re-sign ad hoc where a Mac needs it', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    });
  });

  it('are flipped in the executable by electron-builder, every one of them', async () => {
    const appOutDir = mkdtempSync(path.join(tmpdir(), 'mesa-fuses-'));
    dirs.push(appOutDir);
    const binary = path.join(appOutDir, 'mesa');
    writeFileSync(binary, standInElectron());
    // Electron's defaults are the opposite of what we want for every fuse but one.
    expect(await readFuses(binary)).toMatchObject({ RunAsNode: true, EnableNodeCliInspectArguments: true });

    // The step electron-builder runs after packing and before signing, on a Linux packager.
    const packager = Object.create(LinuxPackager.prototype, {
      config: { value: config },
      executableName: { value: 'mesa' },
    }) as { doAddElectronFuses: (context: object) => Promise<unknown> };
    await packager.doAddElectronFuses({ appOutDir, electronPlatformName: 'linux' });

    expect(await readFuses(binary)).toEqual(HARDENED_FUSES);
  });

  it("are checked by electron-builder's schema, so a misspelt fuse is an error, not a fuse left on", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    const misspelt = { ...config, electronFuses: { ...config.electronFuses, runAsnode: false } };
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /configuration\.electronFuses/,
    );
  });
});
