import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * The rules' numbers, as data: each table is published in versions, each version valid
 * from a date (and closed when the next one starts) and carrying the legal reference it
 * applies. The code holds only the methods.
 */
const isoDate = calendarDate();
/** Codes, ids and names: bounded, so a table cannot be published with a name of any length. */
const textInReferenceMax = 300;
const names = z.object({ fr: z.string().min(1).max(textInReferenceMax), de: z.string().min(1).max(textInReferenceMax), en: z.string().min(1).max(textInReferenceMax) });
const validity = { validFrom: isoDate, validTo: isoDate.nullable() };

export const qualifications = ['CCP', 'DAP', 'DT'] as const;
export type Qualification = (typeof qualifications)[number];

export const tradeSchema = z.object({
  code: z.string().min(1).max(textInReferenceMax),
  names,
  /** The chamber competent for the trade; null where none is: the ministry registers contracts. */
  chamberOrganisationId: z.string().min(1).max(textInReferenceMax).nullable(),
  qualification: z.enum(qualifications),
  standardDurationYears: z.number().int().min(1).max(4),
  minDurationMonths: z.number().int().min(6).max(60),
  maxDurationMonths: z.number().int().min(6).max(60),
  /** On the year's list of trades learned through cross-border apprenticeship. */
  crossBorderListed: z.boolean(),
});

export const agreementSchema = z.object({
  code: z.string().min(1).max(textInReferenceMax),
  name: z.string().min(1).max(textInReferenceMax),
  country: z.enum(['FR', 'DE', 'BE']),
  /** null: the whole country. */
  region: z.string().min(1).max(textInReferenceMax).nullable(),
  partnerBody: z.string().min(1).max(textInReferenceMax),
  ...validity,
});

export const schoolProgrammeSchema = z.object({
  schoolOrganisationId: z.string().min(1).max(textInReferenceMax),
  tradeCode: z.string().min(1).max(textInReferenceMax),
  programme: z.string().min(1).max(textInReferenceMax),
});

export const rightToTrainSchema = z.object({
  employerOrganisationId: z.string().min(1).max(textInReferenceMax),
  tradeCode: z.string().min(1).max(textInReferenceMax),
  chamberOrganisationId: z.string().min(1).max(textInReferenceMax).nullable(),
  ...validity,
});

const allowanceRuleScope = {
  /** A rule names a trade, or a qualification type for every trade of that type. */
  tradeCode: z.string().min(1).max(textInReferenceMax).optional(),
  qualification: z.enum(qualifications).optional(),
  year: z.number().int().min(1).max(4),
  /** Whether the mid-course integrated project is passed; `any` where it does not matter (CCP). */
  midCourse: z.enum(['passed', 'not_passed', 'any']),
};

export const allowanceRuleSchema = z
  .discriminatedUnion('method', [
    z.object({
      ...allowanceRuleScope,
      method: z.literal('index_100'),
      /** Monthly amount at index 100, in cents; scaled by the cost-of-living index in force. */
      amountAtIndex100Cents: z.number().int().positive(),
    }),
    z.object({
      ...allowanceRuleScope,
      method: z.literal('social_minimum_wage_share'),
      /** Share of the unqualified social minimum wage in force, in basis points (4500 = 45%). */
      shareBasisPoints: z.number().int().min(1).max(10_000),
    }),
  ])
  .refine((rule) => (rule.tradeCode === undefined) !== (rule.qualification === undefined), {
    message: 'a rule names either a tradeCode or a qualification',
  });

export const costOfLivingIndexSchema = z.object({
  validFrom: isoDate,
  /** The index points in hundredths (968.04 points = 96804), so amounts stay exact integers. */
  pointsHundredths: z.number().int().positive(),
});

export const socialMinimumWageSchema = z.object({
  validFrom: isoDate,
  unqualifiedMonthlyCents: z.number().int().positive(),
});

export const applicationDeadlineSchema = z.object({
  schoolYear: z.string().regex(/^\d{4}\/\d{4}$/),
  startsOn: isoDate,
  endsOn: isoDate,
  regularDeadline: isoDate,
  /** For a trade not on the year's list. */
  exceptionalDeadline: isoDate,
});

export const publicHolidaySchema = z
  .object({
    name: z.string().min(1).max(textInReferenceMax),
    /** A fixed day of the year… */
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    /** …or a number of days after Easter Sunday. */
    easterOffsetDays: z.number().int().min(-60).max(70).optional(),
    ...validity,
  })
  .refine((h) => (h.easterOffsetDays === undefined) !== (h.month === undefined || h.day === undefined), {
    message: 'a holiday is either a month and day or an offset from Easter',
  });

/** The fee for recognising a diploma, by the country that issued it. */
export const recognitionFeeSchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  amountCents: z.number().int().min(0),
});

export const referenceTables = {
  trades: tradeSchema,
  agreements: agreementSchema,
  'school-programmes': schoolProgrammeSchema,
  'rights-to-train': rightToTrainSchema,
  'allowance-rules': allowanceRuleSchema,
  'cost-of-living-index': costOfLivingIndexSchema,
  'social-minimum-wage': socialMinimumWageSchema,
  'application-deadlines': applicationDeadlineSchema,
  'public-holidays': publicHolidaySchema,
  'recognition-fees': recognitionFeeSchema,
} as const;

export type ReferenceTableName = keyof typeof referenceTables;
export const referenceTableNames = Object.keys(referenceTables) as ReferenceTableName[];
export type ReferenceRow<T extends ReferenceTableName> = z.infer<(typeof referenceTables)[T]>;

export type Trade = ReferenceRow<'trades'>;
export type Agreement = ReferenceRow<'agreements'>;
export type SchoolProgramme = ReferenceRow<'school-programmes'>;
export type RightToTrain = ReferenceRow<'rights-to-train'>;
export type AllowanceRule = ReferenceRow<'allowance-rules'>;
export type CostOfLivingIndex = ReferenceRow<'cost-of-living-index'>;
export type SocialMinimumWage = ReferenceRow<'social-minimum-wage'>;
export type ApplicationDeadline = ReferenceRow<'application-deadlines'>;
export type PublicHoliday = ReferenceRow<'public-holidays'>;
export type RecognitionFee = ReferenceRow<'recognition-fees'>;

/** One published version of a table: its rows and where they come from. */
export interface ReferenceVersion<T extends ReferenceTableName = ReferenceTableName> {
  table: T;
  validFrom: string;
  /** Exclusive: the day the next version starts; null while it is the latest. */
  validTo: string | null;
  legalReference: string;
  /** Sample data imitating the legal reference, not the law itself. */
  sample: boolean;
  rows: ReferenceRow<T>[];
}

/** Every version of every reference table: small enough to read whole for one decision. */
export type ReferenceData = { [T in ReferenceTableName]: ReferenceVersion<T>[] };

// Kept apart so that workflow code can use them without the validation library.
export { rowInForce, versionInForce } from './validity.js';
