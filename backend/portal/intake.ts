import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  LIMITS,
  categorySlugSchema,
  emailSchema,
  impactSchema,
  lineSchema,
  textSchema,
  urgencySchema,
  type Category,
  type Mutation,
} from '../../shared/index';
import { HttpError } from '../http/errors';
import type { Lang } from './html';
import type { Services } from '../services';
import { listReference } from '../storage/reference-rows';
import { findTicket } from '../storage/ticket-rows';
import type { RequestFormField } from './request-form-errors';

/** A request the rules refused because of one field the requester can correct. */
export class IntakeFieldError extends HttpError {
  constructor(
    readonly field: RequestFormField,
    message: string,
  ) {
    super(400, 'validation_failed', message);
  }
}

const blankToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * What a requester sends from the portal. Form posts carry strings, so impact and urgency
 * are coerced; JSON clients send numbers.
 */
export const intakeRequestSchema = z.object({
  name: lineSchema(LIMITS.nameMax),
  email: emailSchema,
  phone: z.preprocess(blankToUndefined, z.string().trim().max(LIMITS.phoneMax).optional()),
  title: lineSchema(LIMITS.titleMax),
  description: textSchema(LIMITS.bodyMaxChars).pipe(
    z.string().trim().min(1, { message: 'must not be blank' }),
  ),
  category: categorySlugSchema,
  /** How many people are affected: 1 = many / a whole service, 3 = only me. */
  impact: z.coerce.number().pipe(impactSchema),
  /** How much it blocks the requester's work: 1 = cannot work, 3 = can work normally. */
  urgency: z.coerce.number().pipe(urgencySchema),
});
export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

export const intakeResponseSchema = z.object({ ticketId: z.string(), number: z.string() });

export async function activeCategories(services: Services): Promise<Category[]> {
  const all = await listReference<Category>(services.database.db, 'categories');
  return all.filter((c) => c.active).sort((a, b) => a.id.localeCompare(b.id));
}

/** Creates the requester's ticket through the same path as every other mutation. */
export async function submitRequest(
  services: Services,
  input: IntakeRequest,
  lang?: Lang,
): Promise<{ ticketId: string; number: string }> {
  const categories = await activeCategories(services);
  if (!categories.some((c) => c.id === input.category)) {
    throw new IntakeFieldError('category', `category: unknown category "${input.category}"`);
  }
  const ticketId = uuidv7();
  const mutation: Mutation = {
    id: uuidv7(),
    type: 'ticket.create',
    args: {
      ticketId,
      title: input.title,
      description: input.description,
      category: input.category,
      impact: input.impact,
      urgency: input.urgency,
      requester: { name: input.name, email: input.email, ...(input.phone ? { phone: input.phone } : {}) },
      channel: 'portal',
    },
  };
  const result = await services.push.applyAs(
    { kind: 'requester', name: input.name },
    mutation,
    'portal',
    lang ? { lang } : undefined,
  );
  if (result.status !== 'applied')
    throw new HttpError(400, result.code ?? 'rejected', result.message ?? 'The request was refused.');
  const ticket = await findTicket(services.database.db, ticketId);
  return { ticketId, number: ticket?.number ?? '' };
}
