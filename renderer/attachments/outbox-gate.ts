import type { MesaDb, OutboxEntry } from '../data/db';
import type { AttachmentUploadRow } from './dexie-upload-store';

/**
 * The server refuses `attachment.add` for bytes it has not received (attachment_missing),
 * and the outbox is pushed in order. So a push batch stops before the first attachment.add
 * whose blob is still waiting to upload; everything after it waits too (order is the
 * contract). The upload loop asks for a sync after each upload, which lets it through.
 * An attachment that can never upload (failed, or its bytes are gone) is let through: the
 * server refuses it and the agent sees that refusal, instead of an outbox stuck forever.
 */
export async function holdBackUnuploaded(db: MesaDb, batch: readonly OutboxEntry[]): Promise<OutboxEntry[]> {
  for (let i = 0; i < batch.length; i++) {
    const entry = batch[i]!;
    if (entry.type !== 'attachment.add') continue;
    const sha256 = (entry.args as { sha256?: unknown }).sha256;
    if (typeof sha256 !== 'string') continue;
    const rows = (await db.attachments.where('sha256').equals(sha256).toArray()) as AttachmentUploadRow[];
    const uploaded = rows.some((row) => row.uploaded === 1);
    const waiting = rows.some((row) => row.uploaded === 0 && row.blob !== null && !row.uploadError);
    if (!uploaded && waiting) return batch.slice(0, i);
  }
  return [...batch];
}
