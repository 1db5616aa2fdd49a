import type { CachedAttachment } from '../data/db';
import type { UploadFailure } from './upload-queue';

/**
 * What this console keeps on a cached attachment row beyond the entity: neither is sent to the
 * server nor comes from it. `uploadError`: why the bytes can never upload (the upload queue sets
 * it). `sourcePath`: where a dropped file came from on this computer (Electron only: the
 * preload reads it; the browser host has no paths).
 */
export interface LocalAttachmentFields {
  uploadError?: UploadFailure | null;
  sourcePath?: string | null;
}
export type LocalAttachmentRow = CachedAttachment & LocalAttachmentFields;

/** The stored failure, if it has the shape the upload queue writes (rows outlive builds). */
export function uploadFailureOf(attachment: CachedAttachment): UploadFailure | null {
  const failure = (attachment as LocalAttachmentRow).uploadError;
  if (!failure || typeof failure !== 'object') return null;
  return typeof failure.code === 'string' && typeof failure.message === 'string' ? failure : null;
}

export function sourcePathOf(attachment: CachedAttachment): string | null {
  const path = (attachment as LocalAttachmentRow).sourcePath;
  return typeof path === 'string' && path !== '' ? path : null;
}
