import { z } from 'zod';
import { LIMITS, emailSchema, uuidSchema } from '../entities/primitives';
import { agentRoleSchema } from '../entities/agent';
import { mutationEnvelopeSchema } from './mutations';

/** Entities that travel in the change feed. */
export const SYNC_ENTITIES = [
  'ticket',
  'comment',
  'attachment',
  'agent',
  'team',
  'sla_policy',
  'category',
  'macro',
] as const;
export const syncEntitySchema = z.enum(SYNC_ENTITIES);
export type SyncEntity = z.infer<typeof syncEntitySchema>;

/** One numbered change (docs/sync-protocol.md). `data` is the whole entity after the change, for upserts. */
export const changeSchema = z.object({
  seq: z.number().int().positive(),
  entity: syncEntitySchema,
  id: z.string(),
  op: z.enum(['upsert', 'delete']),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type Change = z.infer<typeof changeSchema>;

export const pullQuerySchema = z.object({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(LIMITS.pullPageMax).default(500),
});
export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int().min(0),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const pushRequestSchema = z.object({
  clientId: z.string().min(1).max(100),
  mutations: z.array(mutationEnvelopeSchema).max(LIMITS.mutationsPerPush),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/** Why the server refused a mutation: the transition codes of checkTransition plus these. */
export const REJECTION_CODES = [
  'same_status',
  'invalid_transition',
  'assignee_required',
  'resolution_required',
  'pending_reason_required',
  'cancel_reason_required',
  'reopen_window_expired',
  'unknown_type',
  'validation_failed',
  'not_found',
  'forbidden',
  'already_exists',
  'feedback_not_allowed',
  'feedback_already_given',
  /** Only the requester rates a ticket (the signed link); an agent's rating would use up theirs. */
  'feedback_requester_only',
  'assignee_unavailable',
  'attachment_missing',
  'conflict',
  'ticket_closed',
  'rate_limited',
  /** The server failed applying this one mutation; it was undone alone and is recorded as refused. */
  'server_error',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export const mutationResultSchema = z.object({
  id: z.string(),
  status: z.enum(['applied', 'rejected']),
  code: z.string().optional(),
  message: z.string().optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;
export const pushResponseSchema = z.object({ results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, { message: 'must not be empty' }).max(200),
});
export const sessionAgentSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  email: z.string(),
  role: agentRoleSchema,
});
export type SessionAgent = z.infer<typeof sessionAgentSchema>;
export const loginResponseSchema = z.object({ token: z.string(), agent: sessionAgentSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const apiErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const eventsCursorSchema = z.object({ cursor: z.number().int().min(0) });
/**
 * A `changes` event may carry the pull page after `after` (what GET /sync/pull?cursor=after
 * would answer), so a console at that cursor need not ask for it. Without both fields it is
 * only the cursor.
 */
export const eventsChangesSchema = eventsCursorSchema.extend({
  after: z.number().int().min(0).optional(),
  page: pullResponseSchema.optional(),
});
export type EventsChanges = z.infer<typeof eventsChangesSchema>;
