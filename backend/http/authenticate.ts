import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Agent } from '../../shared/index';
import type { Services } from '../services';
import { HttpError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    agent: Agent | null;
  }
}

/**
 * The bearer token of a request, from the Authorization header only: a token in a URL
 * ends up in proxy and server logs and in browser history.
 */
export function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}

/** preHandler: a signed-in, active agent or 401. */
export function requireAgent(services: Services) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const token = bearerToken(request);
    if (!token)
      throw new HttpError(
        401,
        'unauthorized',
        'Sign in first: this needs an "Authorization: Bearer <token>" header.',
      );
    const agent = await services.tokens.authenticate(token);
    if (!agent)
      throw new HttpError(401, 'unauthorized', 'The session has expired or was signed out; sign in again.');
    request.agent = agent;
  };
}

export function signedInAgent(request: FastifyRequest): Agent {
  if (!request.agent) throw new HttpError(401, 'unauthorized', 'Sign in first.');
  return request.agent;
}
