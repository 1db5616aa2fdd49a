import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync, utimesSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/http-client';
import { TEST_DIALECTS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';
import { deleteUnreferencedBlobs } from './blob-cleanup';

const HOUR = 60 * 60 * 1000;
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe.each(TEST_DIALECTS)('deleting files no attachment uses (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  let offset = 0;
  beforeAll(async () => {
    t = await startTestBackend(
      dialect,
      { blobGraceMs: 24 * HOUR },
      { clock: () => new Date(Date.now() + offset) },
    );
    agent = await t.login();
  });
  afterAll(() => t?.close());

  const upload = async () => {
    const bytes = randomBytes(1000);
    const res = await agent.request('PUT', `/api/v1/attachments/${sha(bytes)}`, {
      body: bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(res.status).toBe(201);
    return { bytes, hash: sha(bytes) };
  };
  const status = async (hash: string) => (await agent.get(`/api/v1/attachments/${hash}`)).status;
  const attach = async (hash: string) => {
    const create = mutations.create();
    const results = await t.push(agent, [
      create,
      mutations.of('attachment.add', {
        attachmentId: crypto.randomUUID(),
        ticketId: create.args.ticketId,
        sha256: hash,
        fileName: 'captura.png',
        contentType: 'image/png',
        size: 1000,
      }),
    ]);
    return results.map((r) => r.status);
  };

  it('deletes unattached files a day after their last upload; attached and recent ones stay', async () => {
    offset = 0;
    const attached = await upload();
    expect(await attach(attached.hash)).toEqual(['applied', 'applied']);
    const orphan = await upload();
    const uploadedAgain = await upload();
    offset = 23 * HOUR;
    const recent = await upload();
    // Uploaded again before attaching: its day starts over.
    await agent.request('PUT', `/api/v1/attachments/${uploadedAgain.hash}`, {
      body: uploadedAgain.bytes,
      headers: { 'content-type': 'application/octet-stream' },
    });
    // An upload cut off by a crash long ago, and one being written now.
    const tempDir = t.backend.services.blobs.tempDir;
    mkdirSync(tempDir, { recursive: true });
    const abandoned = join(tempDir, 'abandoned.upload');
    const inFlight = join(tempDir, 'in-flight.upload');
    writeFileSync(abandoned, 'x');
    writeFileSync(inFlight, 'x');
    // File times in the test's clock, which runs ahead of the real one.
    const at = (hours: number) => new Date(Date.now() + hours * HOUR);
    utimesSync(abandoned, at(-5), at(-5));
    utimesSync(inFlight, at(24.5), at(24.5));

    offset = 25 * HOUR;
    expect(await deleteUnreferencedBlobs(t.backend.services)).toBe(1);
    expect(await status(orphan.hash)).toBe(404);
    expect(await status(attached.hash)).toBe(200);
    expect(await status(uploadedAgain.hash)).toBe(200);
    expect(await status(recent.hash)).toBe(200);
    expect(existsSync(abandoned)).toBe(false);
    expect(existsSync(inFlight)).toBe(true);
    // The bytes are gone too, not only the row.
    if (dialect === 'sqlite') {
      const h = orphan.hash;
      expect(existsSync(join(t.dataDir, 'attachments', h.slice(0, 2), h.slice(2, 4), h))).toBe(false);
    } else {
      const chunks = await t.backend.services.database.db
        .selectFrom('blob_chunks')
        .select('n')
        .where('sha256', '=', orphan.hash)
        .execute();
      expect(chunks).toEqual([]);
    }
    // Attaching a deleted file is refused with a code the console acts on (upload again).
    expect(await attach(orphan.hash)).toEqual(['applied', 'rejected']);
    expect(await deleteUnreferencedBlobs(t.backend.services)).toBe(0);
    offset = 0;
  });
});
