import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../testing/http-client';
import { TEST_DIALECTS, mutations, startTestBackend, type TestBackend } from '../testing/test-backend';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3,
]);

const LIMIT = 64 * 1024;

describe.each(TEST_DIALECTS)('attachments (%s)', (dialect) => {
  let t: TestBackend;
  let agent: HttpClient;
  beforeAll(async () => {
    t = await startTestBackend(dialect, { maxAttachmentBytes: LIMIT });
    agent = await t.login();
  });
  afterAll(() => t?.close());

  const put = (bytes: Uint8Array, contentType: string, client: HttpClient = agent) =>
    client.request<{ sha256: string; size: number; contentType: string }>(
      'PUT',
      `/api/v1/attachments/${sha(bytes)}`,
      { body: bytes, headers: { 'content-type': contentType } },
    );

  it('stores bytes by hash with the type sniffed from the bytes, idempotently', async () => {
    const first = await put(PNG, 'text/html');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ sha256: sha(PNG), size: PNG.length, contentType: 'image/png' });
    const again = await put(PNG, 'application/octet-stream');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const hash = sha(PNG);
    const onDisk = join(t.dataDir, 'attachments', hash.slice(0, 2), hash.slice(2, 4), hash);
    if (dialect === 'sqlite') {
      expect(new Uint8Array(readFileSync(onDisk))).toEqual(PNG);
    } else {
      // Every instance reaches the database, not this instance's folder.
      expect(existsSync(onDisk)).toBe(false);
      const chunks = await t.backend.services.database.db
        .selectFrom('blob_chunks')
        .select('bytes')
        .where('sha256', '=', hash)
        .execute();
      expect(chunks.map((c) => new Uint8Array(c.bytes))).toEqual([PNG]);
    }
  });

  it.runIf(dialect === 'postgres')(
    'files an earlier version kept in the shared folder are still served',
    async () => {
      const bytes = randomBytes(300);
      const hash = sha(bytes);
      const dir = join(t.dataDir, 'attachments', hash.slice(0, 2), hash.slice(2, 4));
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, hash), bytes);
      await t.backend.services.database.db
        .insertInto('blobs')
        .values({
          sha256: hash,
          size: bytes.length,
          content_type: 'application/octet-stream',
          created_at: '2026-01-01T00:00:00.000Z',
        })
        .execute();
      const res = await fetch(`${t.url}/api/v1/attachments/${hash}`, {
        headers: { authorization: `Bearer ${agent.token}` },
      });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
    },
  );

  it('uploads need a signed-in agent: without a token nothing is stored', async () => {
    const bytes = randomBytes(64);
    const res = await put(bytes, 'application/octet-stream', t.http);
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await agent.get(`/api/v1/attachments/${sha(bytes)}`)).status).toBe(404);
  });

  it('a body over the limit is cut off while it streams, even without a Content-Length', async () => {
    const bytes = randomBytes(LIMIT * 64);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 16 * 1024)
          controller.enqueue(bytes.subarray(at, at + 16 * 1024));
        controller.close();
      },
    });
    const res = await fetch(`${t.url}/api/v1/attachments/${sha(bytes)}`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${agent.token}`, 'content-type': 'application/octet-stream' },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(res.headers.get('connection')).toBe('close');
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
    expect((await agent.get(`/api/v1/attachments/${sha(bytes)}`)).status).toBe(404);
    // Nothing half-written is left behind.
    expect(readdirSync(t.backend.services.blobs.tempDir)).toEqual([]);
    const exact = randomBytes(LIMIT);
    expect((await put(exact, 'application/octet-stream')).status).toBe(201);
  });

  it('never trusts the declared type: html is text, junk is octet-stream, JSON bodies stay raw', async () => {
    expect(
      (await put(new TextEncoder().encode('<html><script>alert(1)</script>'), 'text/html')).body.contentType,
    ).toBe('text/plain');
    expect((await put(Uint8Array.from([0, 159, 146, 150, 0, 1]), 'image/png')).body.contentType).toBe(
      'application/octet-stream',
    );
    const json = new TextEncoder().encode('{"not": "parsed"}');
    const res = await put(json, 'application/json');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ size: json.length, contentType: 'text/plain' });
    const pdf = new TextEncoder().encode('%PDF-1.7\n...');
    expect((await put(pdf, 'text/plain')).body.contentType).toBe('application/pdf');
  });

  it('serves files only to signed-in agents, with safe headers', async () => {
    await put(PNG, 'image/png');
    expect((await t.http.get(`/api/v1/attachments/${sha(PNG)}`)).status).toBe(401);
    const image = await fetch(`${t.url}/api/v1/attachments/${sha(PNG)}`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-disposition')).toBe('inline');
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);

    const text = new TextEncoder().encode('<b>log</b>');
    await put(text, 'text/html');
    const download = await fetch(`${t.url}/api/v1/attachments/${sha(text)}`, {
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(download.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment/);
  });

  it('an upload with a bad token is refused', async () => {
    const bytes = randomBytes(32);
    expect((await put(bytes, 'application/octet-stream', agent.withToken('stale'))).status).toBe(401);
  });

  it('attachment.add links an uploaded file with the size and type the server measured', async () => {
    const bytes = randomBytes(100);
    await put(bytes, 'image/png');
    const create = mutations.create();
    const attachmentId = crypto.randomUUID();
    const results = await t.push(agent, [
      create,
      mutations.of('attachment.add', {
        attachmentId,
        ticketId: create.args.ticketId,
        sha256: sha(bytes),
        fileName: 'captura.png',
        contentType: 'image/png',
        size: 5,
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const pulled = (await t.pullAll(agent)).find((c) => c.entity === 'attachment' && c.id === attachmentId);
    expect(pulled?.data).toMatchObject({
      ticketId: create.args.ticketId,
      fileName: 'captura.png',
      size: 100,
      contentType: 'application/octet-stream',
    });
  });
});

describe('upload rate limit', () => {
  let t: TestBackend;
  afterAll(() => t?.close());

  it('refuses an agent past the limit with 429, and counts each agent apart', async () => {
    t = await startTestBackend('sqlite', { uploadRateLimit: { max: 3, windowMs: 60_000 } });
    const [agent, lucia] = await Promise.all([t.login(), t.login('lucia@example.com')]);
    const put = (client: HttpClient) => {
      const bytes = randomBytes(32);
      return client.request('PUT', `/api/v1/attachments/${sha(bytes)}`, {
        body: bytes,
        headers: { 'content-type': 'application/octet-stream' },
      });
    };
    for (let i = 0; i < 3; i++) expect((await put(agent)).status).toBe(201);
    const refused = await put(agent);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await put(lucia)).status).toBe(201);
  });
});
