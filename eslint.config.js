// The architecture of ARCHITECTURE.md, enforced: each top-level folder is a runtime, and
// these blocks say what each may import (its folders, built-ins and npm packages), which
// layer each renderer folder is, and that no import closes a cycle. Nobody has to remember
// the layering.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import { builtinModules } from 'node:module';
import { packagesBannedIn } from './scripts/dependency-runtimes.mjs';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// DOM globals that must not appear in shared/ (it has to run in Node and the browser alike).
const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
  'Element',
  'fetch',
  'XMLHttpRequest',
  'location',
  'alert',
].map((name) => ({ name, message: 'shared/ runs anywhere: no DOM. Take the value as an argument.' }));
const nodeGlobals = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({
  name,
  message: 'shared/ runs anywhere: no Node. Take the value as an argument.',
}));

const restrict = (paths, patterns) => ['error', { paths, patterns }];
const builtinsBanned = (why) => nodeBuiltins.map((name) => ({ name, message: why }));

// Tests and their helpers run on the developer's machine: their runtime's folder rules hold
// for them, its package rules (scripts/dependency-runtimes.mjs) do not.
const testCode = ['**/*.test.{ts,tsx}', '**/testing/**', '**/test-setup.ts'];

/**
 * A runtime's import rules: `paths` and `patterns` (built-ins, other folders) for all the
 * files in `block`, and for all but its test code also the npm packages the runtime may not
 * import. A name in `paths` keeps its own message.
 */
function runtimeImports(runtime, block, paths, patterns) {
  const packages = packagesBannedIn(
    runtime,
    paths.map((p) => p.name),
  );
  return [
    { ...block, rules: { ...block.rules, 'no-restricted-imports': restrict(paths, patterns) } },
    {
      files: block.files,
      ignores: [...(block.ignores ?? []), ...testCode],
      rules: { 'no-restricted-imports': restrict(paths, [...patterns, ...packages]) },
    },
  ];
}

