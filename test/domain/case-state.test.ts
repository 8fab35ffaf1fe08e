import { describe, expect, it } from 'vitest';
import { CaseReview, type TaskCompletion } from '../../domain/case-state.js';
import { sampleRequest } from '../support/sample-request.js';

const participants = { employer: 'emp', adem: 'adem', chamber: 'cdm', foreign_school: 'school', ministry: 'menje' };
const at = '2027-01-04T09:00:00.000Z';

function answer(review: CaseReview, party: string, outcome: string, reasons?: string) {
  const task = review.tasks.find((t) => t.party === party && t.status === 'open')!;
  const completion: TaskCompletion = { taskId: task.id, organisationId: task.organisationId, userId: `${party}-user`, answer: { outcome, reasons } };
  expect(review.validate(completion)).toBeUndefined();
  return review.complete(completion, at);
}

describe('the review of a case', () => {
  it('asks ADEM, the chamber and the school in parallel, and the ministry only after all three', () => {
    const review = new CaseReview('c1', participants, sampleRequest());
    expect(review.openReviewTasks(at).map((t) => [t.party, t.kind, t.organisationId])).toEqual([
      ['adem', 'opinion', 'adem'],
      ['chamber', 'opinion', 'cdm'],
      ['foreign_school', 'enrolment', 'school'],
    ]);
    expect(review.snapshot()).toMatchObject({ status: 'in_review', waitingOn: ['adem', 'chamber', 'foreign_school'] });
    answer(review, 'adem', 'favourable', 'ok');
    answer(review, 'foreign_school', 'declined', 'full');
    expect(review.readyForDecision()).toBe(false);
    answer(review, 'chamber', 'unfavourable', 'no right to train');
    expect(review.readyForDecision()).toBe(true);
    review.openDecisionTask(at);
    expect(review.snapshot()).toMatchObject({ status: 'awaiting_decision', waitingOn: ['ministry'] });
    answer(review, 'ministry', 'refused', 'unfavourable opinions');
    expect(review.snapshot()).toMatchObject({ status: 'refused', waitingOn: [] });
  });

  it('leaves out the chamber when no chamber covers the trade', () => {
    const { chamber: _none, ...withoutChamber } = participants;
    const review = new CaseReview('c2', withoutChamber, sampleRequest());
    expect(review.openReviewTasks(at).map((t) => t.party)).toEqual(['adem', 'foreign_school']);
  });

  it('rejects an unknown task, another party, a bad answer and a closed task, each with its own reason', () => {
    const review = new CaseReview('c3', participants, sampleRequest());
    const [adem] = review.openReviewTasks(at);
    const completion = { taskId: adem!.id, organisationId: 'adem', userId: 'u', answer: { outcome: 'favourable', reasons: 'ok' } };
    expect(review.validate({ ...completion, taskId: 'c3.adem.7' })?.reason).toBe('TaskNotFound');
    expect(review.validate({ ...completion, organisationId: 'cdm' })?.reason).toBe('WrongParty');
    const invalid = review.validate({ ...completion, answer: { outcome: 'authorised' } });
    expect(invalid?.reason).toBe('InvalidAnswer');
    expect(invalid?.fields?.map((f) => f.path.join('/'))).toEqual(['outcome']);
    review.complete(completion, at);
    expect(review.validate(completion)?.reason).toBe('TaskNotOpen');
  });

  it('counts every change, so an older snapshot can be told from a newer one', () => {
    const review = new CaseReview('c4', participants, sampleRequest());
    const before = review.snapshot().sequence;
    review.openReviewTasks(at);
    const opened = review.snapshot().sequence;
    answer(review, 'adem', 'favourable', 'ok');
    expect(opened).toBeGreaterThan(before);
    expect(review.snapshot().sequence).toBeGreaterThan(opened);
  });

  it('authorises only on an authorising decision', () => {
    const review = new CaseReview('c5', participants, sampleRequest());
    review.openReviewTasks(at);
    answer(review, 'adem', 'favourable', 'ok');
    answer(review, 'chamber', 'favourable', 'ok');
    answer(review, 'foreign_school', 'confirmed');
    review.openDecisionTask(at);
    answer(review, 'ministry', 'authorised');
    expect(review.status()).toBe('authorised');
  });
});
