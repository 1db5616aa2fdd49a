import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './console/harness';

/** What one value cost Chromium's on-disk IndexedDB: its put (to commit), and its get after a reload. */
export interface PutGet {
  putMs: number;
  getMs: number;
}

/**
 * Puts `value` (an object whose fields are strings, string arrays or Uint32Arrays, as a
 * saved word index is) into IndexedDB in a persistent Chromium profile, reloads the page,
 * and gets it back, timed in the page: what the console pays to save it and at a start.
 * The fields reach the page as the bytes they are (typed arrays as binary), not as JSON.
 */
export async function idbPutGet(value: Record<string, unknown>): Promise<PutGet> {
  const fields = Object.entries(value).map(([name, field]) => ({
    name,
    kind: field instanceof Uint32Array ? 'u32' : 'json',
    body:
      field instanceof Uint32Array
        ? Buffer.from(field.buffer, field.byteOffset, field.byteLength)
        : JSON.stringify(field),
  }));
  const server = http.createServer((request, response) => {
    const field = fields.find((f) => request.url === `/${f.name}`);
    if (field) response.end(field.body);
    else response.setHeader('content-type', 'text/html').end('<!doctype html><title>idb</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const profile = mkdtempSync(join(tmpdir(), 'mesa-idb-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.MESA_CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    const specs = fields.map(({ name, kind }) => ({ name, kind }));
    const putMs = await page.evaluate(async (specs) => {
      const value: Record<string, unknown> = {};
      for (const { name, kind } of specs) {
        const response = await fetch(`/${name}`);
        value[name] = kind === 'u32' ? new Uint32Array(await response.arrayBuffer()) : await response.json();
      }
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('bench', 1);
        open.onupgradeneeded = () => open.result.createObjectStore('snapshots');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const started = performance.now();
      await new Promise((resolve, reject) => {
        const tx = db.transaction('snapshots', 'readwrite');
        tx.objectStore('snapshots').put(value, 'words');
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      const ms = performance.now() - started;
      db.close();
      return ms;
    }, specs);
    await page.reload();
    const getMs = await page.evaluate(async () => {
      const started = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('bench', 1);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const value = await new Promise((resolve, reject) => {
        const get = db.transaction('snapshots').objectStore('snapshots').get('words');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      });
      if (!value) throw new Error('nothing read back');
      return performance.now() - started;
    });
    return { putMs, getMs };
  } finally {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
