import { describe, expect, it } from 'vitest';
import type { ApprenticeshipState } from '../../domain/apprenticeship.js';
import type { ContractTerms } from '../../domain/contract.js';
import {
  agreeingParty,
  amendedTerms,
  emptyCourse,
  termsOverTime,
  validateProposal,
  validateResumption,
  validateSuspension,
  validateTermination,
  type ContractChange,
  type ContractCourse,
  type TerminationNotice,
} from '../../domain/contract-changes.js';
import { sampleRequest } from '../support/sample-request.js';

const employer = { organisationId: 'boulangerie-schmit', userId: 'anne.schmit' };
const school = { organisationId: 'lycee-thionville', userId: 'claire.thionville' };

function running(status: ApprenticeshipState['status'] = 'in_training'): ApprenticeshipState {
  return {
    caseId: 'c',
    participants: { employer: employer.organisationId, adem: 'adem', chamber: 'chambre-des-metiers', foreign_school: school.organisationId, ministry: 'menje-fp' },
    request: sampleRequest(),
    revision: 1,
    status,
    tasks: [],
    contract: { version: 1, signatures: [] },
    sequence: 1,
    eventsNumbered: 1,
  };
}

const reasonOf = (rejection: { reason: string } | undefined) => rejection?.reason;
const fieldsOf = (rejection: { fields?: { path: PropertyKey[] }[] } | undefined) => rejection?.fields?.map((f) => f.path.join('.'));

describe('who agrees to a change', () => {
  it('the chamber to a tutor or an allowance the employer proposes; the other side to a rhythm or an end date', () => {
    expect(agreeingParty('tutor', 'employer')).toBe('chamber');
    expect(agreeingParty('allowance', 'employer')).toBe('chamber');
    expect(agreeingParty('weekly_rhythm', 'employer')).toBe('foreign_school');
    expect(agreeingParty('end_date', 'foreign_school')).toBe('employer');
    expect(agreeingParty('tutor', 'foreign_school')).toBeUndefined();
    expect(agreeingParty('weekly_rhythm', 'chamber')).toBeUndefined();
  });
});

describe('a proposal', () => {
  const tutor = { kind: 'tutor' as const, tutor: { name: 'Nadine Weis' } };

  it('is refused to a party that does not propose it, and outside a running contract', () => {
    expect(reasonOf(validateProposal(running(), emptyCourse(), { ...school, change: tutor, effectiveOn: '2026-10-01' }, '2026-09-10'))).toBe('WrongParty');
    expect(reasonOf(validateProposal(running('awaiting_registration'), emptyCourse(), { ...employer, change: tutor, effectiveOn: '2026-10-01' }, '2026-09-10'))).toBe('WrongState');
    expect(validateProposal(running('suspended'), emptyCourse(), { ...employer, change: tutor, effectiveOn: '2026-10-01' }, '2026-09-10')).toBeUndefined();
  });

  it('takes effect from today to the last day of the contract as agreed so far', () => {
    expect(fieldsOf(validateProposal(running(), emptyCourse(), { ...employer, change: tutor, effectiveOn: '2026-09-09' }, '2026-09-10'))).toEqual(['effectiveOn']);
    expect(fieldsOf(validateProposal(running(), emptyCourse(), { ...employer, change: tutor, effectiveOn: '2029-09-01' }, '2026-09-10'))).toEqual(['effectiveOn']);
    expect(validateProposal(running(), emptyCourse(), { ...employer, change: tutor, effectiveOn: '2029-08-31' }, '2026-09-10')).toBeUndefined();
    // An accepted change of the last day moved it (the workflow keeps it with the training).
    const extended: ApprenticeshipState = { ...running(), training: { year: 1, durationMonths: 36, endDate: '2030-08-31' } };
    expect(validateProposal(extended, emptyCourse(), { ...employer, change: tutor, effectiveOn: '2030-08-31' }, '2026-09-10')).toBeUndefined();
  });
});

describe('suspension and resumption', () => {
  it('the employer suspends from a date and resumes after it', () => {
    expect(reasonOf(validateSuspension(running(), emptyCourse(), school, '2026-10-01', '2026-09-10'))).toBe('WrongParty');
    expect(reasonOf(validateResumption(running(), emptyCourse(), employer, '2026-10-01', '2026-09-10'))).toBe('WrongState');
    const suspended: ContractCourse = { ...emptyCourse(), suspensions: [{ id: 's', from: '2026-10-01', suspendedBy: employer, recordedAt: '' }] };
    expect(reasonOf(validateSuspension(running(), suspended, employer, '2026-10-05', '2026-09-10'))).toBe('WrongState');
    expect(fieldsOf(validateResumption(running(), suspended, employer, '2026-10-01', '2026-09-10'))).toEqual(['on']);
    expect(validateResumption(running(), suspended, employer, '2026-10-02', '2026-09-10')).toBeUndefined();
  });
});

