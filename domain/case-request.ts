import { z } from 'zod';
import { calendarDate } from './calendar-date.js';
import { singleLineText } from './text.js';

const isoDate = calendarDate();

export const residenceCountries = ['LU', 'DE', 'BE', 'FR'] as const;
export const minimumDurationMonths = 6;
export const maximumDurationMonths = 60;
/** Days of school and days in the company, each, in a week. */
export const daysInWeek = 5;

/**
 * What the employer submits: the request for the minister's prior authorisation. The schema
 * says only what makes a body readable as a request (types, required fields, dates, text);
 * every rule (country, trade, school, ages, durations, allowance, deadlines) is checked
 * together in `checkEligibility`, so the employer gets the whole list at once.
 */
export const caseRequestSchema = z
  .object({
    apprentice: z.object({
      givenName: singleLineText(200),
      familyName: singleLineText(200),
      birthDate: isoDate,
      residenceCountry: singleLineText(100).describe(
        `The country the apprentice lives in, as an ISO 3166-1 alpha-2 code. A rule of eligibility, checked with the others: ${residenceCountries.join(', ')}`,
      ),
      admRegistrationNumber: singleLineText(50).optional(),
      /** Where the apprentice's personal signing link goes: required, a rule of eligibility. */
      email: z.email().optional(),
    }),
    /** For a minor at the start date: signs the contract too, through a link sent to this address. */
    legalRepresentative: z
      .object({
        givenName: singleLineText(200),
        familyName: singleLineText(200),
        email: z.email().optional().describe('A rule of eligibility: required, the representative signs through a link sent here'),
      })
      .strict()
      .optional(),
    tradeCode: singleLineText(50),
    foreignSchool: z.object({
      organisationId: singleLineText(100),
      programme: singleLineText(300),
    }),
    tutor: z.object({
      name: singleLineText(200),
      email: z.email().optional(),
    }),
    startDate: isoDate,
    durationMonths: z.number().int().describe(`A rule of eligibility: ${minimumDurationMonths} to ${maximumDurationMonths} months, within the trade's own range`),
    weeklyRhythm: z.object({
      schoolDays: z.number().describe(`A rule of eligibility: 0 to ${daysInWeek}`),
      companyDays: z.number().describe(`A rule of eligibility: 0 to ${daysInWeek}`),
    }),
    proposedMonthlyAllowanceCents: z.number().int().describe("A rule of eligibility: at least the minimum allowance of the trade's first year"),
    /** An exceptional application, for a trade not on the school year's cross-border list. */
    exceptional: z.boolean().optional(),
  })
  .strict();

export type CaseRequest = z.infer<typeof caseRequestSchema>;
