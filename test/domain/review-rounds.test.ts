import { describe, expect, it } from 'vitest';
import { partiesResetBy, resetPolicy } from '../../domain/amendment-policy.js';
import type { CaseRequest } from '../../domain/case-request.js';
import { CaseReview } from '../../domain/case-state.js';
import { changesFor, requestFor } from '../../domain/personal-data.js';
import { requestChanges } from '../../domain/request-changes.js';
import { sampleRequest } from '../support/sample-request.js';

const participants = { employer: 'emp', adem: 'adem', chamber: 'cdm', foreign_school: 'school', ministry: 'menje' };
const at = '2027-01-04T09:00:00.000Z';
const request = sampleRequest();

function answer(review: CaseReview, party: string, outcome: string, extra: object = { reasons: 'ok' }) {
  const task = review.tasks.find((t) => t.party === party && t.status === 'open')!;
  const completion = { taskId: task.id, organisationId: task.organisationId, userId: `${party}-user`, answer: { outcome, ...extra } };
  expect(review.validate(completion)).toBeUndefined();
  return review.complete(completion, at);
}

function reviewed() {
  const review = new CaseReview('c', participants, request);
  review.openReviewTasks(at);
  return review;
}

const amend = (review: CaseReview, changed: CaseRequest, revision = review.revision) =>
  review.amend({ expectedRevision: revision, request: changed, participants, organisationId: 'emp', userId: 'emp-user' }, at);

describe('the reset policy', () => {
  it.each([
    ['/foreignSchool/programme', ['foreign_school']],
    ['/tutor/name', ['chamber']],
    ['/apprentice/admRegistrationNumber', ['adem']],
    ['/apprentice/birthDate', ['adem', 'foreign_school']],
    ['/tradeCode', ['adem', 'chamber', 'foreign_school']],
    ['/startDate', ['adem', 'chamber', 'foreign_school']],
    ['/durationMonths', ['chamber', 'foreign_school']],
    ['/weeklyRhythm/schoolDays', ['chamber', 'foreign_school']],
    ['/proposedMonthlyAllowanceCents', ['adem', 'chamber']],
    ['/tutor/email', []],
  ])('a change to %s resets %j', (field, parties) => {
    expect([...partiesResetBy([field])].sort()).toEqual([...parties].sort());
  });

  it('names every field of the request, so no change goes unclassified', () => {
    const fields = requestChanges({}, { ...request, exceptional: true, tutor: { name: 'x', email: 'x@y.lu' }, apprentice: { ...request.apprentice, email: 'l@r.fr' } }).map((c) => c.field);
    expect(fields.filter((f) => !(f in resetPolicy))).toEqual([]);
  });
});

describe('what changed between revisions', () => {
  it('lists each changed leaf with its before and after, added and removed fields included', () => {
    expect(requestChanges(request, { ...request, tutor: { name: 'Eva Schmit', email: 'eva@schmit.lu' }, apprentice: { ...request.apprentice, admRegistrationNumber: undefined } } as CaseRequest)).toEqual([
      { field: '/apprentice/admRegistrationNumber', before: 'A-1', after: null },
      { field: '/tutor/email', before: null, after: 'eva@schmit.lu' },
      { field: '/tutor/name', before: 'Marc Schmit', after: 'Eva Schmit' },
    ]);
    expect(requestChanges(request, structuredClone(request))).toEqual([]);
  });
});

