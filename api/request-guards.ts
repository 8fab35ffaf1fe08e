import type { RequestHandler } from 'express';
import { isText, textProblem } from '../domain/text.js';
import { invalidRequest, pointerOf, type FieldProblem } from './problem.js';

/** Enough to fix a body; a body full of bad text is not answered with all of it. */
const maxReported = 20;

/**
 * Every string of a JSON body, keys included, must be text: a value the database cannot
 * hold is refused here, with its place, whatever route and schema it was sent to. The
 * schemas say more precisely what each field takes (one line, a length).
 */
export const refuseNonTextInBody: RequestHandler = (request, _response, next) => {
  const errors: FieldProblem[] = [];
  // Iterative: a deeply nested body must not exhaust the stack.
  const pending: { value: unknown; path: string[] }[] = [{ value: request.body, path: [] }];
  while (pending.length && errors.length < maxReported) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (!isText(value)) errors.push({ pointer: pointerOf(path), detail: textProblem });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (!isText(key)) errors.push({ pointer: pointerOf(path), detail: `A field name holds a character that is not allowed: ${textProblem}` });
        else pending.push({ value: child, path: [...path, key] });
      }
    }
  }
  if (errors.length) throw invalidRequest(errors);
  next();
};
