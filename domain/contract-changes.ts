import type { ApprenticeshipState } from './apprenticeship.js';
import type { CaseRequest } from './case-request.js';
import type { Rejection } from './case-state.js';
import { contractEndDate, trialPeriodEnd, type ContractTerms } from './contract.js';
import type { PartyKind } from './parties.js';

/**
 * The course of a running contract: changes of circumstances one side proposes and another
 * agrees to, suspensions, and its termination. Pure rules over plain data; the workflow keeps
 * the state, the API shapes the input.
 */

/**
 * What a change may touch. The start date is past once the apprentice is in training, so the
 * dates that change are the contract's last day (an extension or a shortening).
 */
export const changeKinds = ['tutor', 'weekly_rhythm', 'end_date', 'allowance'] as const;
export type ChangeKind = (typeof changeKinds)[number];

export type ProposedChange =
  | { kind: 'tutor'; tutor: { name: string } }
  | { kind: 'weekly_rhythm'; weeklyRhythm: { schoolDays: number; companyDays: number } }
  | { kind: 'end_date'; endDate: string }
  | { kind: 'allowance'; monthlyAllowanceCents: number };

/** Who acts: an organisation's user. */
export interface Actor {
  organisationId: string;
  userId: string;
}

export type ChangeProposal = Actor & { change: ProposedChange; effectiveOn: string };

/** `lapsed`: still open when the contract it would change ended. */
export type ChangeStatus = 'open' | 'accepted' | 'rejected' | 'withdrawn' | 'lapsed';

export interface ContractChange {
  id: string;
  change: ProposedChange;
  effectiveOn: string;
  proposedBy: Actor & { party: PartyKind };
  /** The party that must agree, and the task it answers. */
  agreeingParty: PartyKind;
  taskId: string;
  status: ChangeStatus;
  proposedAt: string;
  decidedAt?: string | undefined;
}

/**
 * Who must agree to a change, by who proposes it; undefined where that party may not propose it.
 * - The tutor is the chamber's to approve: its opinion on the request covered the tutor
 *   (DOMAIN.md, the parties), so the employer proposes a new one and the chamber agrees.
 * - The weekly rhythm and the contract's last day bind the school's timetable and programme as
 *   much as the company's work: either side proposes, the other agrees.
 * - The allowance is the employer's to pay and the chamber's to check against the minimum
 *   when it registers the contract; the apprentice has no account to agree with, so the
 *   chamber agrees for the registered contract.
 * Where no chamber covers the trade, the ministry stands in for it (as for the registration).
 */
export function agreeingParty(kind: ChangeKind, proposer: PartyKind): 'chamber' | 'foreign_school' | 'employer' | undefined {
  switch (kind) {
    case 'tutor':
    case 'allowance':
      return proposer === 'employer' ? 'chamber' : undefined;
    case 'weekly_rhythm':
    case 'end_date':
      return proposer === 'employer' ? 'foreign_school' : proposer === 'foreign_school' ? 'employer' : undefined;
  }
}

export interface Suspension {
  id: string;
  /** The first day without training. */
  from: string;
  /** The day training resumes, once the employer has said it. */
  resumesOn?: string | undefined;
  suspendedBy: Actor;
  resumedBy?: Actor | undefined;
  recordedAt: string;
  /** When each date came and the status followed. */
  suspendedAt?: string | undefined;
  resumedAt?: string | undefined;
}

/**
 * How a contract ends early. In the trial period either side may end it; after it, with 15
 * days' notice; at any time by mutual agreement or for serious cause (reasons required); a
 * change of employer ends it so that the new employer's contract can start.
 */
export const terminationKinds = ['trial_period', 'notice', 'mutual_agreement', 'serious_cause', 'employer_change'] as const;
export type TerminationKind = (typeof terminationKinds)[number];

/** Days' notice for a termination after the trial period. */
export const noticeDays = 15;

export type TerminationNotice = Actor & {
  kind: TerminationKind;
  /** The first day the contract no longer runs. */
  effectiveOn: string;
  /** Free text: kept behind the login, never mailed. */
  reasons?: string | undefined;
  /** For a change of employer: who takes the apprentice on, and from when. */
  newEmployer?: { organisationId: string; startDate: string } | undefined;
};

export interface Termination {
  id: string;
  notice: TerminationNotice;
  /** The contract's date the notice was given on. */
  notifiedOn: string;
  notifiedAt: string;
  taskId: string;
  status: 'open' | 'agreed' | 'refused';
  decidedAt?: string | undefined;
  /** When the effective date came and the contract ended (or passed to the new employer). */
  endedAt?: string | undefined;
}

/** What the workflow carries of the contract's course. */
export interface ContractCourse {
  changes: ContractChange[];
  suspensions: Suspension[];
  terminations: Termination[];
  /** A version drawn up for an accepted change, until every signer has signed it. */
  revisionToSign?: number | undefined;
}

export function emptyCourse(): ContractCourse {
  return { changes: [], suspensions: [], terminations: [] };
}

