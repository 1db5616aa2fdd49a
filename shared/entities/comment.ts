import { z } from 'zod';
import { LIMITS, isoDateTimeSchema, sha256Schema, textSchema, uuidSchema } from './primitives';

export const commentVisibilitySchema = z.enum(['public', 'internal']);
export type CommentVisibility = z.infer<typeof commentVisibilitySchema>;

/** How a requester's words reached us. */
export const requesterChannelSchema = z.enum(['email', 'page']);
export type RequesterChannel = z.infer<typeof requesterChannelSchema>;

export const mailDeliverySchema = z.object({
  status: z.enum(['queued', 'sent', 'failed']),
  /** The mail server's words: why it failed, or why it is being retried. */
  reason: z.string().max(500).optional(),
  at: isoDateTimeSchema.optional(),
});
export type MailDelivery = z.infer<typeof mailDeliverySchema>;

export const commentSchema = z.object({
  id: uuidSchema,
  ticketId: uuidSchema,
  /** The agent who wrote it; null when the requester wrote it (portal, email). */
  authorId: uuidSchema.nullable(),
  authorName: z.string(),
  body: textSchema(LIMITS.bodyMaxChars),
  visibility: commentVisibilitySchema,
  attachments: z.array(sha256Schema).max(LIMITS.attachmentsPerComment),
  /** When the agent wrote it, possibly offline, as the client said. */
  writtenAt: isoDateTimeSchema,
  /** When the server accepted it. */
  createdAt: isoDateTimeSchema,
  /** Set on a requester's comment: by email or on the requester's page. */
  channel: requesterChannelSchema.optional(),
  /** Set on an agent's public reply: whether its mail to the requester went out. */
  delivery: mailDeliverySchema.optional(),
});
export type Comment = z.infer<typeof commentSchema>;
