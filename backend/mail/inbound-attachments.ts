import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { LIMITS } from '../../shared/index';
import { sniffContentType } from '../attachments/sniff-content-type';
import type { BlobStore } from '../attachments/blob-store';
import { headerText } from './header-safety';
import type { InboundAttachment } from './inbound-parser';

/** What a requester may send us by mail: pictures of the problem and documents. */
const KEPT_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf']);

export interface StoredAttachment {
  sha256: string;
  fileName: string;
  contentType: string;
  size: number;
}

/**
 * Stores a mail's attachments as blobs (by content hash, so a duplicate delivery stores
 * nothing new) and says which were left out and why, so the comment can tell the agent.
 * The type is read from the bytes, never from the mail's claim.
 */
export async function storeInboundAttachments(
  blobs: BlobStore,
  attachments: InboundAttachment[],
): Promise<{ stored: StoredAttachment[]; skipped: string[] }> {
  const stored: StoredAttachment[] = [];
  const skipped: string[] = [];
  for (const attachment of attachments) {
    const fileName =
      headerText(attachment.fileName.replace(/[/\\]/g, '_'), LIMITS.fileNameMax) || 'attachment';
    const contentType = sniffContentType(attachment.content);
    if (!KEPT_TYPES.has(contentType)) skipped.push(`${fileName} (${contentType})`);
    else if (attachment.content.length > blobs.maxBytes)
      skipped.push(`${fileName} (${attachment.content.length} bytes)`);
    else if (stored.length >= LIMITS.attachmentsPerComment) skipped.push(`${fileName} (too many files)`);
    else {
      const sha256 = createHash('sha256').update(attachment.content).digest('hex');
      const info = await blobs.put(sha256, Readable.from([attachment.content]));
      stored.push({ sha256, fileName, contentType: info.contentType, size: info.size });
    }
  }
  return { stored, skipped };
}
