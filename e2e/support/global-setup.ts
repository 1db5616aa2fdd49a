import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The browser host serves the built renderer; a stale or missing build would test the wrong page. */
export default function globalSetup(): void {
  const index = resolve(process.env.MESA_E2E_RENDERER ?? 'dist/renderer', 'index.html');
  if (!existsSync(index)) {
    throw new Error(`${index} is missing: run \`npm run build:renderer\` first (npm run test:e2e does).`);
  }
}
