// The architecture of ARCHITECTURE.md, enforced: each top-level folder is a runtime, and
// these blocks say what each may import. Nobody has to remember the layering.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

// DOM globals that must not appear in shared/ (it has to run in Node and the browser alike).
const domGlobals = [
  'window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB',
  'HTMLElement', 'Element', 'fetch', 'XMLHttpRequest', 'location', 'alert',
].map((name) => ({ name, message: 'shared/ runs anywhere: no DOM. Take the value as an argument.' }));
const nodeGlobals = ['process', 'Buffer', '__dirname', '__filename', 'require', 'global'].map((name) => ({
  name,
  message: 'shared/ runs anywhere: no Node. Take the value as an argument.',
}));

const restrict = (paths, patterns) => ['error', { paths, patterns }];
const builtinsBanned = (why) => nodeBuiltins.map((name) => ({ name, message: why }));

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'test-results/**', 'playwright-report/**',
      'bench/results/**', '.data/**', 'release/**'],
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
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': restrict(
        [...builtinsBanned('shared/ runs anywhere: no Node built-ins.'),
          { name: 'electron', message: 'shared/ runs anywhere: no Electron.' }],
        [{ group: ['../backend/*', '../electron/*', '../renderer/*', '**/backend/**', '**/electron/**', '**/renderer/**'],
          message: 'shared/ imports nothing from the other folders.' },
        { group: ['react', 'react-dom', 'dexie', 'fastify', 'better-sqlite3', 'pg', 'ws'],
          message: 'shared/ holds pure rules and contracts: no framework, no I/O.' }],
      ),
      'no-restricted-globals': ['error', ...domGlobals, ...nodeGlobals],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.{ts,tsx}', 'renderer/vite.config.ts'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(
        [...builtinsBanned('renderer/ runs in the page: no Node built-ins; ask the main process over window.mesa.'),
          { name: 'electron', message: 'renderer/ never imports electron: use window.mesa (the IPC bridge).' }],
        [{ group: ['**/backend/**', '**/electron/**', 'electron/*'],
          message: 'renderer/ never imports backend/ or electron/: go through the IPC contract in shared/.' }],
      ),
      // User text is rendered as text.
      'no-restricted-syntax': ['error', {
        selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
        message: 'User text is rendered as text: no dangerouslySetInnerHTML.',
      }, {
        selector: "AssignmentExpression[left.property.name='innerHTML']",
        message: 'User text is rendered as text: no innerHTML.',
      }],
    },
  },
  {
    files: ['backend/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'electron', message: 'backend/ never imports electron.' }],
        [{ group: ['**/electron/**', '**/renderer/**'], message: 'backend/ never imports electron/ or renderer/.' }],
      ),
    },
  },
  {
    // The main process's logic is plain Node; only the glue (electron/app/**, electron/preload/**) touches Electron.
    files: ['electron/**/*.ts'],
    // Tests may start a real backend process (backend/testing/) to talk to over HTTP.
    ignores: ['electron/app/**', 'electron/preload/**', 'electron/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict(
        [{ name: 'electron', message: 'Only electron/app/ and electron/preload/ import electron; keep the logic plain Node.' }],
        [{ group: ['**/renderer/**', '**/backend/**'], message: 'electron/ talks to the backend over HTTP and to the renderer over IPC only.' }],
      ),
    },
  },
  {
    files: ['electron/app/**/*.ts', 'electron/preload/**/*.ts'],
    ignores: ['electron/**/*.test.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': restrict([], [
        { group: ['**/renderer/**', '**/backend/**'], message: 'electron/ talks to the backend over HTTP and to the renderer over IPC only.' },
      ]),
      // Electron's security checklist, as lint: these literals never appear in the glue.
      'no-restricted-syntax': ['error',
        { selector: "Property[key.name='nodeIntegration'][value.value=true]", message: 'nodeIntegration stays off.' },
        { selector: "Property[key.name='nodeIntegrationInWorker'][value.value=true]", message: 'nodeIntegrationInWorker stays off.' },
        { selector: "Property[key.name='nodeIntegrationInSubFrames'][value.value=true]", message: 'nodeIntegrationInSubFrames stays off.' },
        { selector: "Property[key.name='contextIsolation'][value.value=false]", message: 'contextIsolation stays on.' },
        { selector: "Property[key.name='sandbox'][value.value=false]", message: 'sandbox stays on.' },
        { selector: "Property[key.name='webSecurity'][value.value=false]", message: 'webSecurity stays on.' },
        { selector: "Property[key.name='allowRunningInsecureContent'][value.value=true]", message: 'No insecure content.' },
        { selector: "Property[key.name='experimentalFeatures'][value.value=true]", message: 'No experimental features.' },
        { selector: "Property[key.name='enableBlinkFeatures']", message: 'No Blink feature flags.' },
        { selector: "Property[key.name='webviewTag'][value.value=true]", message: 'No <webview>.' },
        { selector: "CallExpression[callee.property.name='exposeInMainWorld'] > Identifier[name='ipcRenderer']", message: 'Never expose ipcRenderer itself: expose named functions.' },
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
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.{ts,js,mjs}', 'build/**/*.{cjs,js,mjs}', '*.config.{ts,js}', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