const running: ApprenticeshipState['status'][] = ['in_training', 'suspended'];

/** The part an organisation plays in the case, if any. */
export function partyOf(state: ApprenticeshipState, organisationId: string): PartyKind | undefined {
  const found = Object.entries(state.participants).find(([, id]) => id === organisationId);
  return found?.[0] as PartyKind | undefined;
}

/**
 * The contract's last day as agreed so far: as the last accepted change of it or extension after
 * a failed final exam set it (`TrainingState.endDate`), or the authorised one.
 */
export function currentEndDate(state: ApprenticeshipState): string {
  const { training, request } = state;
  return training?.endDate ?? contractEndDate(request.startDate, training?.durationMonths ?? request.durationMonths);
}

/** The running contract's first day: the new employer's, after a change of employer. */
export function contractStart(state: ApprenticeshipState, course: ContractCourse): string {
  const moved = course.terminations.filter((t) => t.endedAt && t.notice.newEmployer).at(-1);
  return moved?.notice.newEmployer?.startDate ?? state.request.startDate;
}

function wrongState(message: string): Rejection {
  return { reason: 'WrongState', message };
}

function invalidDates(fields: { path: PropertyKey[]; message: string }[]): Rejection | undefined {
  return fields.length ? { reason: 'InvalidDates', message: 'The dates do not fit the contract', fields } : undefined;
}

/** Dates from `today` to the contract's last day are open to a change or an ending. */
function dateProblems(path: string, date: string, today: string, lastDay: string) {
  if (date < today) return [{ path: [path], message: `must be ${today} (today in the contract) or later` }];
  if (date > lastDay) return [{ path: [path], message: `must be on or before ${lastDay}, the contract's last day` }];
  return [];
}

function notRunning(state: ApprenticeshipState, course: ContractCourse): Rejection | undefined {
  if (!running.includes(state.status)) return wrongState(`The case is ${state.status}: its contract is not running`);
  // An agreed termination that has ended was a change of employer: the new contract runs.
  if (course.terminations.some((t) => t.status === 'agreed' && !t.endedAt)) return wrongState('The contract is ending: a termination has been agreed');
  return undefined;
}

export function validateProposal(state: ApprenticeshipState, course: ContractCourse, proposal: ChangeProposal, today: string): Rejection | undefined {
  const party = partyOf(state, proposal.organisationId);
  if (!party || !agreeingParty(proposal.change.kind, party)) return { reason: 'WrongParty', message: `Your organisation does not propose a change of ${proposal.change.kind} in this case` };
  const stopped = notRunning(state, course);
  if (stopped) return stopped;
  if (course.changes.some((c) => c.status === 'open' && c.change.kind === proposal.change.kind)) return wrongState(`A change of ${proposal.change.kind} is already proposed: withdraw it first`);
  const lastDay = currentEndDate(state);
  const fields = dateProblems('effectiveOn', proposal.effectiveOn, today, lastDay);
  if (proposal.change.kind === 'end_date' && proposal.change.endDate < proposal.effectiveOn) {
    fields.push({ path: ['endDate'], message: 'must be on or after the date the change takes effect' });
  }
  return invalidDates(fields);
}

export function validateWithdrawal(change: ContractChange | undefined, actor: Actor): Rejection | undefined {
  if (!change) return { reason: 'ChangeNotFound', message: 'There is no such change in this case' };
  if (change.proposedBy.organisationId !== actor.organisationId) return { reason: 'WrongParty', message: 'Only the organisation that proposed a change withdraws it' };
  if (change.status !== 'open') return wrongState(`This change is already ${change.status}`);
  return undefined;
}

export function validateSuspension(state: ApprenticeshipState, course: ContractCourse, actor: Actor, from: string, today: string): Rejection | undefined {
  if (actor.organisationId !== state.participants.employer) return { reason: 'WrongParty', message: 'The employer suspends the training' };
  const stopped = notRunning(state, course);
  if (stopped) return stopped;
  const last = course.suspensions.at(-1);
  if (last && !last.resumesOn) return wrongState('The training is already suspended');
  if (last?.resumesOn && from < last.resumesOn) return invalidDates([{ path: ['from'], message: `must be on or after ${last.resumesOn}, when the last suspension ends` }]);
  return invalidDates(dateProblems('from', from, today, currentEndDate(state)));
}

export function validateResumption(state: ApprenticeshipState, course: ContractCourse, actor: Actor, on: string, today: string): Rejection | undefined {
  if (actor.organisationId !== state.participants.employer) return { reason: 'WrongParty', message: 'The employer resumes the training' };
  const stopped = notRunning(state, course);
  if (stopped) return stopped;
  const last = course.suspensions.at(-1);
  if (!last || last.resumesOn) return wrongState('The training is not suspended');
  const fields = dateProblems('on', on, today, currentEndDate(state));
  if (on <= last.from) fields.push({ path: ['on'], message: `must be after ${last.from}, the first day of the suspension` });
  return invalidDates(fields);
}

