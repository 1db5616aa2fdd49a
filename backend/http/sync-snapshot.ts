import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  apiErrorSchema,
  snapshotQuerySchema,
  snapshotResponseSchema,
  type SnapshotPosition,
  type SnapshotResponse,
} from '../../shared/index';
import type { Services } from '../services';
import { readAheadKey, SnapshotReadAhead } from '../sync/snapshot-read-ahead';
import {
  decodeSnapshotCursor,
  encodeSnapshotCursor,
  snapshotBody,
  snapshotPage,
} from '../sync/snapshot-service';
import { requireAgent, signedInAgent } from './authenticate';
import { HttpError } from './errors';

/** A page held is ~1–2 MB at the default limit; a console takes its next page within seconds. */
const READ_AHEAD = { capacity: 16, ttlMs: 30_000 };

/** A page ready to send: its bytes, and where it leaves the snapshot. */
interface Answer {
  position: SnapshotPosition;
  body: Buffer;
}

export function registerSyncSnapshot(app: FastifyInstance, services: Services): void {
  const readAhead = new SnapshotReadAhead<Answer>(READ_AHEAD);
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
      const agent = signedInAgent(request);
      const read = async (from: SnapshotPosition | null): Promise<Answer | null> => {
        const page = await snapshotPage(services.database, agent, from, limit);
        return page && { position: page.position, body: snapshotBody(page) };
      };
      const from = cursor === undefined ? null : decodeSnapshotCursor(cursor);
      let answer: Answer | null = null;
      if (cursor === undefined) answer = await read(null);
      else if (from)
        answer = (await readAhead.take(readAheadKey(agent.id, cursor, limit))) ?? (await read(from));
      if (!answer)
        throw new HttpError(
          400,
          'invalid_cursor',
          'This snapshot cursor was not given out by this server: start the snapshot again without one.',
        );
      const { position } = answer;
      if (position.phase !== 'done') {
        // Once this page has left for the socket, so that reading the next does not hold it up.
        reply.raw.once('finish', () =>
          readAhead.prepare(readAheadKey(agent.id, encodeSnapshotCursor(position), limit), () =>
            read(position),
          ),
        );
      }
      return reply.type('application/json; charset=utf-8').send(answer.body as unknown as SnapshotResponse);
    },
  );
}
