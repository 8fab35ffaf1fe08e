import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import { loggableUrl } from '../infra/logger.js';
import type { z } from 'zod';
import { serviceUnavailable } from './unavailable.js';

/** One field that is wrong: a JSON pointer into the request body and what is wrong with it. */
export interface FieldProblem {
  pointer: string;
  detail: string;
}

/** An error the API answers as RFC 9457 problem details. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldProblem[],
  ) {
    super(detail ?? title);
  }
}

export function invalidRequest(errors: FieldProblem[], detail = 'The request has invalid fields'): HttpProblem {
  return new HttpProblem(400, 'Invalid request', detail, errors);
}

export function fromZodError(error: z.ZodError): HttpProblem {
  return invalidRequest(
    error.issues.flatMap((issue) =>
      // An unknown field is reported at its own place, not at the object holding it.
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ pointer: pointerOf([...issue.path, key]), detail: 'This field is not allowed' }))
        : [{ pointer: pointerOf(issue.path), detail: issue.message }],
    ),
  );
}

/** An RFC 6901 JSON pointer as a URI fragment, as RFC 9457's examples use. */
export function pointerOf(path: readonly PropertyKey[]): string {
  return `#/${path.map((segment) => String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('/')}`;
}

/** Parses `value` with `schema`, or throws a field-level 400. */
export function parseOr400<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error);
  return parsed.data;
}

/** What to do about a body Express could not read, by the type body-parser gives its error. */
const bodyErrorDetails: Record<string, (error: { limit?: number }) => string> = {
  'entity.parse.failed': () => 'The request body is not valid JSON',
  'entity.too.large': (error) => `The request body may have at most ${error.limit} bytes`,
  'charset.unsupported': () => 'Send the body as JSON in UTF-8 (application/json; charset=utf-8)',
  'encoding.unsupported': () => 'Send the body unencoded, or with Content-Encoding gzip, deflate or br',
};

/**
 * An error that already says it is the client's (body-parser's, the router's): its 4xx
 * status is kept. A body that does not decode as its Content-Encoding says is one of them.
 * Its message is shown only when it says it may be (`expose`, as http-errors sets it).
 */
function clientError(error: any): HttpProblem | undefined {
  const status = Number(error?.status ?? error?.statusCode);
  if (!(status >= 400 && status < 500)) return undefined;
  const title = status === 400 && error.type === 'entity.parse.failed' ? 'Malformed JSON' : (STATUS_CODES[status] ?? 'Bad request');
  const undecodable = typeof error.code === 'string' && error.code.startsWith('Z_') ? 'The body does not decode as its Content-Encoding says' : undefined;
  // The router could not decode a path parameter (outside /v1, whose guard says it first).
  const malformedPath = error instanceof URIError ? 'The path holds a %-escape that is not UTF-8' : undefined;
  const detail = bodyErrorDetails[error.type]?.(error) ?? undecodable ?? malformedPath ?? (error.expose === true && typeof error.message === 'string' ? error.message : undefined);
  return new HttpProblem(status, title, detail);
}

/**
 * PostgreSQL refused a value as data (SQLSTATE class 22: a NUL, a year 0, a number out of
 * range). Every value reaches it as a parameter, so the value came with the request, and the
 * statement it was in did not run. Its message may quote the value, so it is not echoed.
 */
function refusedByDatabase(error: any): boolean {
  return typeof error?.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code) && typeof error.severity === 'string';
}

const serviceUnavailableTitle = 'Service unavailable';

export function problemOf(error: any, where: { method: string; path: string }, logger: Logger): HttpProblem {
  if (error instanceof HttpProblem) return error;
  const client = clientError(error);
  if (client) return client;
  if (refusedByDatabase(error)) {
    logger.warn({ sqlState: error.code, ...where }, 'a value of the request was refused by the database');
    return new HttpProblem(400, 'Invalid request', 'A value in the request is out of range or holds characters that cannot be stored');
  }
  if (serviceUnavailable(error)) {
    logger.warn({ err: error, ...where }, 'a service the API depends on is unavailable');
    return new HttpProblem(503, serviceUnavailableTitle, 'A service this request needs is unavailable for a moment; send it again shortly');
  }
  logger.error({ err: error, ...where }, 'unexpected error');
  return new HttpProblem(500, 'Internal server error', 'Something went wrong on our side; nothing was changed by this request');
}

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    const problem = problemOf(error, { method: request.method, path: loggableUrl(request.path) }, logger);
    if (problem.status === 401) response.set('WWW-Authenticate', 'Bearer');
    if (problem.title === serviceUnavailableTitle) response.set('Retry-After', '5');
    response
      .status(problem.status)
      .type('application/problem+json')
      .json({
        type: 'about:blank',
        title: problem.title,
        status: problem.status,
        ...(problem.detail ? { detail: problem.detail } : {}),
        instance: request.originalUrl,
        ...(problem.errors ? { errors: problem.errors } : {}),
      });
  };
}
