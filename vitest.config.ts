import { defineConfig } from 'vitest/config';

// Two environments: Node for everything outside the page, jsdom for the renderer's
// components. Dexie code under test uses fake-indexeddb; the real IndexedDB is covered by e2e/.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'backend/**/*.test.ts',
            'electron/**/*.test.ts',
            'build/**/*.test.ts',
            'bench/**/*.test.ts',
            'e2e/chaos/**/*.test.ts',
            'scripts/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['renderer/test-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
