import { addMonths, previousDay, type AllowanceYear } from './allowance.js';
import type { Language } from './language.js';
import type { Qualification } from './reference-data.js';

/** Who signs an apprenticeship contract: the legal representative only for a minor. */
export const signers = ['employer', 'apprentice', 'legal_representative'] as const;
export type Signer = (typeof signers)[number];
/** Signed through the system, or on paper and uploaded as a scan a chamber user accepts. */
export type SignatureMethod = 'online' | 'scan';
export type ContractStatus = 'awaiting_signatures' | 'signed' | 'registered' | 'void';

/** The longest trial period the law allows, from the start of the contract. */
export const trialPeriodMonths = 3;

/** What one version of the contract states, as drawn up: the PDF is rendered from this. */
export interface ContractTerms {
  caseId: string;
  version: number;
  language: Language;
  employer: { organisationId: string; name: string };
  apprentice: { givenName: string; familyName: string; birthDate: string; residenceCountry: string };
  legalRepresentative?: { givenName: string; familyName: string } | undefined;
  /** Under 18 on the start date: the legal representative signs too. */
  minor: boolean;
  trade: { code: string; name: string; qualification: Qualification };
  school: { organisationId: string; name: string; programme: string };
  tutor: { name: string };
  startDate: string;
  /** The last day of the contract. */
  endDate: string;
  durationMonths: number;
  /** The last day of the trial period. */
  trialPeriodEndsOn: string;
  weeklyRhythm: { schoolDays: number; companyDays: number };
  allowance: AllowanceYear[];
}

/** The last day of a contract of `durationMonths` from `startDate`. */
export function contractEndDate(startDate: string, durationMonths: number): string {
  return previousDay(addMonths(startDate, durationMonths));
}

/** The last day of the trial period: three months from the start, never past the contract's end. */
export function trialPeriodEnd(startDate: string, durationMonths: number): string {
  return previousDay(addMonths(startDate, Math.min(trialPeriodMonths, durationMonths)));
}

/** The contract's anniversaries up to its last day: the first day of each training year after the first. */
export function anniversaries(startDate: string, lastDay: string): string[] {
  const dates: string[] = [];
  for (let months = 12; addMonths(startDate, months) <= lastDay; months += 12) dates.push(addMonths(startDate, months));
  return dates;
}
