import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, loginRequestSchema, loginResponseSchema } from '../../shared/index';
import { burnPasswordCheck, verifyPassword } from '../auth/passwords';
import type { Services } from '../services';
import { findAgentByEmail } from '../storage/agent-rows';
import { bearerToken, requireAgent } from './authenticate';
import { HttpError } from './errors';
import { rateLimited } from './rate-limit';

const BAD_CREDENTIALS = 'The email or password is not right.';

/** Key for the login limit: one address trying one account. Runs after body parsing (preHandler hook). */
function loginKey(request: FastifyRequest): string {
  const email = (request.body as { email?: unknown } | undefined)?.email;
  return `login:${request.ip}:${typeof email === 'string' ? email.trim().toLowerCase() : ''}`;
}

export function registerAuth(app: FastifyInstance, services: Services): void {
  const { loginRateLimit } = services.config;
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/auth/login',
    {
      schema: {
        summary: 'Sign in',
        tags: ['auth'],
        body: loginRequestSchema,
        response: { 200: loginResponseSchema, 401: apiErrorSchema, 429: apiErrorSchema },
      },
      config: {
        rateLimit: rateLimited(
          loginRateLimit,
          loginKey,
          'Too many sign-in attempts; wait a minute and try again.',
        ),
      },
    },
    async (request) => {
      const { email, password } = request.body;
      const record = await findAgentByEmail(services.database.db, email);
      if (!record?.passwordHash) {
        await burnPasswordCheck(password);
        throw new HttpError(401, 'invalid_credentials', BAD_CREDENTIALS);
      }
      const ok = await verifyPassword(password, record.passwordHash);
      if (!ok || !record.agent.active)
        throw new HttpError(
          401,
          'invalid_credentials',
          ok ? 'This account is deactivated.' : BAD_CREDENTIALS,
        );
      const { token } = await services.tokens.issue(record.agent.id);
      const { id, name, role } = record.agent;
      return { token, agent: { id, name, email: record.agent.email, role } };
    },
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/auth/logout',
    {
      schema: {
        summary: 'Sign out (revokes the token)',
        tags: ['auth'],
        response: { 200: z.object({ ok: z.literal(true) }), 401: apiErrorSchema },
      },
      preHandler: requireAgent(services),
    },
    async (request) => {
      await services.tokens.revoke(bearerToken(request) ?? '');
      return { ok: true as const };
    },
  );
}
