import { z } from 'zod';

/** Limits shared by the backend, the IPC bridge and the renderer: one definition, three users. */
export const LIMITS = {
  titleMax: 200,
  /** 100 KB of text: generous for logs pasted into a description, bounded for sync. */
  bodyMaxChars: 100_000,
  nameMax: 120,
  emailMax: 254,
  phoneMax: 40,
  categoryMax: 60,
  tagMax: 40,
  tagsMax: 20,
  reasonMax: 2_000,
  fileNameMax: 255,
  attachmentsPerComment: 10,
  /** Default upload size limit; the backend may configure its own. */
  attachmentMaxBytes: 25 * 1024 * 1024,
  mutationsPerPush: 500,
  pullPageMax: 1_000,
} as const;

export const uuidSchema = z.uuid({ message: 'must be a UUID' });
export const isoDateTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' });
export const sha256Schema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, { message: 'must be a lowercase hex SHA-256 digest' });

/** A non-blank line of text, trimmed. */
export const lineSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { message: 'must not be blank' })
    .max(max, { message: `must be at most ${max} characters` });

export const textSchema = (max: number) =>
  z.string().max(max, { message: `must be at most ${max} characters` });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.emailMax)
  .pipe(z.email({ message: 'must be a valid email address' }));

export const impactSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const urgencySchema = impactSchema;
export const prioritySchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);

export const ticketStatusSchema = z.enum([
  'new',
  'assigned',
  'in_progress',
  'pending',
  'resolved',
  'closed',
  'cancelled',
]);

export const categorySlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.categoryMax)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, { message: 'must be a lowercase slug (letters, digits, - and _)' });

export const tagSchema = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.tagMax)
  .regex(/^[^\s,]+$/u, { message: 'a tag is one word without commas' });
