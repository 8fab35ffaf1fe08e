import type { ErrorRequestHandler } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';

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

export function problemHandler(logger: Logger): ErrorRequestHandler {
  return (error, request, response, _next) => {
    let problem: HttpProblem;
    if (error instanceof HttpProblem) problem = error;
    else if (error?.type === 'entity.parse.failed') problem = new HttpProblem(400, 'Malformed JSON', 'The request body is not valid JSON');
    else if (error?.type === 'entity.too.large') problem = new HttpProblem(413, 'Request body too large');
    else {
      logger.error({ err: error, method: request.method, path: request.path }, 'unexpected error');
      problem = new HttpProblem(500, 'Internal server error', 'Something went wrong on our side; nothing was changed by this request');
    }
    if (problem.status === 401) response.set('WWW-Authenticate', 'Bearer');
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
