import { z } from 'zod';
import {
  LIMITS,
  categorySlugSchema,
  emailSchema,
  impactSchema,
  isoDateTimeSchema,
  lineSchema,
  prioritySchema,
  tagSchema,
  textSchema,
  ticketStatusSchema,
  urgencySchema,
  uuidSchema,
} from './primitives';

export const requesterSchema = z.object({
  name: lineSchema(LIMITS.nameMax),
  email: emailSchema,
  phone: z.string().trim().max(LIMITS.phoneMax).optional(),
});
export type Requester = z.infer<typeof requesterSchema>;

export const ticketChannelSchema = z.enum(['phone', 'email', 'portal', 'walk_in', 'chat', 'console']);
export type TicketChannel = z.infer<typeof ticketChannelSchema>;

export const resolutionCodeSchema = z.enum([
  'solved',
  'workaround',
  'not_reproducible',
  'duplicate',
  'user_error',
  'hardware_replaced',
  'configuration_change',
  'other',
]);
export type ResolutionCode = z.infer<typeof resolutionCodeSchema>;

export const slaClockSchema = z.object({
  status: z.enum(['running', 'paused', 'stopped']),
  health: z.enum(['ok', 'warning', 'breached']),
  targetMinutes: z.number(),
  elapsedMinutes: z.number(),
  remainingMinutes: z.number(),
  dueAt: isoDateTimeSchema.nullable(),
  /** When a running clock reaches the policy's warning fraction; absent in data stored before it was sent. */
  warnAt: isoDateTimeSchema.nullable().optional(),
});
export type SlaClockWire = z.infer<typeof slaClockSchema>;

export const ticketSlaSchema = z.object({
  firstResponse: slaClockSchema,
  resolution: slaClockSchema,
  /** The `now` the clocks were evaluated at: their health is as of then. Absent in data stored before it was sent. */
  evaluatedAt: isoDateTimeSchema.optional(),
});
export type TicketSlaWire = z.infer<typeof ticketSlaSchema>;

export const statusChangeSchema = z.object({ at: isoDateTimeSchema, status: ticketStatusSchema });

export const feedbackSchema = z.object({
  rating: z.number().int().min(1).max(5),
  comment: textSchema(LIMITS.reasonMax).optional(),
  at: isoDateTimeSchema,
});
export type Feedback = z.infer<typeof feedbackSchema>;

/** One line of the audit trail: who changed what and when. `changes` maps a field to [before, after]. */
export const auditEntrySchema = z.object({
  at: isoDateTimeSchema,
  actorId: uuidSchema.nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** A ticket as the backend sends it in a pull (docs/sync-protocol.md) and as the console caches it. */
export const ticketSchema = z.object({
  id: uuidSchema,
  /** Given by the server (INC-1042); null while the ticket exists only on this laptop. */
  number: z.string().nullable(),
  title: lineSchema(LIMITS.titleMax),
  description: textSchema(LIMITS.bodyMaxChars),
  category: categorySlugSchema,
  impact: impactSchema,
  urgency: urgencySchema,
  priority: prioritySchema,
  status: ticketStatusSchema,
  assigneeId: uuidSchema.nullable(),
  teamId: uuidSchema.nullable(),
  requester: requesterSchema,
  channel: ticketChannelSchema,
  tags: z.array(tagSchema).max(LIMITS.tagsMax),
  createdAt: isoDateTimeSchema,
  updatedAt: isoDateTimeSchema,
  firstResponseAt: isoDateTimeSchema.nullable(),
  resolvedAt: isoDateTimeSchema.nullable(),
  closedAt: isoDateTimeSchema.nullable(),
  resolutionNote: z.string().nullable(),
  resolutionCode: resolutionCodeSchema.nullable(),
  pendingReason: z.string().nullable(),
  cancelReason: z.string().nullable(),
  feedback: feedbackSchema.nullable(),
  slaPolicyId: z.string().nullable(),
  /** Chronological; the first entry is the status at creation. Lets the console run the SLA clocks offline. */
  statusHistory: z.array(statusChangeSchema),
  sla: ticketSlaSchema.nullable(),
  audit: z.array(auditEntrySchema),
});
export type Ticket = z.infer<typeof ticketSchema>;
