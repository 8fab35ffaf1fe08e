import type { RequestHandler } from 'express';
import { isText, textProblem } from '../domain/text.js';
import { HttpProblem, invalidRequest, pointerOf, type FieldProblem } from './problem.js';

/** Enough to fix a body; a body full of bad text is not answered with all of it. */
const maxReported = 20;

/** A place in the body being checked; its path is built only when it has a problem. */
interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

function pathOf(visit: Visit | undefined): string[] {
  const path: string[] = [];
  for (let at = visit; at?.parent; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * Every string of a JSON body, keys included, must be text: a value the database cannot
 * hold is refused here, with its place, whatever route and schema it was sent to. The
 * schemas say more precisely what each field takes (one line, a length).
 */
export const refuseNonTextInBody: RequestHandler = (request, _response, next) => {
  const errors: FieldProblem[] = [];
  // Iterative, so a deeply nested body neither exhausts the stack nor costs more than a flat one.
  const pending: Visit[] = [{ value: request.body, key: '', parent: undefined }];
  while (pending.length && errors.length < maxReported) {
    const visit = pending.pop()!;
    if (typeof visit.value === 'string') {
      if (!isText(visit.value)) errors.push({ pointer: pointerOf(pathOf(visit)), detail: textProblem });
    } else if (visit.value !== null && typeof visit.value === 'object') {
      for (const [key, value] of Object.entries(visit.value)) {
        if (!isText(key)) errors.push({ pointer: pointerOf(pathOf(visit)), detail: `A field name holds a character that is not allowed: ${textProblem}` });
        else pending.push({ value, key, parent: visit });
      }
    }
  }
  if (errors.length) throw invalidRequest(errors);
  next();
};

/** Longer URLs name nothing this API serves; Node's header limit is higher (infra/api-server.ts). */
export const maxUrlLength = 8 * 1024;

/**
 * A URL must decode to text: an undecodable %-escape is a malformed URL (400), a path
 * segment that decodes to a control character names nothing (404, as an unknown id does),
 * and a query value that does is a wrong field (400 naming it). No route sees them.
 */
export const refuseNonTextInUrl: RequestHandler = (request, _response, next) => {
  if (request.originalUrl.length > maxUrlLength) {
    throw new HttpProblem(414, 'URI too long', `A URL may have at most ${maxUrlLength} characters`);
  }
  for (const segment of request.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw new HttpProblem(400, 'Malformed URL', 'The path holds a %-escape that is not UTF-8');
    }
    if (!isText(decoded)) throw new HttpProblem(404, 'Not found', 'There is nothing at this path');
  }
  const errors: FieldProblem[] = [];
  for (const [name, value] of Object.entries(request.query)) {
    const values = Array.isArray(value) ? value : [value];
    if (!isText(name) || values.some((v) => typeof v === 'string' && !isText(v))) {
      errors.push({ pointer: pointerOf([name]), detail: textProblem });
    }
  }
  if (errors.length) throw invalidRequest(errors, 'The query has invalid parameters');
  next();
};
