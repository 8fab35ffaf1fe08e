import { describe, expect, it } from 'vitest';
import { answerProblems } from '../../domain/answer-check.js';
import { answerSchemas, type AnswerableKind } from '../../domain/answers.js';

/** Values a field may be sent with: right ones, wrong types, blanks, control characters, too long, impossible days. */
const values = [undefined, 'Fine', '  Fine  ', '', '   ', 'a\u0000b', 'line\nbreak', 'x'.repeat(5_001), 'x'.repeat(201), 42, true, false, null, '2027-02-28', '2027-02-30', '2028-02-29', '27-02-28', 'a'.repeat(64), 'A'.repeat(64), '1234567890123', '123', [], {}];
const comments = [[], [{ field: '/tutor/name', comment: 'Which tutor?' }], [{ field: '/nope', comment: 'x' }], [{ field: '/tutor/name', comment: '' }], [{ field: '/tutor/name', comment: 'x', extra: 1 }], 'text'];
const fields = ['reasons', 'documentSha256', 'midCourseProjectPassed', 'midCourseProjectPassedOn', 'diplomaTitle', 'diplomaDate', 'affiliationNumber', 'affiliatedOn', 'examinedOn'];
const outcomes = ['favourable', 'unfavourable', 'confirmed', 'declined', 'authorised', 'refused', 'changes_requested', 'signed', 'accepted', 'rejected', 'registered', 'agreed', 'passed', 'failed', 'examined', 'nope'];

/** Each outcome with each field set to each value, alone and with the others its answer needs. */
function answers(kind: AnswerableKind): unknown[] {
  const valid = (outcome: string): Record<string, unknown> => ({ outcome, reasons: 'Fine', documentSha256: 'a'.repeat(64), diplomaTitle: 'CAP', diplomaDate: '2027-06-30', affiliationNumber: '1234567890123', affiliatedOn: '2027-09-01', examinedOn: '2027-09-01' });
  const all: unknown[] = [undefined, null, 'favourable', [], {}];
  for (const outcome of outcomes) {
    all.push({ outcome }, { outcome, comments: comments[1] }, { outcome, extra: 1 });
    for (const field of fields) {
      for (const value of values) {
        all.push({ outcome, [field]: value });
        // Beside one other field at its right value: an answer that needs two fields (the social security's).
        for (const other of fields) if (other !== field) all.push({ outcome, [other]: valid(outcome)[other], [field]: value });
        // The fields this kind's outcome needs, with one of them changed or removed.
        const { [field]: _, ...others } = valid(outcome);
        const needed = Object.fromEntries(Object.entries(others).filter(([name]) => answerSchemas[kind].safeParse({ ...valid(outcome), [name]: undefined }).success === false || name === 'outcome'));
        all.push({ ...needed, [field]: value });
      }
    }
    for (const list of comments) all.push({ outcome, comments: list }, { outcome, comments: list, reasons: 'Why' });
  }
  all.push({ outcome: 'passed', midCourseProjectPassed: true }, { outcome: 'passed', midCourseProjectPassed: true, midCourseProjectPassedOn: '2027-01-15' }, { outcome: 'failed', midCourseProjectPassed: false });
  return all;
}

describe('the workflow’s plain answer checks', () => {
  it.each(Object.keys(answerSchemas) as AnswerableKind[])('take and refuse the %s answers the schema does', (kind) => {
    const disagreements = answers(kind).filter((answer) => (answerProblems(kind, answer).length === 0) !== answerSchemas[kind].safeParse(answer).success);
    expect(disagreements).toEqual([]);
    // Not only refusals: the corpus holds answers both take.
    expect(answers(kind).some((answer) => answerSchemas[kind].safeParse(answer).success)).toBe(true);
  });
});
