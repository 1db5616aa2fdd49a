import type { EntityTable } from 'dexie';
import type { MesaDb } from '../data/db';
import type { LocalAttachmentRow } from './local-attachment-fields';
import type { PendingUpload, UploadStore } from './upload-queue';

/** An attachment row as the upload queue sees it: `uploadError` is set once it can never upload. */
export type AttachmentUploadRow = LocalAttachmentRow;

/**
 * The upload queue's state is the attachments table itself: `uploaded` 0 with a local blob
 * means "to send". Nothing else is kept, so a restart (or a second window) picks up exactly
 * where the last run stopped. Rows are keyed by UUIDv7, so the primary-key order of the
 * `uploaded` index is the order the agent attached them in.
 */
export function dexieUploadStore(db: MesaDb): UploadStore {
  const rows = () => db.attachments as unknown as EntityTable<AttachmentUploadRow, 'id'>;
  return {
    async listPending(limit) {
      const pending = new Map<string, PendingUpload>();
      // The same screenshot attached twice is one upload: keep the first row per hash.
      await rows()
        .where('uploaded')
        .equals(0)
        .until(() => pending.size >= limit)
        .each((row) => {
          if (row.blob && !row.uploadError && !pending.has(row.sha256)) {
            pending.set(row.sha256, { sha256: row.sha256, contentType: row.contentType, blob: row.blob });
          }
        });
      return [...pending.values()];
    },
    async markUploaded(sha256) {
      await rows().where('sha256').equals(sha256).modify({ uploaded: 1 });
    },
    async markFailed(sha256, failure) {
      await rows()
        .where('sha256')
        .equals(sha256)
        .modify((row) => {
          if (row.uploaded === 0) row.uploadError = failure;
        });
    },
  };
}
