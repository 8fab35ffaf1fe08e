import { z } from 'zod';
import { isSingleLine, isText, singleLineProblem, textProblem } from './text-rules.js';

export { isText, textProblem } from './text-rules.js';

/** One line of text, trimmed, 1 to `maxLength` characters: a name, a code, an id. */
export function singleLineText(maxLength: number) {
  return z.string().trim().min(1).max(maxLength).refine(isSingleLine, singleLineProblem);
}

/** Text of one or more lines, trimmed, 1 to `maxLength` characters; `required` words the error for an absent or empty text. */
export function multiLineText(maxLength: number, required?: string) {
  return z
    .string(required ? { error: required } : undefined)
    .trim()
    .min(1, required)
    .max(maxLength)
    .refine(isText, textProblem);
}