// The renderer's layers, lowest first. A folder imports from the lines above its own, never
// from a neighbour on its line nor from a line below. Tests and test helpers may drive a layer
// through the ones above it (data's tests run a pull through sync).
const rendererLayers = [
  // Foundations (words, styles, the window.mesa bridge, timers): they need nothing else of the renderer.
  ['i18n', 'theme', 'bridge', 'background'],
  // Components that take props and raise events: no store, no cache, no feature.
  ['ui'],
  // State: the UI-only zustand stores and the Dexie cache, which know no screen and not each other.
  ['stores', 'data'],
  // Moves the cache to and from the server through the bridge.
  ['sync'],
  // Services over the cache and sync (file uploads, SLA alerts), with their own small pieces of UI.
  ['attachments', 'notifications'],
  // The views the agent works in; features/console puts them together.
  ['features'],
  // The composition root: starts the UI and sync, and hands sync the uploads.
  ['main.tsx'],
];
const rendererLayerZones = rendererLayers
  .flatMap((folders, rank) => {
    const below = rendererLayers.slice(0, rank).flat();
    const notBelow = rendererLayers.slice(rank).flat();
    return folders.map((folder) => ({
      target: `./renderer/${folder}`,
      from: notBelow.filter((other) => other !== folder).map((other) => `./renderer/${other}`),
      message: `renderer/${folder} imports only from the layers below it (${below.join(', ') || 'none: shared/ only'}); the order is in eslint.config.js.`,
    }));
  })
  .filter((zone) => zone.from.length > 0);

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.data/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
  },
  {
    // No import cycles in product code, type imports included; tests are imported by
    // nothing, so they close none.
    files: ['shared/**/*.ts', 'renderer/**/*.{ts,tsx}', 'electron/**/*.ts', 'backend/**/*.ts'],
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  ...runtimeImports(
    'shared',
    {
      files: ['shared/**/*.ts'],
      ignores: ['shared/**/*.test.ts'],
      rules: { 'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals] },
    },
    [
      ...builtinsBanned('shared/ runs anywhere: no Node built-ins.'),
      { name: 'electron', message: 'shared/ runs anywhere: no Electron.' },
    ],
    [
      {
        group: [
          '../backend/*',
          '../electron/*',
          '../renderer/*',
          '**/backend/**',
          '**/electron/**',
          '**/renderer/**',
        ],
        message: 'shared/ imports nothing from the other folders.',
      },
    ],
  ),
  ...runtimeImports(
    'renderer',
    {
      files: ['renderer/**/*.{ts,tsx}'],
      ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    },
    [
      ...builtinsBanned(
        'renderer/ runs in the page: no Node built-ins; ask the main process over window.mesa.',
      ),
      { name: 'electron', message: 'renderer/ never imports electron: use window.mesa (the IPC bridge).' },
    ],
    [
      {
        group: ['**/backend/**', '**/electron/**', 'electron/*'],
        message: 'renderer/ never imports backend/ or electron/: go through the IPC contract in shared/.',
      },
    ],
  ),
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts', ...testCode],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...rendererLayerZones,
            {
              target: './renderer',
              from: './renderer/**/testing/**',
              message: 'Test helpers are for tests.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // User text is rendered as text.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is rendered as text: no dangerouslySetInnerHTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'User text is rendered as text: no innerHTML.',
        },
      ],
    },
  },
  // Backend tests keep the folder rules and may use any package (a test SMTP server, say).
  ...runtimeImports(
    'backend',
    {
      files: ['backend/**/*.ts'],
      languageOptions: { globals: globals.node },
    },
    [{ name: 'electron', message: 'backend/ never imports electron.' }],
    [
      {
        group: ['**/electron/**', '**/renderer/**'],
        message: 'backend/ never imports electron/ or renderer/.',
      },
    ],
  ),
  // The main process's logic is plain Node; only the glue (electron/app/**, electron/preload/**) touches Electron.
  // Its tests may start a real backend process (backend/testing/) to talk to over HTTP.
  ...runtimeImports(
    'main',
    {
      files: ['electron/**/*.ts'],
      ignores: ['electron/app/**', 'electron/preload/**', 'electron/**/*.test.ts'],
      languageOptions: { globals: globals.node },
    },
    [
      {
        name: 'electron',
        message: 'Only electron/app/ and electron/preload/ import electron; keep the logic plain Node.',
      },
    ],
    [
      {
        group: ['**/renderer/**', '**/backend/**'],
        message: 'electron/ talks to the backend over HTTP and to the renderer over IPC only.',
      },
    ],
  ),
  ...runtimeImports(
    'glue',
    {
      files: ['electron/app/**/*.ts', 'electron/preload/**/*.ts'],
      ignores: ['electron/**/*.test.ts'],
      languageOptions: { globals: globals.node },
    },
    [],
    [
      {
        group: ['**/renderer/**', '**/backend/**'],
        message: 'electron/ talks to the backend over HTTP and to the renderer over IPC only.',
      },
    ],
  ),
  {
    files: ['electron/app/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    rules: {
      // Electron's security checklist, as lint: these literals never appear in the glue.
      'no-restricted-syntax': [
        'error',
        {
          selector: "Property[key.name='nodeIntegration'][value.value=true]",
          message: 'nodeIntegration stays off.',
        },
        {
          selector: "Property[key.name='nodeIntegrationInWorker'][value.value=true]",
          message: 'nodeIntegrationInWorker stays off.',
        },
        {
          selector: "Property[key.name='nodeIntegrationInSubFrames'][value.value=true]",
          message: 'nodeIntegrationInSubFrames stays off.',
        },
        {
          selector: "Property[key.name='contextIsolation'][value.value=false]",
          message: 'contextIsolation stays on.',
        },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'sandbox stays on.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on.' },
        {
          selector: "Property[key.name='allowRunningInsecureContent'][value.value=true]",
          message: 'No insecure content.',
        },
        {
          selector: "Property[key.name='experimentalFeatures'][value.value=true]",
          message: 'No experimental features.',
        },
        { selector: "Property[key.name='enableBlinkFeatures']", message: 'No Blink feature flags.' },
        { selector: "Property[key.name='webviewTag'][value.value=true]", message: 'No <webview>.' },
        {
          selector:
            "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']",
          message: 'Never expose ipcRenderer itself: expose named functions.',
        },
      ],
    },
  },
  {
    // Packaging config and hooks: CommonJS because electron-builder require()s them.
    files: ['build/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: [
      '**/*.test.{ts,tsx}',
      'e2e/**/*.ts',
      'bench/**/*.ts',
      'scripts/**/*.{ts,js,mjs}',
      'build/**/*.{cjs,js,mjs}',
      '*.config.{ts,js}',
      'renderer/vite.config.ts',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
