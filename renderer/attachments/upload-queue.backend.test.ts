// The queue against the real backend process and the main process's own HTTP client
// (electron/core/backend-http.ts, the code behind getMesa().uploadAttachment), so the
// error codes the queue reacts to are the ones the app really produces.
import { Blob as NodeBlob } from 'node:buffer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startBackendProcess, type BackendProcess } from '../../backend/testing/backend-process';
import { requestJson } from '../../electron/core/backend-http';
import { sha256Hex } from './hash';
import { drainUploads, type PendingUpload, type UploadFailure, type UploadStore } from './upload-queue';

const uploaded = z.object({ sha256: z.string(), size: z.number(), contentType: z.string() });

const signedIn = z.object({ token: z.string() });

let backend: BackendProcess;
let token: string;
beforeAll(async () => {
  backend = await startBackendProcess({ seedDemo: true, demoTickets: 0 });
  const login = { email: 'agent@example.com', password: 'mesa-demo' };
  ({ token } = await requestJson(
    fetch,
    backend.url,
    { method: 'POST', path: '/api/v1/auth/login', json: login, timeoutMs: 10_000 },
    signedIn,
  ));
}, 90_000);
afterAll(async () => {
  await backend?.stop();
});

const uploader =
  (serverUrl: () => string, as: () => string | null = () => token) =>
  (sha256: string, contentType: string, bytes: Uint8Array) =>
    requestJson(
      fetch,
      serverUrl(),
      {
        method: 'PUT',
        path: `/api/v1/attachments/${sha256}`,
        token: as(),
        bytes,
        contentType,
        timeoutMs: 10_000,
      },
      uploaded,
    );

function store(items: PendingUpload[]) {
  const done = new Set<string>();
  const failed = new Map<string, UploadFailure>();
  const s: UploadStore = {
    listPending: async (limit) =>
      items.filter((i) => !done.has(i.sha256) && !failed.has(i.sha256)).slice(0, limit),
    markUploaded: async (sha) => void done.add(sha),
    markFailed: async (sha, failure) => void failed.set(sha, failure),
  };
  return { store: s, done, failed };
}

async function pending(text: string, type = 'image/png', claimedHash?: string): Promise<PendingUpload> {
  const blob = new NodeBlob([text], { type }) as unknown as Blob;
  return { sha256: claimedHash ?? (await sha256Hex(blob)), contentType: type, blob };
}

describe('upload queue against the backend', () => {
  it('uploads, and uploading a hash the server already has is fine', async () => {
    const a = await pending('screenshot A');
    const first = store([a]);
    expect(
      await drainUploads(
        first.store,
        uploader(() => backend.url),
      ),
    ).toEqual({ state: 'done', uploaded: 1, failed: 0 });
    const again = store([a]);
    expect(
      await drainUploads(
        again.store,
        uploader(() => backend.url),
      ),
    ).toEqual({ state: 'done', uploaded: 1, failed: 0 });

    const download = await fetch(`${backend.url}/api/v1/attachments/${a.sha256}`);
    expect(download.status).toBe(401); // reading needs a session, as uploading does (docs/http-api.md)
  });

  it('keeps a blob queued for after sign-in when the server refuses an upload without a token', async () => {
    const c = await pending('screenshot C');
    const s = store([c]);
    const outcome = await drainUploads(
      s.store,
      uploader(
        () => backend.url,
        () => null,
      ),
    );
    expect(s.done.size).toBe(0);
    expect(s.failed.size).toBe(0);
    expect(outcome).toMatchObject({ state: 'retry_later', error: { code: 'unauthorized' } });
  });

  it('marks a blob whose bytes do not match its hash as failed, with the server’s reason', async () => {
    const liar = await pending('not what the hash says', 'image/png', 'f'.repeat(64));
    const s = store([liar]);
    expect(
      await drainUploads(
        s.store,
        uploader(() => backend.url),
      ),
    ).toEqual({ state: 'done', uploaded: 0, failed: 1 });
    expect(s.failed.get(liar.sha256)?.code).toBe('rejected');
  });

  it('stops at "offline" when the server is down, and resumes once it is back', async () => {
    const b = await pending('screenshot B');
    const s = store([b]);
    const closedPort = 'http://127.0.0.1:9'; // discard port: nothing listens, the connection is refused
    expect(
      await drainUploads(
        s.store,
        uploader(() => closedPort),
      ),
    ).toMatchObject({ state: 'retry_later', error: { code: 'offline' } });
    expect(s.done.size).toBe(0);
    expect(
      await drainUploads(
        s.store,
        uploader(() => backend.url),
      ),
    ).toEqual({ state: 'done', uploaded: 1, failed: 0 });
  });
});
