import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** An error that is the client's to fix, with the code the API promises. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

// Fastify's own codes for problems with the request itself, mapped to ours.
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_BAD_URL: 'bad_request',
  FST_ERR_ASYNC_CONSTRAINT: 'bad_request',
};

function classify(error: FastifyError): { status: number; code: string; message: string } {
  if (error instanceof HttpError)
    return { status: error.statusCode, code: error.code, message: error.message };
  if (hasZodFastifySchemaValidationErrors(error)) {
    // Same wording as shared describeIssues: "requester.email: must be a valid email address".
    const message = error.validation
      .slice(0, 5)
      .map((v) => {
        const path = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        return path ? `${path}: ${v.message}` : v.message;
      })
      .join('; ');
    const where = error.validationContext ? `${error.validationContext} ` : '';
    return { status: 400, code: 'validation_failed', message: `Invalid ${where}— ${message}` };
  }
  if (error.validation) return { status: 400, code: 'validation_failed', message: error.message };
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return { status: 400, code: 'invalid_json', message: `The body is not valid JSON: ${error.message}` };
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return {
      status,
      code: FASTIFY_CODES[error.code] ?? (status === 413 ? 'payload_too_large' : 'bad_request'),
      message: error.message,
    };
  }
  return {
    status: 500,
    code: 'internal_error',
    message: 'Something went wrong on the server; it has been logged.',
  };
}

/** Every error leaves as `{error:{code,message}}`; only the server's own faults are 5xx. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { status, code, message } = classify(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code, status }, message);
    if (reply.sent || reply.raw.headersSent) return;
    void reply.code(status).type('application/json; charset=utf-8').send(errorBody(code, message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply
      .code(404)
      .send(errorBody('not_found', `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`));
  });
}
