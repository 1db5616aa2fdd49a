import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadStaticFile, resolveUnderRoot } from './static-files';

let root: string;
beforeAll(() => {
  const parent = mkdtempSync(join(tmpdir(), 'mesa-static-'));
  root = join(parent, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Mesa</title>');
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'outside');
});

describe('serving the built renderer', () => {
  it('serves files with their type, hashed assets as immutable', async () => {
    const file = await loadStaticFile(root, '/assets/app-1234.js');
    expect(file).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
    expect(file.cacheControl).toContain('immutable');
    expect((await loadStaticFile(root, '/')).contentType).toContain('text/html');
  });

  it('answers app routes with index.html and missing assets with 404', async () => {
    const route = await loadStaticFile(root, '/tickets/INC-1');
    expect(new TextDecoder().decode(route.body)).toContain('<title>Mesa</title>');
    expect((await loadStaticFile(root, '/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00',
    '/%E0%A4%A',
  ])('never leaves the root: %s', async (path) => {
    const file = await loadStaticFile(root, path);
    expect(new TextDecoder().decode(file.body)).not.toContain('outside');
    expect([400, 404]).toContain(file.status);
  });

  it('resolves paths under the root only', () => {
    expect(resolveUnderRoot('/srv/r', '/a/b.js')).toBe('/srv/r/a/b.js');
    expect(resolveUnderRoot('/srv/r', '/../r2/x')).toBeNull();
  });

  it('says plainly when the renderer is not built', async () => {
    const file = await loadStaticFile(join(root, 'nope'), '/');
    expect(file.status).toBe(503);
    expect(new TextDecoder().decode(file.body)).toContain('npm run build:renderer');
  });
});
