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

const THROTTLED = {
  address: 'Too many failed sign-ins from this address; wait and try again.',
  account: 'Too many failed sign-ins to this account; wait and try again.',
};

/**
 * The active agent these credentials sign in, else undefined. A deactivated account
 * answers like a wrong password, so the answer never confirms a guessed password, and an
 * unknown email costs the same hashing as a known one.
 */
async function checkCredentials(services: Services, email: string, password: string) {
  const record = await findAgentByEmail(services.database.db, email);
  if (!record?.passwordHash) {
    await burnPasswordCheck(password);
    return undefined;
  }
  const ok = await verifyPassword(password, record.passwordHash);
  return ok && record.agent.active ? record.agent : undefined;
}

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
    async (request, reply) => {
      const { email, password } = request.body;
      const account = email.trim().toLowerCase();
      const now = () => services.clock().getTime();
      const throttle = services.loginThrottle;
      const decision = throttle.check(request.ip, account, now());
      if (!decision.allowed) {
        const seconds = Math.ceil(decision.retryAfterMs / 1000);
        void reply.header('retry-after', String(seconds));
        throw new HttpError(429, 'rate_limited', `${THROTTLED[decision.scope]} (retry in ${seconds} s)`);
      }
      const agent = await checkCredentials(services, email, password);
      if (!agent) {
        throttle.failed(request.ip, account, now());
        throw new HttpError(401, 'invalid_credentials', BAD_CREDENTIALS);
      }
      throttle.succeeded(request.ip, account, now());
      const { token } = await services.tokens.issue(agent.id);
      return { token, agent: { id: agent.id, name: agent.name, email: agent.email, role: agent.role } };
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
