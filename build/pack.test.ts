// Packs the app for real: electron-builder with this config, the manifests and package-lock.json,
// on a copy of the project whose node_modules are the real ones, with a stand-in for the
// Electron binary (the one thing these machines cannot download) and small stand-in bundles.
// What lands in app.asar, and the fuse wire of the executable, are then read back.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARDENED_FUSES, readFuses } from './testing/fuse-wire';
import { writeStandInElectronDist } from './testing/stand-in-electron';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const builderRequire = createRequire(require.resolve('app-builder-lib/package.json'));
const asar = builderRequire('@electron/asar') as {
  listPackage: (archive: string, options: object) => string[];
  extractFile: (archive: string, file: string) => Buffer;
};
const builder = require('electron-builder') as {
  build: (options: object) => Promise<string[]>;
  Platform: { LINUX: { createTarget: (type: string, ...archs: number[]) => unknown } };
  Arch: { x64: number };
};

let project: string;
let unpacked: string;

beforeAll(async () => {
  project = mkdtempSync(path.join(tmpdir(), 'mesa-pack-'));
  for (const file of [
    'package.json',
    'package-lock.json',
    'app/package.json',
    'build/electron-builder.config.cjs',
  ])
    cpSync(path.join(ROOT, file), path.join(project, file));
  cpSync(path.join(ROOT, 'build/icons'), path.join(project, 'build/icons'), { recursive: true });
  // The real tree, backend included: were the guard against collecting it gone, it would be packed.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
  const dist = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(project, 'dist', file)), { recursive: true });
    writeFileSync(path.join(project, 'dist', file), text);
  };
  dist('electron/main.cjs', 'require("electron");\n');
  dist('electron/preload.cjs', '"use strict";\n');
  dist('renderer/index.html', '<!doctype html><title>Mesa</title>\n');
  dist('renderer/assets/index.js', 'export {};\n');
  // Something else a developer's dist/ may hold, which is not the app's.
  dist('bench-output.json', '{}\n');
  writeStandInElectronDist(path.join(project, 'stand-in-electron'));

  await builder.build({
    projectDir: project,
    targets: builder.Platform.LINUX.createTarget('dir', builder.Arch.x64),
    publish: 'never',
    config: { extends: './build/electron-builder.config.cjs', electronDist: 'stand-in-electron' },
  });
  unpacked = path.join(project, 'release', 'linux-unpacked');
}, 240_000);

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed app', () => {
  it('holds the manifest and the bundles, and not one node module', () => {
    const archive = path.join(unpacked, 'resources', 'app.asar');
    const files = asar.listPackage(archive, { isPack: false }).filter((entry) => path.extname(entry) !== '');
    expect(files.sort()).toEqual([
      '/dist/electron/main.cjs',
      '/dist/electron/preload.cjs',
      '/dist/renderer/assets/index.js',
      '/dist/renderer/index.html',
      '/package.json',
    ]);
    // Native modules would be unpacked beside the archive.
    expect(existsSync(path.join(unpacked, 'resources', 'app.asar.unpacked'))).toBe(false);
  });

  it("starts at the bundled main, under the root's name and version, depending on nothing", () => {
    const root = require('../package.json') as { name: string; version: string; main: string };
    const packed = JSON.parse(
      asar.extractFile(path.join(unpacked, 'resources', 'app.asar'), 'package.json').toString(),
    ) as Record<string, unknown>;
    expect(packed).toMatchObject({ name: root.name, version: root.version, main: root.main });
    expect(packed).not.toHaveProperty('dependencies');
  });

  it('has its fuses flipped in the executable', async () => {
    expect(await readFuses(path.join(unpacked, 'mesa'))).toEqual(HARDENED_FUSES);
  });
});
