import type { CaseScope } from '../db/case-queries.js';
import type { Caller } from '../domain/caller.js';
import type { PartyKind } from '../domain/parties.js';
import type { Config } from '../infra/config.js';

/**
 * Who may see or do what: the one place that decides it. Queries apply the scopes decided
 * here; operations ask the questions below before they act.
 */

/** Which cases a caller sees: the employer its own, the ministry all, every other party those it has a task in. */
export function caseScope(caller: Caller, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): CaseScope {
  if (caller.organisationKind === 'employer') return { kind: 'employer', organisationId: caller.organisationId };
  if (caller.organisationId === config.MINISTRY_ORGANISATION_ID) return { kind: 'all' };
  return { kind: 'party', organisationId: caller.organisationId };
}

/**
 * How a caller stands to a task: its organisation's own, one it sees in a case it takes part
 * in, or hidden (answered as an unknown id, so that nobody learns it exists).
 */
export type TaskStanding = 'own' | 'seen' | 'hidden';

export function taskStanding(caller: Caller, task: { organisation_id: string }, caseVisible: boolean): TaskStanding {
  if (task.organisation_id === caller.organisationId) return 'own';
  return caseVisible ? 'seen' : 'hidden';
}

/** Only an employer submits, amends or withdraws a request. */
export function mayActAsEmployer(caller: Caller): boolean {
  return caller.organisationKind === 'employer';
}

/** A claim holds the task: who other than the caller holds it, if anyone. */
export function heldByAnother(caller: Caller, task: { assignee_user_id: string | null }): boolean {
  return task.assignee_user_id !== null && task.assignee_user_id !== caller.userId;
}

/** Whether a user supervises their organisation's work. */
export function isSupervisor(user: { is_supervisor: boolean } | undefined): boolean {
  return user?.is_supervisor ?? false;
}

/** The assignee, or a supervisor, puts a task back in the queue. */
export function mayUnclaim(caller: Caller, assigneeUserId: string | null, supervisor: boolean): boolean {
  return assigneeUserId === null || assigneeUserId === caller.userId || supervisor;
}

/**
 * The figures across every case (the dashboard of what waits on whom, the Greater Region
 * report) are the ministry's, which sees every case (caseScope); no other party's.
 */
export function mayReadReports(caller: Caller, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): boolean {
  return caller.organisationId === config.MINISTRY_ORGANISATION_ID;
}

/** Only the ministry publishes reference data. */
export function mayPublishReference(caller: Caller, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): boolean {
  return caller.organisationId === config.MINISTRY_ORGANISATION_ID;
}

/**
 * The part the caller's organisation plays in a case, which decides what of the personal
 * data it sees; undefined when only its earlier tasks tell (replaced by an amendment).
 */
export function partyIn(caller: Caller, participants: Record<string, string>, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): PartyKind | undefined {
  if (caller.organisationId === participants.employer) return 'employer';
  if (caller.organisationId === config.MINISTRY_ORGANISATION_ID) return 'ministry';
  return Object.entries(participants).find(([, organisationId]) => organisationId === caller.organisationId)?.[0] as PartyKind | undefined;
}

/**
 * A case's documents are its parties': the organisations it names now (and the ministry). One
 * replaced by an amendment still sees the case, not the documents attached for its successor.
 */
export function mayReadDocuments(caller: Caller, participants: Record<string, string>, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): boolean {
  return partyIn(caller, participants, config) !== undefined;
}

/** Only the case's employer attaches documents to it. */
export function mayAttachDocuments(caller: Caller, participants: Record<string, string>): boolean {
  return caller.organisationId === participants.employer;
}

/** Decrypted payloads show every apprentice's personal data: only the ministry's administrators read them. */
export function mayReadPayloads(caller: Caller): boolean {
  return caller.organisationKind === 'ministry' && caller.roles.includes('administrator');
}

/**
 * Why a change or termination was proposed or refused may be about the apprentice's conduct:
 * only the organisation that gave the reasons, the one that agrees, and the ministry read them.
 */
export function mayReadCourseReasons(caller: Caller, entry: { proposed_by_organisation_id: string; agreeing_organisation_id: string | null }, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): boolean {
  return [entry.proposed_by_organisation_id, entry.agreeing_organisation_id, config.MINISTRY_ORGANISATION_ID].includes(caller.organisationId);
}

/** The ministry's recognition staff examine, propose and approve recognitions. */
export function mayDecideRecognitions(caller: Caller, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): boolean {
  return caller.organisationId === config.MINISTRY_ORGANISATION_ID && caller.roles.includes('recognition_officer');
}

/**
 * How a caller stands to a recognition: its applicant, one of the recognition staff, or
 * hidden (answered as an unknown id: its request is personal data, its existence too).
 */
export type RecognitionStanding = 'applicant' | 'officer' | 'hidden';

export function recognitionStanding(caller: Caller, recognition: { applicant_organisation_id: string }, config: Pick<Config, 'MINISTRY_ORGANISATION_ID'>): RecognitionStanding {
  if (mayDecideRecognitions(caller, config)) return 'officer';
  if (caller.organisationKind === 'applicant' && recognition.applicant_organisation_id === caller.organisationId) return 'applicant';
  return 'hidden';
}

/** Only a person acting for themselves (an applicant organisation) asks for a recognition. */
export function mayApplyForRecognition(caller: Caller): boolean {
  return caller.organisationKind === 'applicant';
}
