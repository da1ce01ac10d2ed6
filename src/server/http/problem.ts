import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { RecertError, type FieldIssue, type RecertErrorCode } from '../../core/errors';
import { formatPath } from '../../core/validation';

const STATUS: Record<RecertErrorCode, number> = {
  'invalid-input': 400,
  'invalid-policy': 400,
  'unknown-program': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  'rate-limited': 429,
};

const TITLES: Record<number, string> = {
  400: 'Invalid request',
  401: 'Sign-in required',
  403: 'Not allowed',
  404: 'Not found',
  409: 'Conflict',
  413: 'Too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
  500: 'Internal error',
};

/** RFC 9457 problem details, with the field-level problems when there are any. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldIssue[];
}

function send(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type('application/problem+json').send(problem);
}

function problemOf(status: number, code: string, detail: string, errors?: FieldIssue[]): Problem {
  return {
    type: `https://recert.dev/problems/${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors?.length ? { errors } : {}),
  };
}

/** The one place errors become HTTP responses. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | RecertError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof RecertError) {
      const status = STATUS[error.code];
      return send(reply, problemOf(status, error.code, error.message, [...error.issues]));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const errors = error.validation.map((issue) => ({
        path: formatPath([
          where,
          ...issue.instancePath
            .split('/')
            .filter(Boolean)
            .map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        ]),
        message: issue.message ?? 'is invalid',
      }));
      return send(reply, problemOf(400, 'invalid-input', `the request ${where} is invalid`, errors));
    }
    const status = error.statusCode ?? 500;
    if (status === 429) return send(reply, problemOf(429, 'rate-limited', 'too many attempts; wait a minute and try again'));
    if (status === 413) return send(reply, problemOf(413, 'payload-too-large', error.message));
    if (status === 415) return send(reply, problemOf(415, 'unsupported-media-type', error.message));
    if (status >= 400 && status < 500) return send(reply, problemOf(status, 'invalid-input', error.message));
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, problemOf(500, 'internal', 'something went wrong; it has been logged'));
  });
  app.setNotFoundHandler((request, reply) =>
    send(reply, problemOf(404, 'not-found', `no route ${request.method} ${request.url}`)),
  );
}
