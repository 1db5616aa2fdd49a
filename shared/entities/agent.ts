import { z } from 'zod';
import {
  LIMITS,
  categorySlugSchema,
  emailSchema,
  isoDateTimeSchema,
  lineSchema,
  uuidSchema,
} from './primitives';

export const agentRoleSchema = z.enum(['admin', 'agent']);
export type AgentRole = z.infer<typeof agentRoleSchema>;
export const presenceSchema = z.enum(['online', 'away', 'offline']);
export type Presence = z.infer<typeof presenceSchema>;

/** An agent as every console sees it (never a password or token). */
export const agentSchema = z.object({
  id: uuidSchema,
  name: lineSchema(LIMITS.nameMax),
  email: emailSchema,
  role: agentRoleSchema,
  teamIds: z.array(uuidSchema),
  skills: z.array(categorySlugSchema),
  presence: presenceSchema,
  capacity: z.number().int().min(1).max(1000),
  /** Open tickets assigned (not resolved, closed or cancelled); kept by the server. */
  openTickets: z.number().int().nonnegative(),
  lastAssignedAt: isoDateTimeSchema.nullable(),
  active: z.boolean(),
});
export type Agent = z.infer<typeof agentSchema>;

export const teamSchema = z.object({
  id: uuidSchema,
  name: lineSchema(LIMITS.nameMax),
  slaPolicyId: z.string().nullable(),
});
export type Team = z.infer<typeof teamSchema>;

export const categorySchema = z.object({
  id: categorySlugSchema,
  name: z.object({ es: lineSchema(LIMITS.nameMax), en: lineSchema(LIMITS.nameMax) }),
  defaultTeamId: uuidSchema.nullable(),
  active: z.boolean(),
});
export type Category = z.infer<typeof categorySchema>;

/** Canned replies with placeholders ({{requester.name}}, {{ticket.number}}) that may also set fields. */
export const macroSchema = z.object({
  id: uuidSchema,
  name: lineSchema(LIMITS.nameMax),
  body: z.string().max(LIMITS.bodyMaxChars),
  visibility: z.enum(['public', 'internal']),
  setStatus: z.enum(['in_progress', 'pending', 'resolved']).nullable(),
  setCategory: categorySlugSchema.nullable(),
  active: z.boolean(),
});
export type Macro = z.infer<typeof macroSchema>;
