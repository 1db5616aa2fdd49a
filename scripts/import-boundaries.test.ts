// ARCHITECTURE.md's import rules are enforced by lint; this proves the lint still bites, and
// bites with the rule meant for the case (any other error, a typo say, must not pass for it).
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleHits(
  filePath: string,
  code: string,
): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const IMPORTS = 'no-restricted-imports';
const GLOBALS = 'no-restricted-globals';

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
});
