import { z } from 'zod';
import type { TaskKind } from './parties.js';

const reasons = z.string().trim().min(1).max(5_000);

/** The answer each kind of task takes; reasons are required wherever the answer says no. */
export const answerSchemas = {
  opinion: z.object({ outcome: z.enum(['favourable', 'unfavourable']), reasons }).strict(),
  enrolment: z
    .object({ outcome: z.enum(['confirmed', 'declined']), reasons: reasons.optional() })
    .strict()
    .refine((answer) => answer.outcome === 'confirmed' || answer.reasons, {
      path: ['reasons'],
      message: 'reasons are required when the enrolment is declined',
    }),
  decision: z
    .object({ outcome: z.enum(['authorised', 'refused']), reasons: reasons.optional() })
    .strict()
    .refine((answer) => answer.outcome === 'authorised' || answer.reasons, {
      path: ['reasons'],
      message: 'reasons are required when the request is refused',
    }),
} satisfies Record<TaskKind, z.ZodType>;

export type Answer = { outcome: string; reasons?: string | undefined };
