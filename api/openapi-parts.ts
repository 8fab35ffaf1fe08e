import { z } from 'zod';
import { problemSchema } from './responses.js';

/** The pieces every part of the OpenAPI document describes its answers with. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});

export const jsonResponse = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });
export const listOf = (schema: z.ZodType) => z.object({ items: z.array(schema) });

export const commonProblems = {
  400: problemResponse('Invalid request: `errors` names each field'),
  401: problemResponse('No valid bearer token'),
};
