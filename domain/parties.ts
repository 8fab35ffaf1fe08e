/** The organisations that take part in a case. */
/** `foreign_authority`: the partner body of a cross-border agreement, told of a contract's end. */
/** `applicant`: a person asking for a diploma's recognition, their own organisation. */
export const organisationKinds = ['employer', 'adem', 'chamber', 'ministry', 'foreign_school', 'foreign_authority', 'applicant'] as const;
export type OrganisationKind = (typeof organisationKinds)[number];
/** The organisations the directory lists: an applicant is a person, whose name is theirs alone. */
export const listedOrganisationKinds = ['employer', 'adem', 'chamber', 'ministry', 'foreign_school', 'foreign_authority'] as const satisfies readonly OrganisationKind[];

/** The parties that answer a task, in a case's routing. */
export const reviewParties = ['adem', 'chamber', 'foreign_school'] as const;
export type ReviewParty = (typeof reviewParties)[number];
export type PartyKind = ReviewParty | 'ministry' | 'employer';

/**
 * The review's tasks, then the contract's and the training years': a signature (the employer's
 * own), a scan signed outside the system to accept, the registration, the social security
 * affiliation, the medical examination, a change or termination to agree to, a school year's
 * result and the final exam.
 */
export const taskKinds = [
  'opinion',
  'enrolment',
  'decision',
  'amendment',
  'signature',
  'scan_review',
  'registration',
  'social_security',
  'medical_examination',
  'change_agreement',
  'termination_agreement',
  'school_year_result',
  'final_exam',
] as const;
export type TaskKind = (typeof taskKinds)[number];
export type TaskStatus = 'open' | 'completed' | 'cancelled';

/** `stuck`: stopped by a failure that retrying cannot fix; an operator has been told. */
export const caseStatuses = [
  'in_review',
  'changes_requested',
  'awaiting_decision',
  'authorised',
  'refused',
  'withdrawn',
  'stuck',
  // The contract and its years, once authorised.
  'awaiting_signatures',
  'awaiting_registration',
  'in_training',
  'suspended',
  'terminated',
  'completed',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** ADEM and the chamber give an opinion, the school confirms the enrolment, the ministry decides. */
export const taskKindOf: Record<PartyKind, TaskKind> = {
  adem: 'opinion',
  chamber: 'opinion',
  foreign_school: 'enrolment',
  ministry: 'decision',
  employer: 'amendment',
};

/** Which organisation answers for each party in one case. */
export type Participants = Record<Exclude<PartyKind, 'employer'>, string> & { employer: string };
