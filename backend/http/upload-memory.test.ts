import { createCipheriv, createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../testing/backend-process';
import { signIn } from '../testing/http-client';
import { TEST_DIALECTS, freshDatabaseUrl } from '../testing/test-backend';

const MIB = 1024 * 1024;
const FILE_BYTES = 25 * MIB;
const UPLOADS = 20;
/**
 * How much the backend's peak resident memory may grow while 20 uploads of 25 MiB run at
 * once. Buffering the bodies would need 20 × 25 MiB = 500 MiB; streaming each one to a
 * temporary file needs a few buffers per request.
 */
const PEAK_GROWTH_BOUND = 150 * MIB;

/** Deterministic, incompressible bytes (AES-CTR over zeros), generated as they are sent. */
function fileBytes(seed: number): Readable {
  return Readable.from(
    (function* () {
      const cipher = createCipheriv('aes-128-ctr', Buffer.alloc(16, seed), Buffer.alloc(16));
      const zeros = Buffer.alloc(MIB);
      for (let sent = 0; sent < FILE_BYTES; sent += MIB) yield cipher.update(zeros);
    })(),
  );
}

async function hashOf(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** kB figures from /proc/<pid>/status, in bytes. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: field('VmRSS'), peak: field('VmHWM') };
}

function upload(url: string, token: string, sha256: string, body: Readable): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/api/v1/attachments/${sha256}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': FILE_BYTES,
      },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    pipeline(body, req).catch(reject);
  });
}

describe.each(TEST_DIALECTS)('20 concurrent 25 MiB uploads (%s)', (dialect) => {
  let backend: BackendProcess | undefined;
  afterAll(() => backend?.stop());

  it(`keep the server's peak memory within ${PEAK_GROWTH_BOUND / MIB} MiB of where it started`, async () => {
    backend = await startBackendProcess({
      seedDemo: true,
      demoTickets: 0,
      ...(dialect === 'postgres' ? { databaseUrl: await freshDatabaseUrl() } : {}),
    });
    const token = (await signIn(backend.url)).token!;
    const hashes = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => hashOf(fileBytes(i))));

    const before = memoryOf(backend.pid!);
    const statuses = await Promise.all(
      hashes.map((sha, i) => upload(backend!.url, token, sha, fileBytes(i))),
    );
    const after = memoryOf(backend.pid!);
    console.info(
      `${dialect}: RSS before ${(before.rss / MIB).toFixed(0)} MiB, peak before ${(before.peak / MIB).toFixed(0)} MiB, peak after ${(after.peak / MIB).toFixed(0)} MiB`,
    );
    expect(statuses).toEqual(hashes.map(() => 201));
    expect(after.peak - before.rss).toBeLessThan(PEAK_GROWTH_BOUND);

    // The files were stored whole: one comes back with the bytes it was uploaded with.
    const download = await fetch(`${backend.url}/api/v1/attachments/${hashes[7]}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(download.status).toBe(200);
    expect(await hashOf(Readable.fromWeb(download.body! as never))).toBe(hashes[7]);
  }, 180_000);
});
