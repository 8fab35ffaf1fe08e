import { z } from 'zod';
import { requestFields } from './amendment-policy.js';
import type { TaskKind } from './parties.js';
import { multiLineText, singleLineText } from './text.js';

const reasons = multiLineText(5_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'the SHA-256 of the document, in lowercase hex');
const requiredReasons = (when: string) => multiLineText(5_000, `reasons are required when ${when}`);

/** Instead of answering, a party may send the request back with a comment per field. */
const changesRequested = z
  .object({
    outcome: z.literal('changes_requested'),
    comments: z.array(z.object({ field: z.enum(requestFields), comment: multiLineText(2_000) }).strict()).min(1),
    reasons: reasons.optional(),
  })
  .strict();

function outcome<T extends string>(value: T, reasonsSchema: z.ZodType<string | undefined>) {
  return z.object({ outcome: z.literal(value), reasons: reasonsSchema }).strict();
}

/** The answers each kind of task takes; reasons are required wherever the answer says no. */
export const answerSchemas = {
  opinion: z.discriminatedUnion('outcome', [
    outcome('favourable', requiredReasons('giving an opinion')),
    outcome('unfavourable', requiredReasons('giving an opinion')),
    changesRequested,
  ]),
  enrolment: z.discriminatedUnion('outcome', [
    outcome('confirmed', reasons.optional()),
    outcome('declined', requiredReasons('the enrolment is declined')),
    changesRequested,
  ]),
  decision: z.discriminatedUnion('outcome', [
    outcome('authorised', reasons.optional()),
    outcome('refused', requiredReasons('the request is refused')),
    changesRequested,
  ]),
  /** The employer signs the contract version whose PDF has this SHA-256 (what it read). */
  signature: z.object({ outcome: z.literal('signed'), documentSha256: sha256 }).strict(),
  /** The competent chamber (or the ministry) accepts a scan signed outside the system, or says why not. */
  scan_review: z.discriminatedUnion('outcome', [outcome('accepted', reasons.optional()), outcome('rejected', requiredReasons('the scan is not accepted'))]),
  /** The competent chamber (or the ministry) registers the signed contract. */
  registration: z.object({ outcome: z.literal('registered') }).strict(),
  /** The party a change of circumstances needs accepts it or rejects it (domain/contract-changes.ts). */
  change_agreement: z.discriminatedUnion('outcome', [outcome('accepted', reasons.optional()), outcome('rejected', requiredReasons('a change is rejected'))]),
  /** The competent chamber (or the ministry) agrees to a termination, or refuses with reasons. */
  termination_agreement: z.discriminatedUnion('outcome', [outcome('agreed', reasons.optional()), outcome('refused', requiredReasons('a termination is refused'))]),
  /** The foreign school's report of a school year; for DAP and DT trades, whether the mid-course integrated project is passed. */
  school_year_result: z
    .object({
      outcome: z.enum(['passed', 'failed']),
      midCourseProjectPassed: z.boolean().optional(),
      midCourseProjectPassedOn: z.iso.date().optional(),
      reasons: reasons.optional(),
    })
    .strict()
    .refine((answer) => !answer.midCourseProjectPassed || answer.midCourseProjectPassedOn !== undefined, {
      message: 'the date the mid-course project was passed is required',
      path: ['midCourseProjectPassedOn'],
    }),
  /** The final exam: passed with the diploma issued (its title and date), or failed. */
  final_exam: z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('passed'), diplomaTitle: singleLineText(200), diplomaDate: z.iso.date() }).strict(),
    outcome('failed', reasons.optional()),
  ]),
  /**
   * The employer confirms the apprentice's affiliation to the Luxembourg social security (CCSS):
   * personal data, kept on the query side for the parties who may see it, never mailed or logged.
   */
  social_security: z
    .object({
      outcome: z.literal('confirmed'),
      affiliationNumber: z.string().regex(/^\d{13}$/, 'the 13-digit Luxembourg social security number (matricule)'),
      affiliatedOn: z.iso.date(),
    })
    .strict(),
  /** The employer records that the young apprentice's medical examination took place (its findings stay with the doctor). */
  medical_examination: z.object({ outcome: z.literal('examined'), examinedOn: z.iso.date() }).strict(),
} satisfies Record<Exclude<TaskKind, 'amendment'>, z.ZodType>;

export type AnswerableKind = keyof typeof answerSchemas;

export { isAnswerable } from './answer-check.js';

export interface FieldComment {
  field: string;
  comment: string;
}

/** An answer as the workflow receives it; the contract's tasks carry more fields (see `answerSchemas`). */
export type Answer = { outcome: string; reasons?: string | undefined; comments?: FieldComment[] | undefined; [field: string]: unknown };
