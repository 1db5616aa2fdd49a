import type { FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { HttpError } from './errors';

/** Route options for @fastify/rate-limit that answer 429 in the API's error shape. */
export function rateLimited(
  limit: { max: number; windowMs: number },
  keyGenerator: (request: FastifyRequest) => string,
  message: string,
): RateLimitOptions {
  return {
    max: limit.max,
    timeWindow: limit.windowMs,
    // After parsing, so a key may use the body (the email being tried).
    hook: 'preHandler',
    keyGenerator,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `${message} (retry in ${context.after})`),
  };
}
