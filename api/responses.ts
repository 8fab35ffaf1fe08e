import { z } from 'zod';
import { userRoles } from '../domain/caller.js';
import { signers } from '../domain/contract.js';
import { documentKinds, documentMediaTypes } from '../domain/documents.js';
import { languages } from '../domain/language.js';
import { changeKinds } from '../domain/contract-changes.js';
import { caseStatuses, organisationKinds, taskKinds } from '../domain/parties.js';


/**
 * What the API answers, as schemas: the OpenAPI document shows them, and the view
 * functions are typed by them, so the documented shape and the real one cannot drift.
 */
const reference = z.object({ id: z.string(), name: z.string() });
const party = z.enum(['employer', 'adem', 'chamber', 'foreign_school', 'ministry']);
const instant = z.string().describe('ISO 8601 instant');
const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });

export const taskSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  kind: z.enum(taskKinds),
  party,
  organisation: reference,
  status: z.enum(['open', 'completed', 'cancelled']),
  answer: z
    .object({
      outcome: z.string(),
      reasons: z.string().nullable(),
      comments: z.array(z.object({ field: z.string(), comment: z.string() })).optional(),
    })
    .nullable(),
  assignee: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  dueOn: z.iso.date().nullable(),
  dueAt: instant.nullable(),
  completedBy: z.string().nullable(),
  createdAt: instant,
  completedAt: instant.nullable(),
});

export const caseSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string().describe('The short reference people quote'),
  status: z.enum(caseStatuses),
  waitingOn: z.array(party).describe('Whose turn it is'),
  tradeCode: z.string(),
  employer: reference,
  apprentice: z.object({ givenName: z.string(), familyName: z.string() }).nullable().describe('null only for a case stuck before its request was recorded'),
  startDate: z.iso.date().nullable().describe('null only for a case stuck before its request was recorded'),
  submittedAt: instant,
  updatedAt: instant,
  decidedAt: instant.nullable(),
  stuckReason: z.string().nullable().describe('Why a stuck case waits for an operator: codes and names, no personal data'),
});

export const lastAmendmentSchema = z
  .object({ revision: z.number().int(), amendedAt: instant, changes: z.array(fieldChange) })
  .nullable()
  .describe('The fields the last amendment changed; personal data the caller need not see is "[withheld]"');

export const allowanceYearSchema = z.object({
  year: z.number().int(),
  from: z.iso.date(),
  to: z.iso.date(),
  minimumCents: z.number().int().nullable(),
  minimumIfMidCoursePassedCents: z.number().int().optional(),
  proposedCents: z.number().int(),
  belowMinimum: z.boolean(),
  familyAllowanceEligible: z.boolean(),
  legalReference: z.string().nullable(),
});

const allowancePeriodSchema = z.object({
  year: z.number().int(),
  from: z.iso.date(),
  to: z.iso.date().describe('Inclusive'),
  minimumCents: z.number().int().nullable(),
  paidCents: z.number().int(),
  belowMinimum: z.boolean(),
  midCoursePassed: z.boolean(),
  legalReference: z.string().nullable(),
  tables: z
    .object({ allowanceRules: z.iso.date().nullable(), costOfLivingIndex: z.iso.date().nullable(), socialMinimumWage: z.iso.date().nullable() })
    .describe('The validFrom of each reference table version the minimum comes from'),
});

export const storedAllowanceScheduleSchema = z
  .object({
    version: z.number().int(),
    effectiveFrom: z.iso.date().describe('The first day this version changed anything'),
    reason: z.enum(['registration', 'mid_course', 'table_change', 'change']),
    midCoursePassedOn: z.iso.date().nullable(),
    years: z.array(allowancePeriodSchema).describe('Each training year, cut into periods wherever its minimum changes'),
    createdAt: instant,
  })
  .nullable()
  .describe('The registered contract\'s allowance schedule as stored (current version); null before registration');

export const caseDetailSchema = caseSummarySchema.extend({
  revision: z.number().int().describe('The request revision; If-Match compares it when amending'),
  request: z.looseObject({}).describe('The request at its latest revision, personal data the caller need not see "[withheld]"'),
  participants: z.record(z.string(), z.string()),
  eligibility: z.looseObject({}).nullable().describe('The check recorded at submission or at the last amendment'),
  allowanceSchedule: z.array(allowanceYearSchema).describe('The proposed schedule, with the tables as published now, until the contract\'s schedule is stored; then empty: see allowance'),
  allowance: storedAllowanceScheduleSchema,
  changeRequests: z.array(taskSummarySchema),
  lastAmendment: lastAmendmentSchema,
  tasks: z.array(taskSummarySchema),
  registration: z
    .object({ number: z.string(), contractVersion: z.number().int(), registeredAt: instant, registrar: reference })
    .nullable()
    .describe('The registered contract: null until the competent chamber (or the ministry, for a trade no chamber covers) registers it'),
  socialSecurity: z
    .object({ affiliationNumber: z.string(), affiliatedOn: z.iso.date(), confirmedAt: instant })
    .nullable()
    .describe('The apprentice\'s social security affiliation as the employer confirmed it; the number is "[withheld]" from the parties that need not know it'),
});

export const taskDetailSchema = taskSummarySchema.extend({
  case: caseSummarySchema,
  lastAmendment: lastAmendmentSchema,
  answers: z.array(taskSummarySchema).optional().describe('On a decision task: the opinions and enrolment answers'),
  changeRequests: z.array(taskSummarySchema).optional().describe('On an amendment task: the requests for changes of the round'),
});