describe('rounds of changes', () => {
  it('sends the case back to the employer once, however many parties ask, and lets the others go on', () => {
    const review = reviewed();
    const { opened } = answer(review, 'adem', 'changes_requested', { comments: [{ field: '/apprentice/admRegistrationNumber', comment: 'Unknown number' }] });
    expect(opened.map((t) => [t.party, t.kind])).toEqual([['employer', 'amendment']]);
    expect(answer(review, 'foreign_school', 'changes_requested', { comments: [{ field: '/foreignSchool/programme', comment: 'Wrong programme' }] }).opened).toEqual([]);
    answer(review, 'chamber', 'favourable');
    expect(review.snapshot()).toMatchObject({ status: 'changes_requested', waitingOn: ['employer'] });
    expect(review.readyForDecision()).toBe(false);
  });

  it('asks again only the parties whose fields changed and those who asked; the others keep their answers', () => {
    const review = reviewed();
    answer(review, 'adem', 'changes_requested', { comments: [{ field: '/apprentice/admRegistrationNumber', comment: 'Unknown' }] });
    answer(review, 'foreign_school', 'changes_requested', { comments: [{ field: '/foreignSchool/programme', comment: 'Wrong' }] });
    answer(review, 'chamber', 'favourable');
    const result = amend(review, { ...request, apprentice: { ...request.apprentice, admRegistrationNumber: 'A-2' }, foreignSchool: { ...request.foreignSchool, programme: 'CAP Boulanger-pâtissier' } });
    expect(result.revision).toBe(2);
    expect(result.changes.map((c) => c.field)).toEqual(['/apprentice/admRegistrationNumber', '/foreignSchool/programme']);
    expect(result.opened.map((t) => t.id)).toEqual(['c.adem.2', 'c.foreign_school.2']);
    expect(result.closed.map((t) => [t.id, t.status, t.outcome])).toEqual([['c.employer.1', 'completed', 'amended']]);
    answer(review, 'adem', 'favourable');
    answer(review, 'foreign_school', 'confirmed', {});
    expect(review.readyForDecision()).toBe(true);
  });

  it('asks again whoever requested changes, even when the employer changed nothing they mind', () => {
    const review = reviewed();
    answer(review, 'chamber', 'changes_requested', { comments: [{ field: '/tutor/name', comment: 'Is the tutor qualified?' }] });
    const result = amend(review, { ...request });
    expect(result.reset).toEqual(['chamber']);
    expect(result.opened.map((t) => t.party)).toEqual(['chamber']);
  });

  it('leaves an open task open: that party answers the new revision', () => {
    const review = reviewed();
    answer(review, 'adem', 'changes_requested', { comments: [{ field: '/startDate', comment: 'Too early' }] });
    const result = amend(review, { ...request, startDate: '2027-10-01' });
    expect(result.opened.map((t) => t.party)).toEqual(['adem']);
    expect(review.tasks.filter((t) => t.status === 'open').map((t) => t.id).sort()).toEqual(['c.adem.2', 'c.chamber.1', 'c.foreign_school.1']);
  });

  it('closes an open decision that no longer has every answer in front of it, and reopens it when they are back', () => {
    const review = reviewed();
    answer(review, 'adem', 'favourable');
    answer(review, 'chamber', 'favourable');
    answer(review, 'foreign_school', 'confirmed', {});
    review.openDecisionTask(at);
    answer(review, 'ministry', 'changes_requested', { comments: [{ field: '/weeklyRhythm/schoolDays', comment: 'Two school days are required' }] });
    expect(review.decisionOpen()).toBe(false);
    expect(review.finished()).toBe(false);
    amend(review, { ...request, weeklyRhythm: { schoolDays: 2, companyDays: 3 }, tutor: { name: 'Marc Schmit' } });
    // Nothing the policy resets changed: ready for the ministry again at once.
    expect(review.readyForDecision()).toBe(true);
    expect(review.openDecisionTask(at).id).toBe('c.ministry.2');
  });

  it('refuses a stale revision, a party other than the employer, and a closed case', () => {
    const review = reviewed();
    const amendment = { expectedRevision: 1, request, participants, organisationId: 'emp', userId: 'u' };
    expect(review.validateAmendment({ ...amendment, expectedRevision: 0 })?.reason).toBe('StaleRevision');
    expect(review.validateAmendment({ ...amendment, organisationId: 'adem' })?.reason).toBe('WrongParty');
    review.withdraw({ organisationId: 'emp', userId: 'u' }, at);
    expect(review.validateAmendment(amendment)?.reason).toBe('CaseClosed');
  });

  it('withdraws: every open task is cancelled, and it cannot be withdrawn twice', () => {
    const review = reviewed();
    answer(review, 'adem', 'favourable');
    const cancelled = review.withdraw({ organisationId: 'emp', userId: 'u', reason: 'The apprentice chose another trade' }, at);
    expect(cancelled.map((t) => t.party)).toEqual(['chamber', 'foreign_school']);
    expect(review.snapshot()).toMatchObject({ status: 'withdrawn', waitingOn: [] });
    expect(review.validateWithdrawal({ organisationId: 'emp', userId: 'u' })?.reason).toBe('CaseClosed');
    expect(review.organisationsInvolved().sort()).toEqual(['adem', 'cdm', 'school']);
  });
});

describe('personal data', () => {
  it('shows the birth date and ADEM number only to the parties that need them', () => {
    expect(requestFor(request, 'chamber').apprentice).toMatchObject({ givenName: 'Lena', birthDate: '[withheld]', admRegistrationNumber: '[withheld]' });
    expect(requestFor(request, 'foreign_school').apprentice).toMatchObject({ birthDate: request.apprentice.birthDate, admRegistrationNumber: '[withheld]' });
    expect(requestFor(request, 'adem').apprentice).toEqual({ ...request.apprentice, email: '[withheld]' });
    expect(requestFor(request, 'chamber').legalRepresentative).toEqual({ ...request.legalRepresentative, email: '[withheld]' });
    const changes = [{ field: '/apprentice/birthDate', before: '2010-03-15', after: '2010-05-02' }, { field: '/tutor/name', before: 'A', after: 'B' }];
    expect(changesFor(changes, 'chamber')).toEqual([{ field: '/apprentice/birthDate', before: '[withheld]', after: '[withheld]' }, changes[1]]);
    expect(changesFor(changes, 'employer')).toEqual(changes);
  });
});

describe('a review carried into a new run', () => {
  it('goes on from its plain value as it would have gone on itself', () => {
    const review = reviewed();
    answer(review, 'adem', 'favourable');
    answer(review, 'chamber', 'changes_requested', { comments: [{ field: '/tutor/name', comment: 'Who?' }] });
    review.numberEvents(5);
    const carried = CaseReview.fromState(JSON.parse(JSON.stringify(review.state)));
    expect(carried.state).toEqual(review.state);

    for (const next of [review, carried]) {
      amend(next, { ...request, tutor: { name: 'Paul Schmit' } });
      answer(next, 'chamber', 'favourable');
      answer(next, 'foreign_school', 'confirmed');
    }
    expect(carried.readyForDecision()).toBe(true);
    expect(carried.snapshot()).toEqual(review.snapshot());
    expect(carried.numberEvents()).toBe(review.numberEvents());
    expect(carried.state).toEqual(review.state);
  });
});
