import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { feedbackFormPage, feedbackNoticePage } from '../feedback/feedback-pages';
import { feedbackFormSchema, feedbackLinkState, recordFeedback } from '../feedback/feedback-service';
import { pickLang, sendPage } from '../portal/html';
import type { Services } from '../services';
import { rateLimited } from './rate-limit';

const params = z.object({ token: z.string().max(200) });

/** The requester's signed, single-use feedback link: a page with the form, and its POST. */
export function registerFeedback(app: FastifyInstance, services: Services): void {
  const limit = rateLimited(
    services.config.requestsRateLimit,
    (request) => `feedback:${request.ip}`,
    'Too many attempts; try again later.',
  );
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/feedback/:token',
    { schema: { hide: true, params }, config: { rateLimit: limit } },
    async (request, reply) => {
      const lang = pickLang(request);
      const state = await feedbackLinkState(services, request.params.token);
      if (state.kind === 'closed')
        return sendPage(reply, state.status, feedbackNoticePage(lang, state.notice));
      return sendPage(reply, 200, feedbackFormPage(lang, request.params.token, state.ticket));
    },
  );

  typed.post(
    '/feedback/:token',
    {
      schema: { hide: true, params, body: feedbackFormSchema },
      attachValidation: true,
      config: { rateLimit: limit },
    },
    async (request, reply) => {
      const lang = pickLang(request);
      const state = await feedbackLinkState(services, request.params.token);
      if (state.kind === 'closed')
        return sendPage(reply, state.status, feedbackNoticePage(lang, state.notice));
      if (request.validationError) {
        const typed: unknown = (request.body as Record<string, unknown> | undefined)?.comment;
        const retry = { comment: typeof typed === 'string' ? typed : '' };
        return sendPage(reply, 400, feedbackFormPage(lang, request.params.token, state.ticket, retry));
      }
      const outcome = await recordFeedback(services, state.ticket, request.body);
      return sendPage(reply, outcome.status, feedbackNoticePage(lang, outcome.notice));
    },
  );
}
