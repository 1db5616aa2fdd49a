import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema, pullQuerySchema, pullResponseSchema, type PullResponse } from '../../shared/index';
import type { Services } from '../services';
import { requireAgent } from './authenticate';

export function registerSyncPull(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/sync/pull',
    {
      schema: {
        summary: 'Changes after a cursor, in sequence order',
        tags: ['sync'],
        querystring: pullQuerySchema,
        // Documented, not serialized by the schema: the page is assembled from stored JSON text.
        response: { 200: pullResponseSchema, 401: apiErrorSchema },
        security: [{ bearer: [] }],
      },
      preHandler: requireAgent(services),
    },
    async (request, reply) => {
      const body = await services.pages.page(request.query.cursor, request.query.limit);
      // Already JSON bytes: Fastify sends a Buffer as it is.
      return reply.type('application/json; charset=utf-8').send(body as unknown as PullResponse);
    },
  );
}
