import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A dist/ folder as the build makes it: dist/electron (main, preload) beside dist/renderer. */
export function tempDist(): { distDir: string; rendererDir: string } {
  const root = mkdtempSync(join(tmpdir(), 'mesa-dist-'));
  const distDir = join(root, 'electron');
  const rendererDir = join(root, 'renderer');
  mkdirSync(distDir, { recursive: true });
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>Mesa</title><script type="module" src="/assets/app.js"></script></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
  return { distDir, rendererDir };
}
