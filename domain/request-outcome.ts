import type { CaseStatus } from './parties.js';

/**
 * Where a request stands for the Greater Region's report: still in review, authorised (whatever
 * became of the contract since), refused, withdrawn, or stuck waiting for an operator.
 */
export const requestOutcomes = ['in_review', 'authorised', 'refused', 'withdrawn', 'stuck'] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

export const outcomeOf: Record<CaseStatus, RequestOutcome> = {
  in_review: 'in_review',
  changes_requested: 'in_review',
  awaiting_decision: 'in_review',
  authorised: 'authorised',
  awaiting_signatures: 'authorised',
  awaiting_registration: 'authorised',
  in_training: 'authorised',
  suspended: 'authorised',
  terminated: 'authorised',
  completed: 'authorised',
  refused: 'refused',
  withdrawn: 'withdrawn',
  stuck: 'stuck',
};

/** Counts per outcome, every outcome present. */
export type OutcomeCounts = Record<RequestOutcome, number>;

export const noOutcomes = (): OutcomeCounts => Object.fromEntries(requestOutcomes.map((outcome) => [outcome, 0])) as OutcomeCounts;
