import { z } from 'zod';
import { singleLineText } from './text.js';

const isoDate = z.iso.date();

export const residenceCountries = ['LU', 'DE', 'BE', 'FR'] as const;

/** What the employer submits: the request for the minister's prior authorisation. */
export const caseRequestSchema = z
  .object({
    apprentice: z.object({
      givenName: singleLineText(200),
      familyName: singleLineText(200),
      birthDate: isoDate,
      residenceCountry: z.enum(residenceCountries),
      admRegistrationNumber: singleLineText(50).optional(),
      email: z.email().optional(),
    }),
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
    durationMonths: z.number().int().min(6).max(60),
    weeklyRhythm: z.object({
      schoolDays: z.number().min(0).max(5),
      companyDays: z.number().min(0).max(5),
    }),
    proposedMonthlyAllowanceCents: z.number().int().positive(),
    /** An exceptional application, for a trade not on the school year's cross-border list. */
    exceptional: z.boolean().optional(),
  })
  .strict();

export type CaseRequest = z.infer<typeof caseRequestSchema>;
