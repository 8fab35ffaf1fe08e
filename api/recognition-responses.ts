import { z } from 'zod';
import { documentMediaTypes } from '../domain/documents.js';
import {
  diplomaTypeSchema,
  documentLanguages,
  documentRequestSchema,
  luxembourgQualifications,
  paymentSchema,
  recognitionDecisionSchema,
  recognitionDocumentKinds,
  recognitionRequestSchema,
  recognitionStatuses,
  type LuxembourgQualification,
  type TranslatedKind,
} from '../domain/recognition.js';

/**
 * What the recognition routes answer, as schemas: the OpenAPI document shows them and the
 * views are typed by them.
 */
const instant = z.string().describe('ISO 8601 instant');
const person = z.object({ id: z.string(), name: z.string().nullable() });
const translatedKind = z.enum(recognitionDocumentKinds.filter((k) => k !== 'translation') as [TranslatedKind, ...TranslatedKind[]]);
const qualification = z.enum(luxembourgQualifications as [LuxembourgQualification, ...LuxembourgQualification[]]);

/** A decision as the register keeps it: an equivalence with its level in the Luxembourg framework, or a refusal. */
export const registeredDecisionSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('equivalence'), qualification, level: z.number().int().describe('The level in the Luxembourg qualifications framework (the EQF level)'), tradeCode: z.string().optional() }),
  z.object({ outcome: z.literal('refusal') }),
]);

export const recognitionSummarySchema = z.object({
  id: z.uuid(),
  status: z.enum(recognitionStatuses),
  diploma: diplomaTypeSchema,
  requestedAt: instant,
  waitingSince: instant.describe('Since when it waits where it is (on the applicant, in examination, for approval)'),
  assignee: person.nullable(),
});

export const recognitionDocumentSchema = z.object({
  id: z.uuid(),
  kind: z.enum(recognitionDocumentKinds),
  language: z.enum(documentLanguages),
  translationOf: translatedKind.nullable(),
  fileName: z.string(),
  mediaType: z.enum(Object.keys(documentMediaTypes) as [string, ...string[]]),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: person,
  uploadedAt: instant,
});

export const recognitionDetailSchema = recognitionSummarySchema.extend({
  origin: z.discriminatedUnion('kind', [z.object({ kind: z.literal('case'), caseId: z.uuid() }), z.object({ kind: z.literal('independent') })]),
  /** Personal data: only the applicant and the recognition staff ever see a recognition. */
  request: recognitionRequestSchema,
  requiredDocuments: z.array(translatedKind),
  missingDocuments: z
    .array(z.object({ kind: translatedKind, problem: z.enum(['missing', 'translation_missing', 'requested_again']) }))
    .describe('What must still be uploaded before the documents can be submitted; `requested_again`: the ministry asked for it again and no new one came since'),
  documents: z.array(recognitionDocumentSchema),
  fee: z.object({ amountCents: z.number().int(), paid: z.boolean(), payment: paymentSchema.extend({ recordedBy: person.nullable() }).nullable() }),
  documentRequest: documentRequestSchema.nullable().describe('What the ministry asked for again, while the request waits on the applicant'),
  proposal: z.object({ decision: recognitionDecisionSchema, proposedBy: person }).nullable().describe('The decision waiting for a second officer'),
  precedent: z
    .object({ recognitionId: z.uuid().optional().describe('The recognition it was decided in: shown to the recognition staff only'), diploma: diplomaTypeSchema, decision: registeredDecisionSchema, decidedAt: instant })
    .nullable()
    .describe("The register's latest decision (not revoked) about the same diploma type: what to propose, unless there are reasons to depart from it"),
  decision: registeredDecisionSchema
    .and(z.object({ reasons: z.string().nullable(), followsPrecedent: z.boolean().nullable(), decidedAt: instant, revokedAt: instant.nullable(), revocationReasons: z.string().nullable() }))
    .nullable(),
  certificate: z.object({ href: z.string(), sha256: z.string() }).nullable().describe('The certificate (PDF), once issued'),
  credential: z.object({ id: z.uuid(), jwt: z.string().describe('The signed credential, for the holder to share') }).nullable(),
  processing: z
    .object({
      ministryDays: z.number().describe("The ministry's time so far (examination and approval), in days"),
      applicantDays: z.number().describe("The time spent waiting on the applicant's documents, in days: the ministry's clock stops then"),
      steps: z.array(z.object({ step: z.enum(['applicant', 'examination', 'approval']), startedAt: instant, endedAt: instant.nullable() })),
    })
    .describe('How long the request has taken, step by step, up to its decision'),
  updatedAt: instant,
});

export type RecognitionSummary = z.infer<typeof recognitionSummarySchema>;
export type RecognitionDetail = z.infer<typeof recognitionDetailSchema>;
export type RecognitionDocumentView = z.infer<typeof recognitionDocumentSchema>;
