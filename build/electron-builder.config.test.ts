// The installers cannot be built here (electron-builder downloads Electron and its
// AppImage/NSIS tools), so the config is checked as data: electron-builder's own schema, and
// the properties the product rests on (identifiers the OSes accept, the deep-link scheme the
// main process handles, files that exist, the update feed). What is packed is in
// packed-contents.test.ts and pack.test.ts, the fuses in electron-fuses.test.ts.
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEEP_LINK_SCHEME } from '../electron/core/deep-link';

const require = createRequire(import.meta.url);
const CONFIG_PATH = './electron-builder.config.cjs';

type Target = string | { target: string };
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  directories: { output: string };
  protocols: Array<{ name: string; schemes: string[] }>;
  publish: Array<{ provider: string; url: string }>;
  linux: { target: Target[]; category: string; maintainer: string; icon: string };
  win: { target: Target[]; icon: string };
  mac: { target: Target[]; category: string; hardenedRuntime: boolean; icon: string };
}

/** A fresh copy each time, so a test can change the environment it is read under. */
function loadConfig(): BuilderConfig {
  delete require.cache[require.resolve(CONFIG_PATH)];
  return require(CONFIG_PATH) as BuilderConfig;
}

/** The Main Categories of the freedesktop.org Desktop Menu Specification. */
const FREEDESKTOP_MAIN_CATEGORIES = [
  'AudioVideo',
  'Audio',
  'Video',
  'Development',
  'Education',
  'Game',
  'Graphics',
  'Network',
  'Office',
  'Science',
  'Settings',
  'System',
  'Utility',
];

const targetNames = (targets: Target[]) => targets.map((t) => (typeof t === 'string' ? t : t.target));

/** PNG width and height from the IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('electron-builder config', () => {
  it("passes electron-builder's own schema", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(loadConfig(), new DebugLogger(false))).resolves.toBeUndefined();
    // And the schema does bite, so the line above means something.
    await expect(
      validateConfiguration({ ...loadConfig(), bogus: 1 }, new DebugLogger(false)),
    ).rejects.toThrow(/bogus/);
  });

  it('gives identifiers the platforms accept, and an installer for each of them', () => {
    const config = loadConfig();
    // macOS's CFBundleIdentifier and Windows' AppUserModelID both want reverse-DNS.
    expect(config.appId).toMatch(/^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/i);
    expect(config.productName.trim()).not.toBe('');
    // A .desktop file whose main category is not a registered one is dropped from menus.
    expect(FREEDESKTOP_MAIN_CATEGORIES).toContain(config.linux.category);
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.category).toMatch(/^public\.app-category\.[a-z-]+$/);
    // Notarization refuses an app without the hardened runtime.
    expect(config.mac.hardenedRuntime).toBe(true);
    for (const os of [config.linux, config.win, config.mac]) expect(targetNames(os.target)).not.toEqual([]);
  });

  it('registers the scheme the main process handles as deep links', () => {
    expect(loadConfig().protocols.flatMap((p) => p.schemes)).toEqual([DEEP_LINK_SCHEME]);
  });

  it('packs into an asar, written where git does not look', () => {
    const config = loadConfig();
    expect(config.asar).toBe(true);
    const ignored = readFileSync(new URL('../.gitignore', import.meta.url), 'utf8').split('\n');
    expect(ignored).toContain(`${config.directories.output}/`);
  });

  it('has real icons: 512 and 256 px PNGs', () => {
    const config = loadConfig();
    expect(pngSize(new URL('./icons/512x512.png', import.meta.url).pathname)).toEqual([512, 512]);
    expect(pngSize(new URL('./icons/256x256.png', import.meta.url).pathname)).toEqual([256, 256]);
    // macOS wants a square icon of 512 px at least; Windows derives its 256 px size from it.
    for (const icon of [config.mac.icon, config.win.icon]) {
      const [width, height] = pngSize(new URL(`../${icon}`, import.meta.url).pathname);
      expect({ icon, square: width === height, big: width >= 512 }).toEqual({
        icon,
        square: true,
        big: true,
      });
    }
    expect(existsSync(new URL(`../${config.linux.icon}`, import.meta.url))).toBe(true);
  });

  it('publishes to a generic feed, MESA_UPDATE_URL when set', () => {
    const saved = process.env.MESA_UPDATE_URL;
    try {
      delete process.env.MESA_UPDATE_URL;
      expect(loadConfig().publish).toEqual([
        expect.objectContaining({ provider: 'generic', url: 'https://updates.example.com/mesa' }),
      ]);
      process.env.MESA_UPDATE_URL = 'https://updates.internal.example.org/mesa';
      expect(loadConfig().publish[0]?.url).toBe('https://updates.internal.example.org/mesa');
    } finally {
      if (saved === undefined) delete process.env.MESA_UPDATE_URL;
      else process.env.MESA_UPDATE_URL = saved;
    }
  });
});
