// DESIGN.md's import rules are enforced by lint; this proves the lint still bites.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleHits(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('import boundaries', () => {
  it.each([
    ['shared/domain/probe.ts', "import { readFileSync } from 'node:fs'; export const f = readFileSync;"],
    ['shared/domain/probe.ts', "import fs from 'fs'; export const f = fs;"],
    ['shared/domain/probe.ts', 'export const f = () => window.location.href;'],
    ['shared/domain/probe.ts', 'export const f = () => document.title;'],
    ['shared/domain/probe.ts', 'export const f = () => process.env.HOME;'],
    ['shared/domain/probe.ts', "import { app } from 'electron'; export const f = app;"],
    ['shared/domain/probe.ts', "import { buildApp } from '../../backend/app'; export const f = buildApp;"],
    ['renderer/features/probe.ts', "import { ipcRenderer } from 'electron'; export const f = ipcRenderer;"],
    ['renderer/features/probe.ts', "import { createServer } from 'node:http'; export const f = createServer;"],
    ['renderer/features/probe.ts', "import path from 'path'; export const f = path;"],
    ['renderer/features/probe.ts', "import { buildApp } from '../../backend/app'; export const f = buildApp;"],
    ['renderer/features/probe.ts', "import { x } from '../../electron/core/console-core'; export const f = x;"],
    ['backend/http/probe.ts', "import { app } from 'electron'; export const f = app;"],
    ['backend/http/probe.ts', "import { x } from '../../renderer/data/db'; export const f = x;"],
    ['electron/core/probe.ts', "import { app } from 'electron'; export const f = app;"],
  ])('%s refuses: %s', async (filePath, code) => {
    expect(await ruleHits(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['shared/domain/probe.ts', "import { z } from 'zod'; export const s = z.string();"],
    ['renderer/features/probe.ts', "import { priorityOf } from '../../shared/index'; export const f = priorityOf;"],
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
    expect(hits).toHaveLength(4);
  });

  it('bans raw HTML injection in the renderer', async () => {
    const hits = await ruleHits('renderer/features/probe.tsx', 'export const C = (p: { t: string }) => <div dangerouslySetInnerHTML={{ __html: p.t }} />;');
    expect(hits.some((h) => h.includes('rendered as text'))).toBe(true);
  });
});
