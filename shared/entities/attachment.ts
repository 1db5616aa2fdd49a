import { z } from 'zod';
import { LIMITS, isoDateTimeSchema, sha256Schema, uuidSchema } from './primitives';

/** Screenshots and documents agents attach. Content types the console and backend accept. */
export const ATTACHMENT_CONTENT_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'application/zip',
  'application/octet-stream',
] as const;
export const attachmentContentTypeSchema = z.enum(ATTACHMENT_CONTENT_TYPES);

export const fileNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.fileNameMax)
  // Path separators and control characters never belong in a displayed or stored file name.
  .refine((name) => !/[/\\]/.test(name) && ![...name].some((ch) => ch.charCodeAt(0) < 0x20), {
    message: 'must be a plain file name',
  });

/** The link between a ticket and a stored blob. The bytes live under their SHA-256. */
export const attachmentSchema = z.object({
  id: uuidSchema,
  ticketId: uuidSchema,
  commentId: uuidSchema.nullable(),
  sha256: sha256Schema,
  fileName: fileNameSchema,
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  uploadedById: uuidSchema.nullable(),
  createdAt: isoDateTimeSchema,
});
export type Attachment = z.infer<typeof attachmentSchema>;
