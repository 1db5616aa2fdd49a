import { v7 as uuidv7 } from 'uuid';
import type { MesaDb } from '../data/db';
import { performMutation } from '../sync/perform-mutation';
import { checkAttachments, type AttachmentProblem, type CandidateFile } from './attachment-limits';
import { sha256Hex } from './hash';
import type { LocalAttachmentRow } from './local-attachment-fields';

/**
 * Attaching files to a ticket, offline or not: each accepted file's bytes and its
 * `attachment.add` mutation are written in ONE transaction, so after a crash either the
 * attachment exists with its bytes (and will upload) or not at all. The bytes go first in
 * that transaction because the mutation's rebuild of the ticket keeps the blob it finds
 * (renderer/data/ticket-state.ts). Hashing happens before the transaction: IndexedDB
 * commits a transaction that waits on anything but itself (here, WebCrypto).
 */

export interface AttachResult {
  attached: Array<{ attachmentId: string; sha256: string; fileName: string }>;
  problems: AttachmentProblem[];
  /** A refusal by the shared rules (e.g. the ticket is closed) or storage. */
  refused: { code: string; message: string } | null;
}

export interface AttachOptions {
  db: MesaDb;
  now?: Date;
  /** Where dropped files came from on disk (Electron only), by the File the page holds. */
  sourcePaths?: ReadonlyMap<object, string>;
}

/** Attachments of this ticket not yet accepted by the server: they share the per-comment limit. */
async function waitingCount(db: MesaDb, ticketId: string): Promise<number> {
  return db.attachments
    .where('ticketId')
    .equals(ticketId)
    .filter((a) => a.confirmed === 0)
    .count();
}

export async function attachFiles(
  ticketId: string,
  files: readonly (CandidateFile & Blob)[],
  options: AttachOptions,
): Promise<AttachResult> {
  const { db } = options;
  const now = options.now ?? new Date();
  const check = checkAttachments(files, await waitingCount(db, ticketId), now);
  const result: AttachResult = { attached: [], problems: check.problems, refused: null };

  for (const { file, contentType, fileName } of check.accepted) {
    const sha256 = await sha256Hex(file);
    // A Blob of our own, with the normalised type: a File keeps a reference to its origin (a path, a clipboard item).
    const blob = new Blob([file], { type: contentType });
    const attachmentId = uuidv7();
    const outcome = await db
      .transaction('rw', db.tables, async () => {
        const alreadyUploaded =
          (await db.attachments
            .where('sha256')
            .equals(sha256)
            .filter((a) => a.uploaded === 1)
            .count()) > 0;
        const sourcePath = options.sourcePaths?.get(file);
        // The path rides with the bytes: a rebuild of the ticket keeps a row's local fields (ticket-state.ts).
        const row: LocalAttachmentRow = {
          id: attachmentId,
          ticketId,
          commentId: null,
          sha256,
          fileName,
          contentType,
          size: blob.size,
          uploadedById: null,
          createdAt: now.toISOString(),
          blob,
          uploaded: alreadyUploaded ? 1 : 0,
          confirmed: 0,
          ...(sourcePath ? { sourcePath } : {}),
        };
        await db.attachments.put(row);
        const performed = await performMutation(
          'attachment.add',
          { attachmentId, ticketId, sha256, fileName, contentType, size: blob.size },
          { db, now },
        );
        // Refused: throwing rolls the bytes back with the (unwritten) mutation.
        if (!performed.ok) throw new AttachRefused(performed.code, performed.message);
        return performed;
      })
      .catch((error: unknown) => {
        if (error instanceof AttachRefused)
          return { ok: false as const, code: error.code, message: error.message };
        throw error;
      });
    if (!outcome.ok) {
      result.refused = { code: outcome.code, message: outcome.message };
      break;
    }
    result.attached.push({ attachmentId, sha256, fileName });
  }
  return result;
}

class AttachRefused extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
