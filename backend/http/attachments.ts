import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, sha256Schema } from '../../shared/index';
import { isImage } from '../attachments/sniff-content-type';
import type { Services } from '../services';
import { requireAgent } from './authenticate';
import { HttpError } from './errors';

const params = z.object({ sha256: sha256Schema });
const uploaded = z.object({ sha256: sha256Schema, size: z.number().int(), contentType: z.string() });

/** Uploads by content hash (idempotent, so a retried upload is harmless) and downloads for signed-in agents. */
export function registerAttachments(app: FastifyInstance, services: Services): void {
  void app.register(async (scoped) => {
    // Raw bytes whatever the Content-Type says, even application/json: only here.
    scoped.removeAllContentTypeParsers();
    scoped.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: services.blobs.maxBytes },
      (_request, body, done) => done(null, body),
    );

    scoped.withTypeProvider<ZodTypeProvider>().put(
      '/api/v1/attachments/:sha256',
      {
        bodyLimit: services.blobs.maxBytes,
        schema: {
          summary: 'Upload a file by its SHA-256 (raw body)',
          tags: ['attachments'],
          params,
          description:
            'CONTRACT §2 lists no token for uploads, so none is required; a token that is sent must be valid. Reading needs one.',
          response: { 201: uploaded, 400: apiErrorSchema, 401: apiErrorSchema, 413: apiErrorSchema },
        },
        preHandler: async (request, reply) => {
          if (request.headers.authorization !== undefined) await requireAgent(services)(request, reply);
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (!Buffer.isBuffer(body))
          throw new HttpError(400, 'bad_request', 'Send the file as the raw request body.');
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
        return reply.send(blob.stream());
      },
    );
  });
}
