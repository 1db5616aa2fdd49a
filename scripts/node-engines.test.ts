// package.json's Node range is a promise: every version it admits runs what the lock installs.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = <T>(file: string): T => JSON.parse(readFileSync(join(root, file), 'utf8')) as T;

interface LockedPackage {
  version?: string;
  optional?: boolean;
  engines?: { node?: string } | string[];
}
const packageJson = readJson<{ engines: { node: string }; devDependencies: Record<string, string> }>(
  'package.json',
);
const lock = readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
const engines = new semver.Range(packageJson.engines.node);

/** The oldest version of each line the range admits, e.g. 22.13.0 and 24.0.0. */
const oldestPerLine = engines.set.map(
  (comparators) => semver.minVersion(comparators.map(String).join(' '))!.version,
);

function refusing(version: string): string[] {
  return Object.entries(lock.packages).flatMap(([path, pkg]) => {
    const wanted = pkg.engines && !Array.isArray(pkg.engines) ? pkg.engines.node : undefined;
    // Optional packages are platform builds (rolldown's, esbuild's): npm skips them quietly.
    if (!path || !wanted || pkg.optional || semver.satisfies(version, wanted)) return [];
    return [`${path.replace(/^.*node_modules\//, '')}@${pkg.version} wants node ${wanted}`];
  });
}

describe('the supported Node versions', () => {
  it('are LTS lines whose oldest admitted release every locked package accepts', () => {
    expect(oldestPerLine.length).toBeGreaterThan(0);
    for (const version of oldestPerLine) {
      expect(semver.major(version) % 2, `${version} is an LTS (even) line`).toBe(0);
      expect(refusing(version), `on ${version}`).toEqual([]);
    }
  });

  it('leave out Node 20, past its end of life and refused by the lock', () => {
    expect(semver.satisfies('20.19.0', engines)).toBe(false);
    expect(refusing('20.19.0')).not.toEqual([]);
  });

  it('include the line .nvmrc names, and @types/node describes the oldest line', () => {
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    expect(semver.intersects(nvmrc, engines), `.nvmrc ${nvmrc}`).toBe(true);
    const oldestMajor = Math.min(...oldestPerLine.map((version) => semver.major(version)));
    expect(semver.minVersion(packageJson.devDependencies['@types/node']!)!.major).toBe(oldestMajor);
  });
});
