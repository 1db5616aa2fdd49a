import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  MUTATION_TYPES,
  REJECTION_CODES,
  apiErrorSchema,
  pushRequestSchema,
  pushResponseSchema,
  type PushResponse,
} from '../../shared/index';
import type { Services } from '../services';
import { requireAgent, signedInAgent } from './authenticate';
import { rateLimited } from './rate-limit';

export function registerSyncPush(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/sync/push',
    {
      schema: {
        summary: 'Apply mutations in order, exactly once per id',
        description: `One result per mutation, in order. A malformed envelope refuses the whole request (400); a bad mutation is rejected alone. Types: ${MUTATION_TYPES.join(', ')}. Rejection codes: ${REJECTION_CODES.join(', ')}.`,
        tags: ['sync'],
        body: pushRequestSchema,
        response: { 200: pushResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema, 429: apiErrorSchema },
        security: [{ bearer: [] }],
      },
      // Before the body is parsed, and before the limit below, which counts per agent.
      onRequest: requireAgent(services),
      config: {
        // Per agent, so a runaway loop in one console is held back and every other agent keeps pushing.
        rateLimit: rateLimited(
          services.config.pushRateLimit,
          (request) => `push:${request.agent?.id ?? request.ip}`,
          'Too many pushes from this agent; wait and try again.',
        ),
      },
    },
    async (request, reply) => {
      const agent = signedInAgent(request);
      const actor = { kind: 'agent' as const, id: agent.id, name: agent.name, role: agent.role };
      const body: PushResponse = {
        results: await services.push.push(actor, request.body.clientId, request.body.mutations),
      };
      // Serialized here, not by the route's response schema: the results are the server's own,
      // typed as the schema, and checking 100 of them again is a measurable share of a push
      // (bench/README.md). A JSON string with a JSON content type is sent as it is.
      return reply
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(body) as unknown as PushResponse);
    },
  );
}
