import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { apiErrorSchema, describeIssues } from '../../shared/index';
import { pickLang, sendPage } from '../portal/html';
import {
  IntakeFieldError,
  activeCategories,
  intakeRequestSchema,
  intakeResponseSchema,
  submitRequest,
} from '../portal/intake';
import { fieldMessages, fieldsWithIssues } from '../portal/request-form-errors';
import { requestFormPage, requestReceivedPage, type FormValues } from '../portal/request-form-page';
import type { Services } from '../services';
import { HttpError } from './errors';
import { rateLimited } from './rate-limit';

const isForm = (contentType: string | undefined) =>
  (contentType ?? '').startsWith('application/x-www-form-urlencoded');

/** The requester's side: the HTML form at `/` and the intake it posts to (JSON clients use the same URL). */
export function registerRequests(app: FastifyInstance, services: Services): void {
  const limit = rateLimited(
    services.config.requestsRateLimit,
    (request) => `requests:${request.ip}`,
    'Too many requests from this address; try again later.',
  );

  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    sendPage(reply, 200, requestFormPage(pickLang(request), await activeCategories(services))),
  );

  app.withTypeProvider<ZodTypeProvider>().post(
    '/api/v1/requests',
    {
      schema: {
        summary: 'A requester reports a problem (no token); JSON or an HTML form post',
        tags: ['requests'],
        body: intakeRequestSchema,
        response: { 201: intakeResponseSchema, 400: apiErrorSchema, 429: apiErrorSchema },
      },
      attachValidation: true,
      config: { rateLimit: limit },
    },
    async (request, reply) => {
      const form = isForm(request.headers['content-type']);
      const lang = pickLang(request);
      const formAgain = async (problems: string[]) =>
        sendPage(
          reply,
          400,
          requestFormPage(
            lang,
            await activeCategories(services),
            (request.body ?? {}) as unknown as FormValues,
            problems,
          ),
        );
      if (request.validationError) {
        const parsed = intakeRequestSchema.safeParse(request.body);
        if (form) return formAgain(parsed.success ? [] : fieldMessages(lang, fieldsWithIssues(parsed.error)));
        throw new HttpError(
          400,
          'validation_failed',
          parsed.success ? request.validationError.message : describeIssues(parsed.error),
        );
      }
      try {
        // The requester's language for every mail about the ticket, when they told us one (else mail is in Spanish).
        const told =
          (request.query as { lang?: unknown }).lang !== undefined || !!request.headers['accept-language'];
        const created = await submitRequest(services, request.body, told ? lang : undefined);
        return form
          ? sendPage(reply, 201, requestReceivedPage(lang, created.number, request.body.email))
          : reply.code(201).send(created);
      } catch (error) {
        if (!form || !(error instanceof HttpError) || error.statusCode !== 400) throw error;
        return formAgain(
          error instanceof IntakeFieldError ? fieldMessages(lang, [error.field]) : error.message.split('; '),
        );
      }
    },
  );
}
