import { z } from 'zod';
import {
  LIMITS,
  categorySlugSchema,
  emailSchema,
  impactSchema,
  isoDateTimeSchema,
  lineSchema,
  sha256Schema,
  tagSchema,
  textSchema,
  ticketStatusSchema,
  urgencySchema,
  uuidSchema,
} from '../entities/primitives';
import { requesterSchema, resolutionCodeSchema, ticketChannelSchema } from '../entities/ticket';
import { commentVisibilitySchema, requesterChannelSchema } from '../entities/comment';
import { agentRoleSchema, categorySchema, macroSchema, presenceSchema, teamSchema } from '../entities/agent';
import { fileNameSchema } from '../entities/attachment';
import { slaPolicySchema } from '../entities/sla-policy';

/**
 * Every mutation the console can push, by name, with its arguments (docs/sync-protocol.md).
 * Mutations carry intents, not whole records, so two agents who change different
 * fields of one ticket both keep their change.
 */
export const mutationArgsSchemas = {
  'ticket.create': z.object({
    ticketId: uuidSchema,
    title: lineSchema(LIMITS.titleMax),
    description: textSchema(LIMITS.bodyMaxChars),
    category: categorySlugSchema,
    impact: impactSchema,
    urgency: urgencySchema,
    requester: requesterSchema,
    channel: ticketChannelSchema.optional(),
    teamId: uuidSchema.nullable().optional(),
    tags: z.array(tagSchema).max(LIMITS.tagsMax).optional(),
  }),
  'ticket.update': z.object({
    ticketId: uuidSchema,
    title: lineSchema(LIMITS.titleMax).optional(),
    description: textSchema(LIMITS.bodyMaxChars).optional(),
    category: categorySlugSchema.optional(),
    impact: impactSchema.optional(),
    urgency: urgencySchema.optional(),
    tags: z.array(tagSchema).max(LIMITS.tagsMax).optional(),
  }),
  'ticket.assign': z.object({
    ticketId: uuidSchema,
    assigneeId: uuidSchema.nullable(),
    teamId: uuidSchema.nullable().optional(),
  }),
  'ticket.transition': z.object({
    ticketId: uuidSchema,
    to: ticketStatusSchema,
    resolutionNote: textSchema(LIMITS.bodyMaxChars).optional(),
    resolutionCode: resolutionCodeSchema.optional(),
    pendingReason: textSchema(LIMITS.reasonMax).optional(),
    cancelReason: textSchema(LIMITS.reasonMax).optional(),
  }),
  'comment.add': z.object({
    ticketId: uuidSchema,
    commentId: uuidSchema,
    body: lineSchema(LIMITS.bodyMaxChars),
    visibility: commentVisibilitySchema,
    attachments: z.array(sha256Schema).max(LIMITS.attachmentsPerComment).optional(),
    /** When the agent wrote it (maybe offline); the server records it beside its own time. */
    writtenAt: isoDateTimeSchema.optional(),
  }),
  /** The requester answers (an email reply or the requester's page); never from the console. */
  'comment.requester_reply': z.object({
    ticketId: uuidSchema,
    commentId: uuidSchema,
    body: lineSchema(LIMITS.bodyMaxChars),
    channel: requesterChannelSchema,
    attachments: z.array(sha256Schema).max(LIMITS.attachmentsPerComment).optional(),
  }),
  'ticket.feedback': z.object({
    ticketId: uuidSchema,
    rating: z.number().int().min(1).max(5),
    comment: textSchema(LIMITS.reasonMax).optional(),
  }),
  'attachment.add': z.object({
    attachmentId: uuidSchema,
    ticketId: uuidSchema,
    commentId: uuidSchema.nullable().optional(),
    sha256: sha256Schema,
    fileName: fileNameSchema,
    contentType: z.string().max(100),
    size: z.number().int().nonnegative(),
  }),
  'agent.set_presence': z.object({ presence: presenceSchema }),
  // Admin only.
  'agent.upsert': z.object({
    agentId: uuidSchema,
    name: lineSchema(LIMITS.nameMax),
    email: emailSchema,
    role: agentRoleSchema,
    teamIds: z.array(uuidSchema).max(50),
    skills: z.array(categorySlugSchema).max(100),
    capacity: z.number().int().min(1).max(1000),
    presence: presenceSchema.optional(),
    active: z.boolean().optional(),
    /** Only when creating the account or resetting it; never echoed back. */
    password: z.string().min(8).max(200).optional(),
  }),
  'team.upsert': teamSchema,
  'category.upsert': categorySchema,
  'sla_policy.upsert': slaPolicySchema,
  'macro.upsert': macroSchema,
} as const;

export type MutationType = keyof typeof mutationArgsSchemas;
export const MUTATION_TYPES = Object.keys(mutationArgsSchemas) as MutationType[];
export const ADMIN_MUTATION_TYPES: readonly MutationType[] = [
  'agent.upsert',
  'team.upsert',
  'category.upsert',
  'sla_policy.upsert',
  'macro.upsert',
];

export type MutationArgs<T extends MutationType> = z.infer<(typeof mutationArgsSchemas)[T]>;

/** A mutation whose args have been checked against its type's schema. */
export type Mutation = { [T in MutationType]: { id: string; type: T; args: MutationArgs<T> } }[MutationType];

/**
 * The envelope as it travels: the batch is accepted if each envelope is well-formed,
 * and each mutation's args are then checked one by one, so one bad mutation is
 * rejected with a reason instead of refusing the whole batch.
 */
export const mutationEnvelopeSchema = z.object({
  id: uuidSchema,
  type: z.string().min(1).max(64),
  args: z.unknown(),
});
export type MutationEnvelope = z.infer<typeof mutationEnvelopeSchema>;

export type ParsedMutation =
  | { ok: true; mutation: Mutation }
  | { ok: false; code: 'unknown_type' | 'validation_failed'; message: string };

export function parseMutation(envelope: MutationEnvelope): ParsedMutation {
  if (!Object.hasOwn(mutationArgsSchemas, envelope.type)) {
    return { ok: false, code: 'unknown_type', message: `Unknown mutation type "${envelope.type}".` };
  }
  const type = envelope.type as MutationType;
  const parsed = mutationArgsSchemas[type].safeParse(envelope.args);
  if (!parsed.success) {
    return { ok: false, code: 'validation_failed', message: describeIssues(parsed.error) };
  }
  return { ok: true, mutation: { id: envelope.id, type, args: parsed.data } as Mutation };
}

/** A short, human message from a zod error: "title: must not be blank; requester.email: must be a valid email address". */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
