import type { TFunction } from 'i18next';
import { LIMITS } from '../../shared/index';
import { limitText } from './attachment-limits';
import type { UploadFailure } from './upload-queue';

/**
 * Why an attachment will never upload, in words the agent can act on. Only permanent failures
 * are stored (upload-queue.ts): too large, or refused by the server; the server's own message
 * (English, technical) is kept as the detail, shown as text.
 */
export function uploadFailureText(t: TFunction, fileName: string, failure: UploadFailure): string {
  const reason = failure.message.trim() || failure.code;
  switch (failure.code) {
    case 'too_large':
      return t('attachments.failure.too_large', {
        name: fileName,
        limit: limitText(LIMITS.attachmentMaxBytes),
      });
    case 'rejected':
    case 'invalid_request':
      return t('attachments.failure.rejected', { name: fileName, reason });
    default:
      return t('attachments.failure.other', { name: fileName, reason });
  }
}
