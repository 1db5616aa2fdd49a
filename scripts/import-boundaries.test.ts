// ARCHITECTURE.md's import rules are enforced by lint; this proves the lint still bites, and
// bites with the rule meant for the case (any other error, a typo say, must not pass for it).
import { ESLint } from 'eslint';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dependencyRuntimes } from './dependency-runtimes.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const eslint = new ESLint({ cwd: root });

async function ruleHits(
  filePath: string,
  code: string,
): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const IMPORTS = 'no-restricted-imports';
const GLOBALS = 'no-restricted-globals';
const LAYERS = 'import-x/no-restricted-paths';
const CYCLE = 'import-x/no-cycle';

describe('import boundaries', () => {
  it.each([
    [
      'shared/domain/probe.ts',
      "import { readFileSync } from 'node:fs'; export const f = readFileSync;",
      IMPORTS,
    ],
    ['shared/domain/probe.ts', "import fs from 'fs'; export const f = fs;", IMPORTS],
    ['shared/domain/probe.ts', 'export const f = () => window.location.href;', GLOBALS],
    ['shared/domain/probe.ts', 'export const f = () => document.title;', GLOBALS],
    ['shared/domain/probe.ts', 'export const f = () => process.env.HOME;', GLOBALS],
    ['shared/domain/probe.ts', "import { app } from 'electron'; export const f = app;", IMPORTS],
    [
      'shared/domain/probe.ts',
      "import { buildApp } from '../../backend/app'; export const f = buildApp;",
      IMPORTS,
    ],
    [
      'renderer/features/probe.ts',
      "import { ipcRenderer } from 'electron'; export const f = ipcRenderer;",
      IMPORTS,
    ],
    [
      'renderer/features/probe.ts',
      "import { createServer } from 'node:http'; export const f = createServer;",
      IMPORTS,
    ],
    ['renderer/features/probe.ts', "import path from 'path'; export const f = path;", IMPORTS],
    [
      'renderer/features/probe.ts',
      "import { buildApp } from '../../backend/app'; export const f = buildApp;",
      IMPORTS,
    ],
    [
      'renderer/features/probe.ts',
      "import { x } from '../../electron/core/console-core'; export const f = x;",
      IMPORTS,
    ],
    ['backend/http/probe.ts', "import { app } from 'electron'; export const f = app;", IMPORTS],
    ['backend/http/probe.ts', "import { x } from '../../renderer/data/db'; export const f = x;", IMPORTS],
    ['electron/core/probe.ts', "import { app } from 'electron'; export const f = app;", IMPORTS],
    // Each runtime refuses the npm packages of the others (scripts/dependency-runtimes.mjs).
    ['shared/domain/probe.ts', "import { useState } from 'react'; export const f = useState;", IMPORTS],
    ['renderer/features/probe.ts', "import { Pool } from 'pg'; export const f = Pool;", IMPORTS],
    ['renderer/features/probe.ts', "import Pg from 'pg/lib/client'; export const f = Pg;", IMPORTS],
    [
      'renderer/data/probe.ts',
      "import { WebSocketServer } from 'ws'; export const f = WebSocketServer;",
      IMPORTS,
    ],
    ['renderer/sync/probe.ts', "import Fastify from 'fastify'; export const f = Fastify;", IMPORTS],
    [
      'renderer/ui/probe.ts',
      "import { createTransport } from 'nodemailer'; export const f = createTransport;",
      IMPORTS,
    ],
    ['renderer/ui/probe.ts', "import { vi } from 'vitest'; export const f = vi;", IMPORTS],
    ['backend/http/probe.ts', "import { useState } from 'react'; export const f = useState;", IMPORTS],
    ['backend/storage/probe.ts', "import Dexie from 'dexie'; export const f = Dexie;", IMPORTS],
    ['electron/core/probe.ts', "import { Pool } from 'pg'; export const f = Pool;", IMPORTS],
    [
      'electron/core/probe.ts',
      "import { autoUpdater } from 'electron-updater'; export const f = autoUpdater;",
      IMPORTS,
    ],
    ['electron/app/probe.ts', "import Fastify from 'fastify'; export const f = Fastify;", IMPORTS],
    // The renderer's layers: a folder never imports one above it or beside it.
    [
      'renderer/ui/probe.ts',
      "import { SlaBadge } from '../features/sla/SlaBadge'; export const f = SlaBadge;",
      LAYERS,
    ],
    [
      'renderer/ui/probe.ts',
      "import { useUiStore } from '../stores/ui-store'; export const f = useUiStore;",
      LAYERS,
    ],
    [
      'renderer/data/probe.ts',
      "import { useUiStore } from '../stores/ui-store'; export const f = useUiStore;",
      LAYERS,
    ],
    [
      'renderer/sync/probe.ts',
      "import { appUploads } from '../attachments/app-uploads'; export const f = appUploads;",
      LAYERS,
    ],
    [
      'renderer/features/probe.ts',
      "import { renderIn } from '../testing/render-in'; export const f = renderIn;",
      LAYERS,
    ],
    // A cycle: each of these modules is already imported by the one the probe imports.
    ['renderer/ui/Icon.tsx', "import { Dialog } from './Dialog'; export const f = Dialog;", CYCLE],
    [
      'shared/entities/primitives.ts',
      "import { priorityOf } from '../index'; export const f = priorityOf;",
      CYCLE,
    ],
  ])('%s refuses: %s (%s)', async (filePath, code, rule) => {
    expect((await ruleHits(filePath, code)).map((hit) => hit.rule)).toEqual([rule]);
  });

  it.each([
    ['shared/domain/probe.ts', "import { z } from 'zod'; export const s = z.string();"],
    [
      'renderer/features/probe.ts',
      "import { priorityOf } from '../../shared/index'; export const f = priorityOf;",
    ],
    ['backend/http/probe.ts', "import { createServer } from 'node:http'; export const f = createServer;"],
    ['electron/app/probe.ts', "import { app } from 'electron'; export const f = app;"],
    ['electron/core/probe.ts', "import { readFile } from 'node:fs/promises'; export const f = readFile;"],
    ['renderer/features/probe.ts', "import { Dexie } from 'dexie'; export const f = Dexie;"],
    [
      'renderer/sync/probe.ts',
      "import { useUiStore } from '../stores/ui-store'; export const f = useUiStore;",
    ],
    ['backend/storage/probe.ts', "import { Pool } from 'pg'; export const f = Pool;"],
    [
      'electron/browser-host/probe.ts',
      "import { WebSocketServer } from 'ws'; export const f = WebSocketServer;",
    ],
    [
      'electron/app/probe.ts',
      "import { autoUpdater } from 'electron-updater'; export const f = autoUpdater;",
    ],
    // Tests and their helpers may use any package; the folder rules still hold for them.
    ['backend/mail/probe.test.ts', "import { SMTPServer } from 'smtp-server'; export const f = SMTPServer;"],
    [
      'renderer/data/probe.test.ts',
      "import 'fake-indexeddb/auto'; import { SlaBadge } from '../features/sla/SlaBadge'; export const f = SlaBadge;",
    ],
  ])('%s allows: %s', async (filePath, code) => {
    expect(await ruleHits(filePath, code)).toEqual([]);
  });

  it('bans the dangerous Electron literals in the glue', async () => {
    const hits = await ruleHits(
      'electron/app/probe.ts',
      'export const o = { webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } };',
    );
    expect(hits).toEqual([
      { rule: 'no-restricted-syntax', message: 'nodeIntegration stays off.' },
      { rule: 'no-restricted-syntax', message: 'contextIsolation stays on.' },
      { rule: 'no-restricted-syntax', message: 'sandbox stays on.' },
      { rule: 'no-restricted-syntax', message: 'webSecurity stays on.' },
    ]);
  });

  it('bans raw HTML injection in the renderer', async () => {
    const hits = await ruleHits(
      'renderer/features/probe.tsx',
      'export const C = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;',
    );
    expect(hits).toEqual([
      { rule: 'no-restricted-syntax', message: 'User text is rendered as text: no dangerouslySetInnerHTML.' },
    ]);
  });

  it('gives every renderer folder a place in the layers: each refuses an import from the composition root', async () => {
    const folders = readdirSync(join(root, 'renderer'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(5);
    for (const folder of folders) {
      const hits = await ruleHits(`renderer/${folder}/probe.ts`, "import '../main'; export const f = 1;");
      expect(
        hits.map((hit) => hit.rule),
        folder,
      ).toEqual([LAYERS]);
    }
  });
});

describe('the dependency map', () => {
  const manifest = (file: string) =>
    JSON.parse(readFileSync(join(root, file), 'utf8')) as {
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
      workspaces?: string[];
    };
  /** The root manifest's packages and its workspaces' (a workspace is a folder or a folder/*). */
  function declaredPackages(): string[] {
    const rootManifest = manifest('package.json');
    const workspaceFolders = (rootManifest.workspaces ?? []).flatMap((pattern) =>
      pattern.endsWith('/*')
        ? readdirSync(join(root, pattern.slice(0, -2)), { withFileTypes: true })
            .filter((entry) => entry.isDirectory())
            .map((entry) => `${pattern.slice(0, -2)}/${entry.name}`)
        : [pattern],
    );
    const manifests = [rootManifest, ...workspaceFolders.map((folder) => manifest(`${folder}/package.json`))];
    const names = manifests.flatMap((m) => [
      ...Object.keys(m.dependencies ?? {}),
      ...Object.keys(m.devDependencies ?? {}),
    ]);
    return [...new Set(names)].sort();
  }

  // One way only: a line for a package no manifest declares bans nothing that exists, and
  // lets the line land before the package does.
  it('names every package the manifests declare', () => {
    const mapped = Object.keys(dependencyRuntimes);
    expect(
      declaredPackages().filter((name) => !mapped.includes(name)),
      'missing from scripts/dependency-runtimes.mjs',
    ).toEqual([]);
  });
});