export const historyEventSchema = z.object({
  at: instant,
  type: z.string(),
  user: reference.extend({ name: z.string().nullable() }).nullable(),
  organisation: reference.extend({ name: z.string().nullable() }).nullable(),
  data: z.looseObject({}),
});

export const referenceVersionSchema = z.object({
  table: z.string(),
  validFrom: z.iso.date(),
  validTo: z.iso.date().nullable().describe('Exclusive: the day the next version starts'),
  legalReference: z.string(),
  sample: z.boolean(),
  rows: z.array(z.looseObject({})),
  publishedBy: z.string().nullable().describe('The ministry user who published it; null for sample data'),
  publishedAt: instant,
});

export const organisationSchema = z.object({
  id: z.string(),
  kind: z.enum(organisationKinds),
  name: z.string(),
  country: z.string().nullable().describe('ISO 3166 country code'),
  region: z.string().nullable(),
  languages: z.array(z.enum(languages)).describe('The languages it is written to in'),
});

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  organisation: organisationSchema,
  roles: z.array(z.enum(['supervisor', ...userRoles])).describe('supervisor: assigns tasks and hears of the ones missed; administrator (ministry): reads decrypted Temporal payloads through /codec'),
  language: z.enum(languages),
});

export const caseDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(documentKinds),
  fileName: z.string(),
  mediaType: z.enum(Object.keys(documentMediaTypes) as [keyof typeof documentMediaTypes]).describe('By the content of the file'),
  size: z.number().int().describe('In bytes'),
  sha256: z.string().describe('The SHA-256 of the file, in hex'),
  uploadedBy: reference.describe('The user who attached it'),
  uploadedAt: instant,
});

const sha256 = z.string().describe('A SHA-256, in lowercase hex');

export const caseContractSchema = z.object({
  currentVersion: z.number().int().describe('The version the parties sign now'),
  registrationNumber: z.string().nullable().describe('Given by the chamber (or the ministry) that registered the contract'),
  versions: z.array(
    z.object({
      version: z.number().int(),
      sha256: sha256.describe("The SHA-256 of the version's PDF: what a signature names"),
      size: z.number().int().describe('In bytes'),
      language: z.enum(languages).describe("The employer's language, which the contract is written in"),
      drawnUpAt: instant,
      status: z.enum(['awaiting_signatures', 'signed', 'registered', 'void']),
      registrationNumber: z.string().nullable(),
      registeredAt: instant.nullable(),
      signatureDeadline: z
        .object({
          dueAt: instant.describe('When the parties are to have signed this version'),
          passed: z.boolean().describe('It passed with signatures missing (the case logged it, the employer and the registrar were told); late signatures are still taken'),
          missing: z.array(z.enum(signers)).describe('The signatures missing when it passed'),
        })
        .nullable()
        .describe('None for a version drawn up as the case was withdrawn'),
      document: z.string().describe('Where the PDF is downloaded'),
    }),
  ),
  signatures: z.array(
    z.object({
      contractVersion: z.number().int(),
      signer: z.enum(signers),
      method: z.enum(['online', 'scan']).describe('Signed through the system, or on paper and uploaded as a scan'),
      signedAt: instant,
      sha256: sha256.describe('The SHA-256 of the document signed'),
      voidedAt: instant.nullable().describe('When a new version of the contract voided it'),
    }),
  ),
});

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z.array(z.object({ pointer: z.string(), detail: z.string() })).optional(),
});

export type TaskSummary = z.infer<typeof taskSummarySchema>;
export type CaseSummary = z.infer<typeof caseSummarySchema>;
export type CaseDetail = z.infer<typeof caseDetailSchema>;
export type TaskDetail = z.infer<typeof taskDetailSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Me = z.infer<typeof meSchema>;
export type HistoryEvent = z.infer<typeof historyEventSchema>;
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

export const courseEntrySchema = z.object({
  id: z.string(),
  kind: z.enum([...changeKinds, 'suspension', 'termination']),
  status: z.enum(['open', 'accepted', 'rejected', 'withdrawn', 'lapsed']).describe('A suspension is accepted as recorded; a termination is accepted once the chamber agrees; a change still open when its contract ended has lapsed'),
  details: z.looseObject({}).describe('What changes (the new tutor, rhythm, end date or allowance); for a termination its kind, and the new employer for a change of employer'),
  effectiveOn: z.iso.date().describe('From when the change holds; the first day of a suspension; the first day without the contract'),
  endsOn: z.iso.date().nullable().describe('The day a suspended training resumes'),
  proposedBy: reference,
  agreeing: reference.nullable().describe('The organisation that must agree; null for a suspension'),
  taskId: z.string().nullable(),
  reasons: z.string().nullable().describe('Shown to the organisation that gave them, the one that agrees, and the ministry; null for the others'),
  proposedAt: instant,
  decidedAt: instant.nullable(),
  tookEffectAt: instant.nullable().describe('When the date came and the case followed (a suspension begun, a contract ended)'),
});

export const contractCourseSchema = z.object({
  entries: z.array(courseEntrySchema),
  terms: z
    .array(
      z.object({
        from: z.iso.date(),
        tutor: z.object({ name: z.string() }).loose(),
        weeklyRhythm: z.object({ schoolDays: z.number(), companyDays: z.number() }),
        endDate: z.iso.date(),
        monthlyAllowanceCents: z.number().int(),
      }),
    )
    .describe('The terms changes touch, from each effective date on: the authorised request, then each accepted change'),
});

export type CourseEntryView = z.infer<typeof courseEntrySchema>;
export type ContractCourseView = z.infer<typeof contractCourseSchema>;
export type CaseContract = z.infer<typeof caseContractSchema>;
