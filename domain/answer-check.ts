import { requestFields } from './amendment-policy.js';
import type { AnswerableKind } from './answers.js';
import type { Rejection } from './case-state.js';
import type { TaskKind } from './parties.js';
import { isSingleLine, isText, singleLineProblem, textProblem } from './text-rules.js';

/**
 * The answer schemas of `answers.ts` as plain checks, for workflow code: each workflow run
 * evaluates what it imports anew, and the validation library is the largest part of that. The
 * API parses answers with the schemas; the workflow's Update validators refuse, with these, what
 * the schemas refuse (test/domain/answer-check.test.ts holds the two side by side).
 */

type Rule = (value: unknown) => string | undefined;
/** The fields an answer with this outcome takes besides `outcome`; `?` after a name: optional. */
type Shape = Record<string, Rule>;

function text(maxLength: number, required = 'a text is required', singleLine = false): Rule {
  return (value) => {
    if (typeof value !== 'string') return required;
    const trimmed = value.trim();
    if (trimmed.length < 1) return required;
    if (trimmed.length > maxLength) return `At most ${maxLength} characters`;
    if (singleLine) return isSingleLine(trimmed) ? undefined : singleLineProblem;
    return isText(trimmed) ? undefined : textProblem;
  };
}

const matching = (pattern: RegExp, problem: string): Rule => (value) => (typeof value === 'string' && pattern.test(value) ? undefined : problem);

/** A calendar day written `YYYY-MM-DD`, as `z.iso.date()` takes it. */
const date: Rule = (value) => {
  const day = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : undefined;
  // A day that does not exist (31 April) rolls over into another.
  return day && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value as string) ? undefined : 'Invalid ISO date';
};

const boolean: Rule = (value) => (typeof value === 'boolean' ? undefined : 'Expected a boolean');

const comments: Rule = (value) => {
  if (!Array.isArray(value) || value.length < 1) return 'At least one comment';
  for (const item of value) {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) return 'Expected an object';
    const { field, comment, ...rest } = item as Record<string, unknown>;
    if (Object.keys(rest).length) return 'Unrecognized key';
    if (typeof field !== 'string' || !(requestFields as readonly string[]).includes(field)) return 'Not a field of the request';
    const problem = text(2_000)(comment);
    if (problem) return problem;
  }
  return undefined;
};

const reasons = text(5_000);
const required = (when: string) => text(5_000, `reasons are required when ${when}`);
/** The outcome's fields, with the optional ones marked: a present `undefined` counts as absent. */
const optional = (rule: Rule): Rule & { optional: true } => Object.assign((value: unknown) => (value === undefined ? undefined : rule(value)), { optional: true as const });

const changesRequested: Shape = { comments, reasons: optional(reasons) };
const answerWith = (reasonsRule: Rule): Shape => ({ reasons: reasonsRule });
const schoolYear: Shape = { midCourseProjectPassed: optional(boolean), midCourseProjectPassedOn: optional(date), reasons: optional(reasons) };

const shapes: Record<AnswerableKind, Record<string, Shape>> = {
  opinion: { favourable: answerWith(required('giving an opinion')), unfavourable: answerWith(required('giving an opinion')), changes_requested: changesRequested },
  enrolment: { confirmed: answerWith(optional(reasons)), declined: answerWith(required('the enrolment is declined')), changes_requested: changesRequested },
  decision: { authorised: answerWith(optional(reasons)), refused: answerWith(required('the request is refused')), changes_requested: changesRequested },
  signature: { signed: { documentSha256: matching(/^[0-9a-f]{64}$/, 'the SHA-256 of the document, in lowercase hex') } },
  scan_review: { accepted: answerWith(optional(reasons)), rejected: answerWith(required('the scan is not accepted')) },
  registration: { registered: {} },
  change_agreement: { accepted: answerWith(optional(reasons)), rejected: answerWith(required('a change is rejected')) },
  termination_agreement: { agreed: answerWith(optional(reasons)), refused: answerWith(required('a termination is refused')) },
  school_year_result: { passed: schoolYear, failed: schoolYear },
  final_exam: { passed: { diplomaTitle: text(200, undefined, true), diplomaDate: date }, failed: answerWith(optional(reasons)) },
  social_security: { confirmed: { affiliationNumber: matching(/^\d{13}$/, 'the 13-digit Luxembourg social security number (matricule)'), affiliatedOn: date } },
  medical_examination: { examined: { examinedOn: date } },
};

export function isAnswerable(kind: TaskKind): kind is AnswerableKind {
  return kind in shapes;
}

export interface AnswerProblem {
  path: (string | number)[];
  message: string;
}

/** An Update validator's refusal of an answer the kind's schema refuses. */
export function invalidAnswer(kind: AnswerableKind, answer: unknown): Rejection | undefined {
  const problems = answerProblems(kind, answer);
  return problems.length ? { reason: 'InvalidAnswer', message: 'The answer is not valid for this task', fields: problems } : undefined;
}

/** What is wrong with `answer` for a task of `kind`, as the kind's schema in `answers.ts` says; empty if nothing. */
export function answerProblems(kind: AnswerableKind, answer: unknown): AnswerProblem[] {
  if (typeof answer !== 'object' || answer === null || Array.isArray(answer)) return [{ path: [], message: 'Expected an object' }];
  const { outcome, ...fields } = answer as Record<string, unknown>;
  const shape = typeof outcome === 'string' && Object.hasOwn(shapes[kind], outcome) ? shapes[kind][outcome]! : undefined;
  if (!shape) return [{ path: ['outcome'], message: `Expected one of ${Object.keys(shapes[kind]).join(', ')}` }];
  const problems: AnswerProblem[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (!Object.hasOwn(shape, name)) problems.push({ path: [name], message: 'Unrecognized key' });
    else {
      const problem = shape[name]!(value);
      if (problem) problems.push({ path: [name], message: problem });
    }
  }
  for (const [name, rule] of Object.entries(shape)) {
    if (!(name in fields) && !('optional' in rule)) problems.push({ path: [name], message: rule(undefined) ?? 'Required' });
  }
  if (kind === 'school_year_result' && fields.midCourseProjectPassed === true && fields.midCourseProjectPassedOn === undefined) {
    problems.push({ path: ['midCourseProjectPassedOn'], message: 'the date the mid-course project was passed is required' });
  }
  return problems;
}
