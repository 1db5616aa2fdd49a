// Reads an Electron executable's fuse wire back with the @electron/fuses that electron-builder
// itself loads (the root does not install its own).
import { createRequire } from 'node:module';

const fuses = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'))(
  '@electron/fuses',
) as {
  FuseV1Options: Record<string, number>;
  getCurrentFuseWire: (binary: string) => Promise<Record<number, number>>;
};

/** What the packaged executable must read back, by @electron/fuses' names. */
export const HARDENED_FUSES = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

/** Each fuse of the binary: on, off, or something else (removed, never set). */
export async function readFuses(binary: string): Promise<Record<string, boolean | 'neither'>> {
  const wire = await fuses.getCurrentFuseWire(binary);
  return Object.fromEntries(
    Object.keys(HARDENED_FUSES).map((name) => {
      const state = wire[fuses.FuseV1Options[name]!];
      return [name, state === 0x31 ? true : state === 0x30 ? false : 'neither'];
    }),
  );
}
