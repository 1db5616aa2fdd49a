// The desktop app must carry only what the console runs: no backend package (fastify, pg,
// better-sqlite3 …) and no native module (built for the Node that installed it, not for
// Electron). Proved from electron-builder's config and the manifests, as electron-builder
// would resolve them; pack.test.ts packs for real and reads the archive back.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  backendOnlyPackages,
  importedPackages,
  productionClosure,
  refusePacked,
  type Lock,
  type Manifest,
} from './packed-contents';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(import.meta.dirname, '..');
const readJson = <T>(file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;

interface BuilderConfig {
  directories: { app?: string };
  extraMetadata?: Manifest & Record<string, unknown>;
  npmRebuild?: boolean;
  beforeBuild?: (context: Record<string, unknown>) => Promise<unknown>;
}

const config = require('./electron-builder.config.cjs') as BuilderConfig;
const lock = readJson<Lock>('package-lock.json');

/** The manifest packed into app.asar: the app folder's, with extraMetadata merged in as electron-builder does. */
function packedManifest(appManifest: Manifest): Manifest {
  const extra = config.extraMetadata ?? {};
  return {
    ...appManifest,
    ...extra,
    dependencies: { ...appManifest.dependencies, ...extra.dependencies },
    optionalDependencies: { ...appManifest.optionalDependencies, ...extra.optionalDependencies },
  };
}

const appDir = config.directories.app ?? '.';
const appManifest = readJson<Manifest>(path.join(appDir, 'package.json'));

let backendOnly: Set<string>;
/** What would be refused if `manifest` were the app's. */
const refusalsFor = (manifest: Manifest) =>
  refusePacked(productionClosure(lock, packedManifest(manifest)), lock, backendOnly, ROOT);

beforeAll(() => {
  const dirs = (names: string[]) => names.map((name) => path.join(ROOT, name));
  backendOnly = backendOnlyPackages(
    lock,
    importedPackages(dirs(['backend']), { tests: false }),
    importedPackages(dirs(['electron', 'shared', 'renderer']), { tests: false }),
  );
});

describe('the packed app', () => {
  it("is its own manifest, not the root one (the backend's dependencies)", () => {
    expect(appDir).not.toBe('.');
    const root = readJson<Manifest & { version: string; main: string }>('package.json');
    const packed = packedManifest(appManifest) as Manifest & { version?: string; main?: string };
    // The same name keeps the installed console's profile folder (userData: session, cache, outbox).
    expect(packed.name).toBe(root.name);
    expect(packed).not.toHaveProperty('productName');
    expect(packed.version).toBe(root.version);
    expect(packed.main).toBe(root.main);
  });

  it('declares no dependency: the bundles inline everything but electron', () => {
    expect(refusalsFor(appManifest)).toEqual([]);
    expect(productionClosure(lock, packedManifest(appManifest))).toEqual([]);
  });

  it('tells electron-builder to collect no node_modules, so it cannot fall back to the root ones', async () => {
    // npmRebuild: false would skip beforeBuild, and electron-builder would then search app/, find
    // nothing, and pack the root's production dependencies (the backend) instead.
    expect(config.npmRebuild).not.toBe(false);
    expect(config.beforeBuild).toBeTypeOf('function');
    await expect(config.beforeBuild!({ appDir, platform: 'linux', arch: 'x64' })).resolves.toBe(false);
  });
});

describe('the check', () => {
  it('knows the backend: what backend/ imports and the console does not', () => {
    for (const name of ['fastify', 'pg', 'better-sqlite3', 'kysely', 'nodemailer', 'imapflow', 'mailparser'])
      expect(backendOnly, name).toContain(name);
    // Pulled in by fastify, never imported by name: found through the lock.
    expect(backendOnly).toContain('pino');
    for (const shared of ['zod', 'luxon', 'react', 'electron-updater'])
      expect(backendOnly, shared).not.toContain(shared);
  });

  it("refuses better-sqlite3 added to the manifest, as the backend's and as native", () => {
    const refusals = refusalsFor({ ...appManifest, dependencies: { 'better-sqlite3': '^12.11.1' } });
    const sqlite = refusals.find((r) => r.name === 'better-sqlite3');
    expect(sqlite?.reasons).toEqual(
      expect.arrayContaining(["the backend's", 'binding.gyp', 'an install script (package-lock.json)']),
    );
    expect(sqlite?.reasons.some((reason) => reason.startsWith('a compiled addon'))).toBe(true);
  });

  it('refuses fastify and everything it brings along', () => {
    const refused = refusalsFor({ ...appManifest, dependencies: { fastify: '^5.12.8' } }).map((r) => r.name);
    expect(refused).toEqual(expect.arrayContaining(['fastify', 'pino', 'avvio', 'find-my-way']));
  });

  it('lets a pure JavaScript package the console uses through, transitively', () => {
    const manifest = { ...appManifest, dependencies: { 'electron-updater': '^6.8.10' } };
    const packed = productionClosure(lock, packedManifest(manifest)).map((p) => p.name);
    expect(packed).toEqual(expect.arrayContaining(['electron-updater', 'builder-util-runtime', 'semver']));
    expect(refusalsFor(manifest)).toEqual([]);
  });
});