describe('a termination', () => {
  const notice = (kind: TerminationNotice['kind'], effectiveOn: string, more: Partial<TerminationNotice> = {}): TerminationNotice => ({ ...employer, kind, effectiveOn, ...more });

  it('in the trial period only while it runs (three months from the start)', () => {
    expect(validateTermination(running(), emptyCourse(), notice('trial_period', '2026-11-30'), '2026-11-30')).toBeUndefined();
    expect(fieldsOf(validateTermination(running(), emptyCourse(), notice('trial_period', '2026-12-05'), '2026-12-01'))).toEqual(['kind']);
  });

  it('in the trial period of the new employer’s contract, after a change of employer', () => {
    const moved: ContractCourse = {
      ...emptyCourse(),
      terminations: [
        { id: 't', notice: notice('employer_change', '2027-02-01', { newEmployer: { organisationId: 'elektro-weber', startDate: '2027-02-01' } }), notifiedOn: '2027-01-01', notifiedAt: '', taskId: 'k', status: 'agreed', endedAt: '2027-02-01T00:00:00Z' },
      ],
    };
    const state = { ...running(), participants: { ...running().participants, employer: 'elektro-weber' } };
    expect(validateTermination(state, moved, { ...notice('trial_period', '2027-04-10'), organisationId: 'elektro-weber' }, '2027-04-01')).toBeUndefined();
  });

  it('with notice, 15 days after it at the earliest', () => {
    expect(fieldsOf(validateTermination(running(), emptyCourse(), notice('notice', '2027-01-15'), '2027-01-01'))).toEqual(['effectiveOn']);
    expect(validateTermination(running(), emptyCourse(), notice('notice', '2027-01-16'), '2027-01-01')).toBeUndefined();
  });

  it('to change employer, the new contract starting on or after the old one stops, with another employer', () => {
    const change = (organisationId: string, startDate: string) => notice('employer_change', '2027-02-01', { newEmployer: { organisationId, startDate } });
    expect(fieldsOf(validateTermination(running(), emptyCourse(), change('elektro-weber', '2027-01-31'), '2027-01-01'))).toEqual(['newEmployer.startDate']);
    expect(fieldsOf(validateTermination(running(), emptyCourse(), change(employer.organisationId, '2027-02-01'), '2027-01-01'))).toEqual(['newEmployer.organisationId']);
    expect(validateTermination(running(), emptyCourse(), change('elektro-weber', '2027-02-01'), '2027-01-01')).toBeUndefined();
  });

  it('only once: not while another waits for the chamber, nor after one is agreed', () => {
    const pending = (status: 'open' | 'agreed'): ContractCourse => ({
      ...emptyCourse(),
      terminations: [{ id: 't', notice: notice('mutual_agreement', '2027-03-01'), notifiedOn: '2027-01-01', notifiedAt: '', taskId: 'k', status }],
    });
    expect(reasonOf(validateTermination(running(), pending('open'), notice('mutual_agreement', '2027-03-01'), '2027-01-02'))).toBe('WrongState');
    expect(reasonOf(validateTermination(running(), pending('agreed'), notice('mutual_agreement', '2027-03-01'), '2027-01-02'))).toBe('WrongState');
  });
});

describe('the terms over time', () => {
  it('start from the request and follow each accepted change from its effective date, in date order', () => {
    const change = (effectiveOn: string, status: 'accepted' | 'rejected', name: string) => ({ effectiveOn, status, change: { kind: 'tutor' as const, tutor: { name } } });
    const terms = termsOverTime(sampleRequest(), [change('2027-03-01', 'accepted', 'C'), change('2026-12-01', 'accepted', 'B'), change('2027-01-01', 'rejected', 'X')]);
    expect(terms.map((t) => [t.from, t.tutor.name, t.endDate])).toEqual([
      ['2026-09-01', 'Marc Schmit', '2029-08-31'],
      ['2026-12-01', 'B', '2029-08-31'],
      ['2027-03-01', 'C', '2029-08-31'],
    ]);
  });
});

describe('a version drawn up after changes', () => {
  const year = (n: number, from: string, to: string) => ({ year: n, from, to, minimumCents: 100_000, proposedCents: 150_000, belowMinimum: false, familyAllowanceEligible: true, legalReference: null });
  const terms = {
    tutor: { name: 'Marc Schmit' },
    startDate: '2026-09-01',
    endDate: '2028-08-31',
    durationMonths: 24,
    trialPeriodEndsOn: '2026-11-30',
    weeklyRhythm: { schoolDays: 2, companyDays: 3 },
    allowance: [year(1, '2026-09-01', '2027-08-31'), year(2, '2027-09-01', '2028-08-31')],
  } as ContractTerms;

  it('states each accepted change, the allowance from the year it takes effect in, and a new employer’s start and trial period', () => {
    const accepted = (effectiveOn: string, change: ContractChange['change'], status: ContractChange['status'] = 'accepted') => ({ effectiveOn, change, status });
    const amended = amendedTerms(
      terms,
      [accepted('2027-10-01', { kind: 'allowance', monthlyAllowanceCents: 90_000 }), accepted('2027-01-01', { kind: 'tutor', tutor: { name: 'Nadine Weis' } }), accepted('2027-02-01', { kind: 'end_date', endDate: '2029-08-31' }, 'rejected')],
      '2027-03-01',
    );
    expect(amended).toMatchObject({ tutor: { name: 'Nadine Weis' }, endDate: '2028-08-31', startDate: '2027-03-01', trialPeriodEndsOn: '2027-05-31' });
    expect(amended.allowance.map((y) => [y.proposedCents, y.belowMinimum])).toEqual([
      [150_000, false],
      [90_000, true],
    ]);
    expect(terms.tutor.name).toBe('Marc Schmit');
  });
});
