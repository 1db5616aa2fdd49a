// The queue keeps no state of its own, so "resume after restart" is: stop it half-way,
// build a new one over the same store, and see it send only what is left. Each test runs
// against an in-memory store and against the real Dexie attachments table (fake-indexeddb).
import { Blob as NodeBlob } from 'node:buffer';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS, MesaError } from '../../shared/index';
import { MesaDb, type CachedAttachment } from '../data/db';
import { dexieUploadStore, type AttachmentUploadRow } from './dexie-upload-store';
import { sha256Hex } from './hash';
import { drainUploads, type PendingUpload, type UploadFailure, type UploadStore } from './upload-queue';

const TICKET = '0190a000-0000-7000-8000-00000000000a';

interface Harness {
  store: UploadStore;
  /** Attaches a blob (as attachment.add does) and returns its hash. */
  attach(text: string, type?: string): Promise<string>;
  uploadedHashes(): Promise<string[]>;
  failures(): Promise<Record<string, UploadFailure>>;
  close(): Promise<void>;
}

let rowSerial = 0;
const nextId = () => `0190a000-0000-7000-8000-${String(++rowSerial).padStart(12, '0')}`;

function memoryHarness(): Harness {
  const rows: Array<{
    sha256: string;
    contentType: string;
    blob: Blob;
    uploaded: boolean;
    failure?: UploadFailure;
  }> = [];
  const store: UploadStore = {
    async listPending(limit) {
      const seen = new Map<string, PendingUpload>();
      for (const row of rows) {
        if (!row.uploaded && !row.failure && !seen.has(row.sha256) && seen.size < limit)
          seen.set(row.sha256, row);
      }
      return [...seen.values()];
    },
    async markUploaded(sha256) {
      for (const row of rows) if (row.sha256 === sha256) row.uploaded = true;
    },
    async markFailed(sha256, failure) {
      for (const row of rows) if (row.sha256 === sha256) row.failure = failure;
    },
  };
  return {
    store,
    async attach(text, type = 'text/plain') {
      const blob = new Blob([text], { type });
      const sha256 = await sha256Hex(blob);
      rows.push({ sha256, contentType: type, blob, uploaded: false });
      return sha256;
    },
    uploadedHashes: async () => [...new Set(rows.filter((r) => r.uploaded).map((r) => r.sha256))],
    failures: async () =>
      Object.fromEntries(rows.filter((r) => r.failure).map((r) => [r.sha256, r.failure!])),
    close: async () => undefined,
  };
}

async function dexieHarness(): Promise<Harness> {
  const db = new MesaDb(`upload-queue-${++rowSerial}`);
  const all = async () => (await db.attachments.toArray()) as AttachmentUploadRow[];
  return {
    store: dexieUploadStore(db),
    async attach(text, type = 'text/plain') {
      // fake-indexeddb stores with Node's structuredClone, which keeps Node's Blob but turns
      // jsdom's into a plain object; a browser's IndexedDB keeps its own Blob (e2e covers that).
      const blob = new NodeBlob([text], { type }) as unknown as Blob;
      const sha256 = await sha256Hex(blob);
      const row: CachedAttachment = {
        id: nextId(),
        ticketId: TICKET,
        commentId: null,
        sha256,
        fileName: 'note.txt',
        contentType: type,
        size: blob.size,
        uploadedById: null,
        createdAt: new Date().toISOString(),
        blob,
        uploaded: 0,
        confirmed: 0,
      };
      await db.attachments.add(row);
      return sha256;
    },
    uploadedHashes: async () => [
      ...new Set((await all()).filter((r) => r.uploaded === 1).map((r) => r.sha256)),
    ],
    failures: async () =>
      Object.fromEntries((await all()).filter((r) => r.uploadError).map((r) => [r.sha256, r.uploadError!])),
    async close() {
      db.close();
      await db.delete();
    },
  };
}

/** A server that keeps blobs by hash, answers the same for a blob it already has, and can be unplugged. */
function fakeServer() {
  const blobs = new Map<string, Uint8Array>();
  const calls: string[] = [];
  let online = true;
  return {
    blobs,
    calls,
    unplug: () => void (online = false),
    plugIn: () => void (online = true),
    upload: async (sha256: string, contentType: string, bytes: Uint8Array) => {
      calls.push(sha256);
      if (!online) throw new MesaError('offline', 'Cannot reach the server (ECONNREFUSED).');
      if ((await sha256Hex(new Blob([bytes as Uint8Array<ArrayBuffer>]))) !== sha256)
        throw new MesaError('rejected', 'The bytes do not match the hash.');
      blobs.set(sha256, bytes);
      return { sha256, size: bytes.byteLength, contentType };
    },
  };
}

const harnesses: Array<[string, () => Promise<Harness>]> = [
  ['in-memory store', async () => memoryHarness()],
  ['Dexie attachments table', dexieHarness],
];

let open: Harness | null = null;
afterEach(async () => {
  await open?.close();
  open = null;
});

