import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyReply } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { BackendConfig } from './config';
import { fastifyTrustProxy } from './trust-proxy';
import { registerAttachments } from './http/attachments';
import { registerAuth } from './http/auth';
import { HttpError, errorBody, installErrorHandlers } from './http/errors';
import { registerEvents } from './http/events';
import { registerFeedback } from './http/feedback';
import { registerHealth } from './http/health';
import { registerOpenApiGenerator, registerOpenApiRoute } from './http/openapi';
import { registerReports } from './http/reports';
import { registerRequesterPage } from './http/requester-page';
import { registerRequests } from './http/requests';
import { registerSyncPull } from './http/sync-pull';
import { registerSyncPush } from './http/sync-push';
import { registerSyncSnapshot } from './http/sync-snapshot';
import type { Services } from './services';

export function createFastify(config: BackendConfig): FastifyInstance {
  return Fastify({
    logger: {
      level: config.logLevel,
      // No route reads a token from the URL, but a misconfigured client may still put one
      // there: keep it out of the logs.
      serializers: {
        req: (req: { method: string; url: string }) => ({
          method: req.method,
          url: req.url.replace(/([?&]token=)[^&]*/g, '$1***'),
        }),
      },
    },
    logController: new LogController({ disableRequestLogging: !config.logRequests }),
    bodyLimit: config.maxBodyBytes,
    trustProxy: fastifyTrustProxy(config.trustProxy),
    // Streams (SSE) are ended in preClose; everything else may finish its request.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    // Router-level refusals (bad URL encoding, an over-long path segment) skip the error
    // handler; give them the same shape.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      const status = error.statusCode ?? 400;
      void reply.code(status).send(errorBody(status === 414 ? 'uri_too_long' : 'bad_request', error.message));
    },
  });
}

/** The HTTP API on an existing Fastify instance (so tests can inject or listen as they like). */
export async function buildApp(app: FastifyInstance, services: Services): Promise<FastifyInstance> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.decorateRequest('agent', null);
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: 256 * 1024 },
    (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    },
  );
  // Per-route limits only (login, portal, feedback links, uploads and pushes per agent).
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError(429, 'rate_limited', `Too many requests; retry in ${context.after}.`),
  });
  await registerOpenApiGenerator(app);

  registerHealth(app);
  registerAuth(app, services);
  registerSyncPull(app, services);
  registerSyncPush(app, services);
  registerSyncSnapshot(app, services);
  registerEvents(app, services);
  registerAttachments(app, services);
  registerRequests(app, services);
  registerFeedback(app, services);
  registerReports(app, services);
  registerRequesterPage(app, services);
  registerOpenApiRoute(app);
  await app.ready();
  return app;
}
