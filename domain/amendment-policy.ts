import type { ReviewParty } from './parties.js';

/**
 * Which earlier answers a change to each field of the request resets: those parties
 * answer again on the new revision, the others keep their answers. One declared policy,
 * read by the workflow and shown to people as it is.
 */
export const resetPolicy = {
  '/apprentice/givenName': ['adem', 'foreign_school'],
  '/apprentice/familyName': ['adem', 'foreign_school'],
  '/apprentice/birthDate': ['adem', 'foreign_school'],
  '/apprentice/residenceCountry': ['adem'],
  '/apprentice/admRegistrationNumber': ['adem'],
  '/apprentice/email': [],
  // Who signs the contract with a minor: the ministry weighs it when it decides.
  '/legalRepresentative/givenName': [],
  '/legalRepresentative/familyName': [],
  '/legalRepresentative/email': [],
  '/tradeCode': ['adem', 'chamber', 'foreign_school'],
  '/foreignSchool/organisationId': ['foreign_school'],
  '/foreignSchool/programme': ['foreign_school'],
  '/tutor/name': ['chamber'],
  '/tutor/email': [],
  '/startDate': ['adem', 'chamber', 'foreign_school'],
  '/durationMonths': ['chamber', 'foreign_school'],
  '/weeklyRhythm/schoolDays': ['chamber', 'foreign_school'],
  '/weeklyRhythm/companyDays': ['chamber', 'foreign_school'],
  '/proposedMonthlyAllowanceCents': ['adem', 'chamber'],
  // The route is the ministry's to weigh; it decides after every amendment anyway.
  '/exceptional': [],
} as const satisfies Record<string, readonly ReviewParty[]>;

export type RequestField = keyof typeof resetPolicy;
export const requestFields = Object.keys(resetPolicy) as [RequestField, ...RequestField[]];

/** The parties whose answers the changed fields reset. */
export function partiesResetBy(fields: readonly string[]): Set<ReviewParty> {
  return new Set(fields.flatMap((field) => (resetPolicy as Record<string, readonly ReviewParty[]>)[field] ?? []));
}
