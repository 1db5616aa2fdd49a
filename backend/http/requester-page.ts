import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorSchema, sha256Schema, uuidSchema } from '../../shared/index';
import { revokePageLinks } from '../mail/ticket-mail-rows';
import { invalidLinkPage, requesterPage } from '../mail/requester-page-view';
import { openRequesterPage, postPageReply } from '../mail/requester-page-service';
import { sendPage, type Lang } from '../portal/html';
import type { Services } from '../services';
import { requireAgent } from './authenticate';
import { rateLimited } from './rate-limit';

const params = z.object({ token: z.string().max(200) });
const fileParams = params.extend({ sha256: sha256Schema });
const replyForm = z.object({ body: z.string().max(200_000).optional() });

const langOf = (request: FastifyRequest, fallback: Lang): Lang => {
  const forced = (request.query as Record<string, unknown> | undefined)?.lang;
  return forced === 'es' || forced === 'en' ? forced : fallback;
};

/** The requester's page, linked from every mail: the public conversation and a reply box. */
export function registerRequesterPage(app: FastifyInstance, services: Services): void {
  const limit = rateLimited(
    services.config.requestsRateLimit,
    (request) => `requester-page:${request.ip}`,
    'Too many requests from this address; try again later.',
  );
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/t/:token',
    { schema: { hide: true, params }, config: { rateLimit: limit } },
    async (request, reply) => {
      const opened = await openRequesterPage(services, request.params.token);
      if (!opened) return sendPage(reply, 404, invalidLinkPage(langOf(request, 'es')));
      return sendPage(reply, 200, requesterPage(langOf(request, opened.lang), opened.view));
    },
  );

  typed.post(
    '/t/:token',
    { schema: { hide: true, params, body: replyForm }, attachValidation: true, config: { rateLimit: limit } },
    async (request, reply) => {
      const opened = await openRequesterPage(services, request.params.token);
      if (!opened) return sendPage(reply, 404, invalidLinkPage(langOf(request, 'es')));
      const lang = langOf(request, opened.lang);
      const notice = request.validationError
        ? 'empty'
        : await postPageReply(services, opened.view.ticket, request.body.body ?? '');
      const fresh = (await openRequesterPage(services, request.params.token)) ?? opened;
      return sendPage(reply, notice === 'sent' ? 200 : 400, requesterPage(lang, fresh.view, notice));
    },
  );

  typed.get(
    '/t/:token/files/:sha256',
    { schema: { hide: true, params: fileParams }, config: { rateLimit: limit } },
    async (request, reply) => {
      const opened = await openRequesterPage(services, request.params.token);
      const file = opened?.view.attachments.find((a) => a.sha256 === request.params.sha256);
      const blob = file ? await services.blobs.get(file.sha256) : undefined;
      if (!file || !blob) return sendPage(reply, 404, invalidLinkPage(langOf(request, opened?.lang ?? 'es')));
      return reply
        .type(blob.info.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store')
        .send(blob.stream);
    },
  );

  typed.post(
    '/api/v1/tickets/:ticketId/requester-link/revoke',
    {
      schema: {
        summary: "Stop every link to the requester's page of this ticket (the next mail carries a new one)",
        tags: ['requests'],
        params: z.object({ ticketId: uuidSchema }),
        response: { 204: z.null(), 401: apiErrorSchema },
      },
      preHandler: requireAgent(services),
    },
    async (request, reply) => {
      await revokePageLinks(services.database.db, request.params.ticketId);
      return reply.code(204).send(null);
    },
  );
}