/** Whether a notice given `today` keeps to its kind's rules; the chamber's agreement comes after. */
export function validateTermination(state: ApprenticeshipState, course: ContractCourse, notice: TerminationNotice, today: string): Rejection | undefined {
  // The apprentice has no account: the employer gives notice, or records the one it received.
  if (notice.organisationId !== state.participants.employer) return { reason: 'WrongParty', message: 'The employer gives or records the notice' };
  const stopped = notRunning(state, course);
  if (stopped) return stopped;
  if (course.terminations.some((t) => t.status === 'open')) return wrongState('A termination already waits for the chamber’s agreement');
  const fields = dateProblems('effectiveOn', notice.effectiveOn, today, currentEndDate(state));
  // A new employer's contract has a trial period of its own.
  const trialEnds = trialPeriodEnd(contractStart(state, course), state.request.durationMonths);
  if (notice.kind === 'trial_period' && today > trialEnds) fields.push({ path: ['kind'], message: `the trial period ended on ${trialEnds}` });
  if (notice.kind === 'notice' && notice.effectiveOn < addDays(today, noticeDays)) {
    fields.push({ path: ['effectiveOn'], message: `must be at least ${noticeDays} days after the notice: ${addDays(today, noticeDays)} or later` });
  }
  if (notice.kind === 'employer_change' && notice.newEmployer) {
    if (notice.newEmployer.organisationId === state.participants.employer) fields.push({ path: ['newEmployer', 'organisationId'], message: 'must be another employer' });
    // The old contract stops on or before the new one starts.
    if (notice.newEmployer.startDate < notice.effectiveOn) fields.push({ path: ['newEmployer', 'startDate'], message: 'must be on or after the date the current contract ends' });
  }
  return invalidDates(fields);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The terms a change touches, as they stand from each date on. */
export interface TermsFrom {
  from: string;
  tutor: { name: string };
  weeklyRhythm: { schoolDays: number; companyDays: number };
  endDate: string;
  monthlyAllowanceCents: number;
}

/** The terms over time: the authorised request's, then each accepted change from its effective date. */
export function termsOverTime(request: CaseRequest, changes: Pick<ContractChange, 'status' | 'effectiveOn' | 'change'>[]): TermsFrom[] {
  let terms: TermsFrom = {
    from: request.startDate,
    tutor: request.tutor,
    weeklyRhythm: request.weeklyRhythm,
    endDate: contractEndDate(request.startDate, request.durationMonths),
    monthlyAllowanceCents: request.proposedMonthlyAllowanceCents,
  };
  const periods = [terms];
  const accepted = changes.filter((c) => c.status === 'accepted').sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  for (const { change, effectiveOn } of accepted) {
    terms = { ...terms, from: effectiveOn, ...applied(change) };
    if (periods.at(-1)!.from === effectiveOn) periods.pop();
    periods.push(terms);
  }
  return periods;
}

function applied(change: ProposedChange): Partial<TermsFrom> {
  switch (change.kind) {
    case 'tutor':
      return { tutor: change.tutor };
    case 'weekly_rhythm':
      return { weeklyRhythm: change.weeklyRhythm };
    case 'end_date':
      return { endDate: change.endDate };
    case 'allowance':
      return { monthlyAllowanceCents: change.monthlyAllowanceCents };
  }
}

/**
 * What a version of the contract drawn up now states: the authorised terms with each accepted
 * change, and after a change of employer the new contract's start and trial period.
 */
export function amendedTerms(terms: ContractTerms, changes: Pick<ContractChange, 'status' | 'effectiveOn' | 'change'>[], newEmployerStart?: string): ContractTerms {
  const amended = { ...terms };
  const accepted = changes.filter((c) => c.status === 'accepted').sort((a, b) => a.effectiveOn.localeCompare(b.effectiveOn));
  for (const { change, effectiveOn } of accepted) {
    // The tutor, rhythm and end date are stated as they are; the allowance in each year from the change on.
    const { monthlyAllowanceCents: cents, ...stated } = applied(change);
    Object.assign(amended, stated);
    if (cents !== undefined) {
      amended.allowance = amended.allowance.map((year) => (year.to < effectiveOn ? year : { ...year, proposedCents: cents, belowMinimum: year.minimumCents !== null && cents < year.minimumCents }));
    }
  }
  if (newEmployerStart) Object.assign(amended, { startDate: newEmployerStart, trialPeriodEndsOn: trialPeriodEnd(newEmployerStart, terms.durationMonths) });
  return amended;
}

/** What a party is told of the contract's course: a mail names the fact and its date, never why. */
export const contractNotices = [
  'change_proposed',
  'change_accepted',
  'change_rejected',
  'change_withdrawn',
  'training_suspended',
  'training_resumed',
  'termination_agreed',
  'termination_refused',
  'contract_terminated',
  'employer_changed',
] as const;
export type ContractNotice = (typeof contractNotices)[number];
