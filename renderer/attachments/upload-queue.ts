import { LIMITS, MesaError, type IpcErrorCode } from '../../shared/index';

/**
 * Uploads the blobs the agent attached, by content hash, one at a time. All state is in
 * the store (Dexie in the app), none in memory, so a restart resumes where it stopped;
 * and uploads are by hash, so sending a blob the server already has is harmless
 * (the server answers with the same record), which makes every retry safe.
 */

export interface PendingUpload {
  sha256: string;
  contentType: string;
  blob: Blob;
}

export interface UploadFailure {
  code: IpcErrorCode | 'too_large';
  message: string;
}

export interface UploadStore {
  /** Blobs not yet uploaded and not failed, oldest first, at most `limit`, one per hash. */
  listPending(limit: number): Promise<PendingUpload[]>;
  /** Every attachment with this hash is on the server. */
  markUploaded(sha256: string): Promise<void>;
  /** Every attachment with this hash will never upload; the reason is shown to the agent. */
  markFailed(sha256: string, failure: UploadFailure): Promise<void>;
}

/** `getMesa().uploadAttachment` in the app. */
export type Uploader = (
  sha256: string,
  contentType: string,
  bytes: Uint8Array<ArrayBuffer>,
) => Promise<unknown>;

export type DrainOutcome =
  | { state: 'done'; uploaded: number; failed: number }
  /** Stopped at a failure worth retrying later (offline, server trouble, signed out). */
  | { state: 'retry_later'; uploaded: number; failed: number; error: UploadFailure };

/** Errors that retrying the same bytes can never fix. */
const PERMANENT: ReadonlySet<string> = new Set<IpcErrorCode>(['too_large', 'rejected', 'invalid_request']);

const BATCH = 20;

export function classifyUploadError(error: unknown): { permanent: boolean; failure: UploadFailure } {
  if (error instanceof MesaError)
    return { permanent: PERMANENT.has(error.code), failure: { code: error.code, message: error.message } };
  // Anything unexpected is treated as passing trouble: retrying costs a request, giving up loses a screenshot.
  return {
    permanent: false,
    failure: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
  };
}

export async function drainUploads(store: UploadStore, upload: Uploader): Promise<DrainOutcome> {
  let uploaded = 0;
  let failed = 0;
  // Hashes settled in this drain: a store that lags behind its own writes must not cause a loop.
  const settled = new Set<string>();
  for (;;) {
    const batch = (await store.listPending(BATCH + settled.size)).filter((p) => !settled.has(p.sha256));
    if (batch.length === 0) return { state: 'done', uploaded, failed };
    for (const pending of batch) {
      settled.add(pending.sha256);
      if (pending.blob.size > LIMITS.attachmentMaxBytes) {
        // Checked when attached too; this catches rows written by an older build or another limit.
        await store.markFailed(pending.sha256, {
          code: 'too_large',
          message: `over ${LIMITS.attachmentMaxBytes} bytes`,
        });
        failed += 1;
        continue;
      }
      try {
        await upload(pending.sha256, pending.contentType, new Uint8Array(await pending.blob.arrayBuffer()));
      } catch (error) {
        const { permanent, failure } = classifyUploadError(error);
        if (!permanent) return { state: 'retry_later', uploaded, failed, error: failure };
        await store.markFailed(pending.sha256, failure);
        failed += 1;
        continue;
      }
      await store.markUploaded(pending.sha256);
      uploaded += 1;
    }
  }
}