describe.each(harnesses)('upload queue over the %s', (_name, make) => {
  const setup = async () => (open = await make());

  it('uploads every pending blob, one at a time, in order', async () => {
    const h = await setup();
    const server = fakeServer();
    const first = await h.attach('first');
    const second = await h.attach('second');
    expect(await drainUploads(h.store, server.upload)).toEqual({ state: 'done', uploaded: 2, failed: 0 });
    expect(server.calls).toEqual([first, second]);
    expect((await h.uploadedHashes()).sort()).toEqual([first, second].sort());
  });

  it('resumes after a restart: a new queue over the same store sends only what is left', async () => {
    const h = await setup();
    const server = fakeServer();
    const first = await h.attach('one');
    const second = await h.attach('two');
    const third = await h.attach('three');
    // The connection drops after the first upload.
    let sent = 0;
    const flaky = async (sha256: string, type: string, bytes: Uint8Array) => {
      if (sent++ === 1) server.unplug();
      return server.upload(sha256, type, bytes);
    };
    const stopped = await drainUploads(h.store, flaky);
    expect(stopped).toMatchObject({ state: 'retry_later', uploaded: 1, error: { code: 'offline' } });
    expect(await h.uploadedHashes()).toEqual([first]);

    // "Restart": nothing carried over but the store.
    server.plugIn();
    server.calls.length = 0;
    expect(await drainUploads(h.store, server.upload)).toEqual({ state: 'done', uploaded: 2, failed: 0 });
    expect(server.calls).toEqual([second, third]);
    expect([...server.blobs.keys()].sort()).toEqual([first, second, third].sort());
  });

  it('is idempotent: the same blob attached twice is one upload, and re-sending a known hash is fine', async () => {
    const h = await setup();
    const server = fakeServer();
    const hash = await h.attach('same screenshot', 'image/png');
    expect(await h.attach('same screenshot', 'image/png')).toBe(hash);
    expect(await drainUploads(h.store, server.upload)).toEqual({ state: 'done', uploaded: 1, failed: 0 });
    expect(server.calls).toEqual([hash]);

    // Another console uploaded it first: the server answers as before and the row settles.
    const other = await h.attach('uploaded elsewhere');
    await server.upload(other, 'text/plain', new TextEncoder().encode('uploaded elsewhere'));
    expect(await drainUploads(h.store, server.upload)).toEqual({ state: 'done', uploaded: 1, failed: 0 });
    expect((await h.uploadedHashes()).sort()).toEqual([hash, other].sort());
  });

  it('stops at "offline" without marking anything, so the next run retries the same blob', async () => {
    const h = await setup();
    const server = fakeServer();
    server.unplug();
    const hash = await h.attach('waiting');
    expect(await drainUploads(h.store, server.upload)).toMatchObject({
      state: 'retry_later',
      uploaded: 0,
      failed: 0,
    });
    expect(await drainUploads(h.store, server.upload)).toMatchObject({ state: 'retry_later' });
    expect(server.calls).toEqual([hash, hash]);
    expect(await h.failures()).toEqual({});
  });

  it('gives up on too_large and rejected, with the reason, and goes on with the rest', async () => {
    const h = await setup();
    const server = fakeServer();
    const big = await h.attach('pretend this is 30 MiB');
    const bad = await h.attach('server says no');
    const fine = await h.attach('fine');
    const picky = async (sha256: string, type: string, bytes: Uint8Array) => {
      if (sha256 === big) throw new MesaError('too_large', 'The server refused the upload: it is too large.');
      if (sha256 === bad) throw new MesaError('rejected', 'The bytes do not match the hash.');
      return server.upload(sha256, type, bytes);
    };
    expect(await drainUploads(h.store, picky)).toEqual({ state: 'done', uploaded: 1, failed: 2 });
    expect(await h.failures()).toEqual({
      [big]: { code: 'too_large', message: 'The server refused the upload: it is too large.' },
      [bad]: { code: 'rejected', message: 'The bytes do not match the hash.' },
    });
    // Failed rows are not retried.
    server.calls.length = 0;
    expect(await drainUploads(h.store, picky)).toEqual({ state: 'done', uploaded: 0, failed: 0 });
    expect(server.calls).toEqual([]);
    expect(await h.uploadedHashes()).toEqual([fine]);
  });
});

describe('upload queue limits', () => {
  it('never sends a blob over the size limit', async () => {
    const oversized = {
      size: LIMITS.attachmentMaxBytes + 1,
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
    } as unknown as Blob;
    const marked: Array<[string, UploadFailure]> = [];
    let listed = false;
    const store: UploadStore = {
      listPending: async () =>
        listed
          ? []
          : ((listed = true), [{ sha256: 'a'.repeat(64), contentType: 'application/zip', blob: oversized }]),
      markUploaded: async () => undefined,
      markFailed: async (sha, failure) => void marked.push([sha, failure]),
    };
    const calls: string[] = [];
    expect(await drainUploads(store, async (sha) => void calls.push(sha))).toEqual({
      state: 'done',
      uploaded: 0,
      failed: 1,
    });
    expect(calls).toEqual([]);
    expect(marked[0]?.[1].code).toBe('too_large');
  });
});
