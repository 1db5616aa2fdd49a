import type { FastifyInstance } from 'fastify';
import { Readable } from 'node:stream';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, sha256Schema } from '../../shared/index';
import { isImage } from '../attachments/sniff-content-type';
import { checkDeclaredLength } from '../attachments/upload-receiver';
import type { Services } from '../services';
import { requireAgent } from './authenticate';
import { HttpError } from './errors';
import { rateLimited } from './rate-limit';

const params = z.object({ sha256: sha256Schema });
const uploaded = z.object({ sha256: sha256Schema, size: z.number().int(), contentType: z.string() });

/** Uploads by content hash (idempotent, so a retried upload is harmless) and downloads, both for signed-in agents. */
export function registerAttachments(app: FastifyInstance, services: Services): void {
  void app.register(async (scoped) => {
    // Raw bytes whatever the Content-Type says, even application/json: only here. The body
    // is handed on unread, so the handler streams it to disk instead of buffering it.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser('*', (_request, body, done) => done(null, body));

    scoped.withTypeProvider<ZodTypeProvider>().put(
      '/api/v1/attachments/:sha256',
      {
        schema: {
          summary: 'Upload a file by its SHA-256 (raw body)',
          tags: ['attachments'],
          params,
          description: `Needs a signed-in agent's token. At most ${services.blobs.maxBytes} bytes; rate-limited per agent.`,
          security: [{ bearer: [] }],
          response: {
            201: uploaded,
            400: apiErrorSchema,
            401: apiErrorSchema,
            413: apiErrorSchema,
            429: apiErrorSchema,
          },
        },
        // Before the body is read: a stranger's upload costs no disk and no memory.
        onRequest: [
          requireAgent(services),
          async (request) => checkDeclaredLength(request.headers['content-length'], services.blobs.maxBytes),
        ],
        // A refused upload may still be sending: close the connection rather than read
        // (or wait on) the rest of a body nobody will keep.
        onSend: async (_request, reply, payload) => {
          if (reply.statusCode !== 201) void reply.header('connection', 'close');
          return payload;
        },
        config: {
          rateLimit: rateLimited(
            services.config.uploadRateLimit,
            (request) => `upload:${request.agent?.id ?? request.ip}`,
            'Too many uploads; wait a minute and try again.',
          ),
        },
      },
      async (request, reply) => {
        const body = request.body instanceof Readable ? request.body : Readable.from([]);
        const info = await services.blobs.put(request.params.sha256, body);
        return reply.code(201).send(info);
      },
    );

    scoped.withTypeProvider<ZodTypeProvider>().get(
      '/api/v1/attachments/:sha256',
      {
        schema: {
          summary: 'Download a file',
          description:
            'The bytes, with the type sniffed at upload. 401 without a valid token, 404 if never uploaded.',
          tags: ['attachments'],
          params,
          security: [{ bearer: [] }],
        },
        preHandler: requireAgent(services),
      },
      async (request, reply) => {
        const blob = await services.blobs.get(request.params.sha256);
        if (!blob) throw new HttpError(404, 'not_found', 'No file with that hash has been uploaded.');
        const { contentType, size, sha256 } = blob.info;
        void reply
          .type(contentType)
          .header('content-length', size)
          .header('x-content-type-options', 'nosniff')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .header('cache-control', 'private, max-age=31536000, immutable')
          .header(
            'content-disposition',
            isImage(contentType) ? 'inline' : `attachment; filename="${sha256}"`,
          );
        return reply.send(blob.stream);
      },
    );
  });
}
