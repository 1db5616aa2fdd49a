// The packaging config cannot be exercised here (electron-builder downloads Electron and
// its AppImage/NSIS tools), so it is checked as data: electron-builder's own schema, and
// the things the product promises (targets, id, name, mesa:// protocol, update feed).
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const CONFIG_PATH = './electron-builder.config.cjs';

type Target = string | { target: string };
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  npmRebuild: boolean;
  directories: { output: string };
  files: string[];
  extraMetadata: { main: string };
  protocols: Array<{ name: string; schemes: string[] }>;
  afterPack: string;
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
    await expect(validateConfiguration({ ...loadConfig(), bogus: 1 }, new DebugLogger(false))).rejects.toThrow(/bogus/);
  });

  it('names the app and every target', () => {
    const config = loadConfig();
    expect(config.appId).toBe('com.mesa.console');
    expect(config.productName).toBe('Mesa');
    expect(targetNames(config.linux.target)).toEqual(['AppImage', 'deb']);
    expect(targetNames(config.win.target)).toEqual(['nsis']);
    expect(targetNames(config.mac.target)).toEqual(['dmg']);
    expect(config.linux.category).toBe('Office');
    expect(config.linux.maintainer).toMatch(/<.+@.+>/);
    expect(config.mac.category).toBe('public.app-category.business');
    expect(config.mac.hardenedRuntime).toBe(true);
  });

  it('registers the mesa:// protocol for deep links', () => {
    expect(loadConfig().protocols).toEqual([{ name: 'Mesa', schemes: ['mesa'] }]);
  });

  it('packs only the bundles into an asar, starting at package.json main', () => {
    const config = loadConfig();
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { main: string };
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(false);
    expect(config.directories.output).toBe('release');
    expect(config.files).toEqual(['dist/**', 'package.json']);
    expect(config.extraMetadata.main).toBe(pkg.main);
    expect(config.extraMetadata.main).toMatch(/^dist\//);
  });

  it('flips the fuses after packing', () => {
    const config = loadConfig();
    expect(config.afterPack).toBe('./build/after-pack.cjs');
    expect(typeof (require('./after-pack.cjs') as { afterPack: unknown }).afterPack).toBe('function');
  });

  it('has real icons: 512 and 256 px PNGs', () => {
    const config = loadConfig();
    expect(pngSize(new URL('./icons/512x512.png', import.meta.url).pathname)).toEqual([512, 512]);
    expect(pngSize(new URL('./icons/256x256.png', import.meta.url).pathname)).toEqual([256, 256]);
    expect(config.mac.icon).toBe('build/icons/512x512.png');
    expect(config.win.icon).toBe('build/icons/512x512.png');
    expect(existsSync(new URL(`../${config.linux.icon}`, import.meta.url))).toBe(true);
  });

  it('publishes to a generic feed, MESA_UPDATE_URL when set', () => {
    const saved = process.env.MESA_UPDATE_URL;
    try {
      delete process.env.MESA_UPDATE_URL;
      expect(loadConfig().publish).toEqual([expect.objectContaining({ provider: 'generic', url: 'https://updates.example.com/mesa' })]);
      process.env.MESA_UPDATE_URL = 'https://updates.internal.example.org/mesa';
      expect(loadConfig().publish[0]?.url).toBe('https://updates.internal.example.org/mesa');
    } finally {
      if (saved === undefined) delete process.env.MESA_UPDATE_URL;
      else process.env.MESA_UPDATE_URL = saved;
    }
  });
});
