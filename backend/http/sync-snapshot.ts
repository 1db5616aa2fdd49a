import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  snapshotQuerySchema,
  snapshotResponseSchema,
  type SnapshotResponse,
} from '../../shared/index';
import type { Services } from '../services';
import { decodeSnapshotCursor, snapshotBody, snapshotPage } from '../sync/snapshot-service';
import { requireAgent, signedInAgent } from './authenticate';
import { HttpError } from './errors';

export function registerSyncSnapshot(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/sync/snapshot',
    {
      schema: {
        summary:
          'The first sign-in: every row as of one change number, reference data and open tickets first',
        description:
          'Pages of rows as of `asOf`, resumable by `cursor`. Once `hasMore` is false, pull changes after `asOf`: ' +
          'rows changed during the snapshot arrive that way, never as an older copy here.',
        tags: ['sync'],
        querystring: snapshotQuerySchema,
        // Documented, not serialized by the schema: the page is assembled from stored JSON text.
        response: { 200: snapshotResponseSchema, 400: apiErrorSchema, 401: apiErrorSchema },
        security: [{ bearer: [] }],
      },
      preHandler: requireAgent(services),
    },
    async (request, reply) => {
      const { cursor, limit } = request.query;
      const from = cursor === undefined ? null : decodeSnapshotCursor(cursor);
      const page =
        from === null && cursor !== undefined
          ? null
          : await snapshotPage(services.database, signedInAgent(request), from, limit);
      if (!page)
        throw new HttpError(
          400,
          'invalid_cursor',
          'This snapshot cursor was not given out by this server: start the snapshot again without one.',
        );
      return reply
        .type('application/json; charset=utf-8')
        .send(snapshotBody(page) as unknown as SnapshotResponse);
    },
  );
}
