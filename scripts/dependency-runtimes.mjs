// Which runtime may import each npm package, in one place. eslint.config.js turns it into each
// runtime's no-restricted-imports, so the renderer cannot reach for pg nor the backend for
// react; scripts/import-boundaries.test.ts fails when a package in package.json is missing.
//
// The runtimes are where product code runs (ARCHITECTURE.md): `shared` (anywhere), `renderer`
// (the page), `main` (the main process's plain-Node logic: electron/core, electron/browser-host),
// `glue` (electron/app and electron/preload, the only files that touch Electron) and `backend`.
// Tests, test helpers (testing/ folders), bench/, e2e/, scripts/ and build/ run on a
// developer's machine and may import any package: a package with no runtime is theirs alone.

const anywhere = ['shared', 'renderer', 'main', 'glue', 'backend'];
const mainProcess = ['main', 'glue'];
const tooling = [];

/** @type {Record<string, readonly string[]>} */
export const dependencyRuntimes = {
  // Pure libraries without I/O, the only ones shared/ may use.
  zod: anywhere,
  luxon: anywhere,
  uuid: anywhere,
  'eventsource-parser': [...mainProcess, 'backend'],

  // The page.
  react: ['renderer'],
  'react-dom': ['renderer'],
  'react-i18next': ['renderer'],
  i18next: ['renderer'],
  zustand: ['renderer'],
  dexie: ['renderer'],
  'dexie-react-hooks': ['renderer'],
  '@tanstack/react-query': ['renderer'],
  '@tanstack/react-virtual': ['renderer'],
  'chart.js': ['renderer'],
  'react-chartjs-2': ['renderer'],

  // The main process: the browser host's WebSocket, and Electron itself in the glue only.
  ws: ['main'],
  electron: ['glue'],
  'electron-updater': ['glue'],

  // The ticket backend: HTTP, storage, mail.
  fastify: ['backend'],
  'fastify-type-provider-zod': ['backend'],
  '@fastify/rate-limit': ['backend'],
  '@fastify/swagger': ['backend'],
  kysely: ['backend'],
  'better-sqlite3': ['backend'],
  pg: ['backend'],
  nodemailer: ['backend'],
  imapflow: ['backend'],
  mailparser: ['backend'],
  'email-reply-parser': ['backend'],

  // Tests, bench, lint, build and packaging. Type packages are read by the compiler, never imported.
  '@axe-core/playwright': tooling,
  '@electron/fuses': tooling,
  '@eslint/js': tooling,
  '@playwright/test': tooling,
  '@testing-library/jest-dom': tooling,
  '@testing-library/react': tooling,
  '@testing-library/user-event': tooling,
  '@types/better-sqlite3': tooling,
  '@types/luxon': tooling,
  '@types/mailparser': tooling,
  '@types/node': tooling,
  '@types/nodemailer': tooling,
  '@types/pg': tooling,
  '@types/react': tooling,
  '@types/react-dom': tooling,
  '@types/semver': tooling,
  '@types/smtp-server': tooling,
  '@types/ws': tooling,
  '@vitejs/plugin-react': tooling,
  'electron-builder': tooling,
  esbuild: tooling,
  eslint: tooling,
  'eslint-import-resolver-typescript': tooling,
  'eslint-plugin-import-x': tooling,
  'eslint-plugin-react-hooks': tooling,
  'fake-indexeddb': tooling,
  'fast-check': tooling,
  globals: tooling,
  jsdom: tooling,
  prettier: tooling,
  semver: tooling,
  'smtp-server': tooling,
  tsx: tooling,
  typescript: tooling,
  'typescript-eslint': tooling,
  undici: tooling,
  vite: tooling,
  vitest: tooling,
};

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * no-restricted-imports patterns for every package `runtime` may not import (the package and
 * its subpaths), leaving out `alreadyRestricted`: names a folder's own rule refuses with a
 * message of its own.
 * @param {string} runtime
 * @param {readonly string[]} [alreadyRestricted]
 * @returns {Array<{ regex: string, message: string }>}
 */
export function packagesBannedIn(runtime, alreadyRestricted = []) {
  return Object.entries(dependencyRuntimes)
    .filter(([name, runtimes]) => !runtimes.includes(runtime) && !alreadyRestricted.includes(name))
    .map(([name, runtimes]) => ({
      regex: `^${escapeRegex(name)}(?:/.*)?$`,
      message: `${name} is for ${runtimes.length > 0 ? runtimes.join(', ') : 'tests and tools'} only, not ${runtime} (scripts/dependency-runtimes.mjs).`,
    }));
}
