// What electron-builder would put into the desktop app's node_modules, and why a package must
// stay out of it. electron-builder packs the app manifest's production dependencies with their
// own, transitively, as npm installed them; this follows the same edges through
// package-lock.json, so it needs neither a pack nor a network.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export interface Manifest {
  name?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface LockEntry extends Manifest {
  hasInstallScript?: boolean;
}

/** package-lock.json v3: every installed package by its path ('node_modules/a/node_modules/b'). */
export interface Lock {
  packages: Record<string, LockEntry>;
}

/** A package the app would carry, at its lock path. */
export interface PackedPackage {
  name: string;
  lockPath: string;
}

const productionDependencyNames = (manifest: Manifest) => [
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.optionalDependencies ?? {}),
];

/** Node's lookup: the nearest node_modules/<name> from `fromPath` up to the root. */
export function resolveInLock(lock: Lock, fromPath: string, name: string): string | null {
  let dir = fromPath;
  for (;;) {
    const candidate = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (candidate in lock.packages) return candidate;
    if (dir === '') return null;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent === -1 ? '' : dir.slice(0, parent);
  }
}

/**
 * The manifest's production dependencies and theirs, transitively. An optional dependency that
 * npm did not install (another platform's binary) is not packed; a required one missing is an
 * error, since electron-builder would refuse the pack too.
 */
export function productionClosure(lock: Lock, manifest: Manifest, fromPath = ''): PackedPackage[] {
  const packed = new Map<string, PackedPackage>();
  const visit = (from: string, owner: Manifest) => {
    const optional = new Set(Object.keys(owner.optionalDependencies ?? {}));
    for (const name of productionDependencyNames(owner)) {
      const lockPath = resolveInLock(lock, from, name);
      if (lockPath === null) {
        if (optional.has(name)) continue;
        throw new Error(`${name} (needed by ${from || 'the manifest'}) is not in package-lock.json`);
      }
      if (packed.has(lockPath)) continue;
      packed.set(lockPath, { name, lockPath });
      visit(lockPath, lock.packages[lockPath]!);
    }
  };
  visit(fromPath, manifest);
  return [...packed.values()];
}

/** Every file under `dir`, relative to it, without descending into nested node_modules. */
function filesOf(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
    (file) => !file.split(path.sep).includes('node_modules'),
  );
}

/**
 * Why a package is native, or compiles or downloads something at install: each such package is
 * built for the Node that installed it, not for Electron, and would fail to load in the app.
 */
export function nativeReasons(packageDir: string, entry: LockEntry): string[] {
  const reasons: string[] = [];
  if (entry.hasInstallScript) reasons.push('an install script (package-lock.json)');
  if (!existsSync(packageDir)) return reasons;
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    gypfile?: boolean;
    scripts?: Record<string, string>;
  };
  if (manifest.gypfile === true) reasons.push('gypfile: true');
  const scripts = Object.keys(manifest.scripts ?? {}).filter((name) =>
    ['preinstall', 'install', 'postinstall'].includes(name),
  );
  if (scripts.length > 0) reasons.push(`scripts: ${scripts.join(', ')}`);
  const files = filesOf(packageDir);
  if (files.includes('binding.gyp')) reasons.push('binding.gyp');
  const addon = files.find((file) => file.endsWith('.node'));
  if (addon) reasons.push(`a compiled addon (${addon})`);
  return reasons;
}

/** 'a/b' → 'a', '@s/a/b' → '@s/a'. */
const packageNameOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** The npm packages the TypeScript files under `dirs` import (tests included when asked). */
export function importedPackages(dirs: string[], options: { tests: boolean }): Set<string> {
  const packages = new Set<string>();
  for (const dir of dirs) {
    for (const file of filesOf(dir)) {
      if (!/\.(ts|tsx|mts|cts)$/.test(file) || file.endsWith('.d.ts')) continue;
      if (!options.tests && /\.(test|spec)\.tsx?$/.test(file)) continue;
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const { fileName } of ts.preProcessFile(source, true, true).importedFiles) {
        if (fileName.startsWith('.') || fileName.startsWith('/') || isBuiltin(fileName)) continue;
        packages.add(packageNameOf(fileName));
      }
    }
  }
  return packages;
}

/**
 * The packages only the backend runs: what backend/ imports, with all it pulls in, less what
 * the console's own code (electron/, shared/, renderer/) reaches too — zod or luxon are both's.
 */
export function backendOnlyPackages(lock: Lock, backendImports: Set<string>, consoleImports: Set<string>) {
  const closureNames = (names: Set<string>) =>
    new Set(
      productionClosure(lock, {
        optionalDependencies: Object.fromEntries([...names].map((n) => [n, '*'])),
      }).map((p) => p.name),
    );
  const consoleNames = closureNames(consoleImports);
  return new Set([...closureNames(backendImports)].filter((name) => !consoleNames.has(name)));
}

export interface Refusal {
  name: string;
  reasons: string[];
}

/** Each packed package that is the backend's or native, with why. */
export function refusePacked(
  packed: PackedPackage[],
  lock: Lock,
  backendOnly: Set<string>,
  projectDir: string,
): Refusal[] {
  return packed.flatMap(({ name, lockPath }) => {
    const reasons = nativeReasons(path.join(projectDir, lockPath), lock.packages[lockPath]!);
    if (backendOnly.has(name)) reasons.unshift("the backend's");
    return reasons.length > 0 ? [{ name, reasons }] : [];
  });
}
