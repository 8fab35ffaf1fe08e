import { z } from 'zod';
import { calendarDate } from './calendar-date.js';
import { languages } from './language.js';
import { singleLineText } from './text.js';

/**
 * The recognition of a foreign vocational diploma (DOMAIN.md step 7): requested by a graduate
 * of a case or by anyone holding such a diploma, decided by the ministry's recognition staff
 * with a second one's approval, recorded in the register of decisions and issued as a
 * certificate and a signed credential.
 */

/** The documents a request may hold; a translation stands beside the document it translates. */
export const recognitionDocumentKinds = ['diploma', 'transcript', 'identity_document', 'europass_supplement', 'translation'] as const;
export type RecognitionDocumentKind = (typeof recognitionDocumentKinds)[number];
export type TranslatedKind = Exclude<RecognitionDocumentKind, 'translation'>;

/** The languages the ministry reads; a document in any other comes with a translation. */
export const readLanguages = ['fr', 'de', 'lb', 'en'] as const;
export const documentLanguages = [...readLanguages, 'other'] as const;
export type DocumentLanguage = (typeof documentLanguages)[number];

/**
 * The Luxembourg qualifications a foreign diploma may be recognised as equivalent to, with
 * their level in the Luxembourg qualifications framework (CLQ), which is the EQF level.
 */
export const luxembourgQualificationLevels = { CCP: 2, DAP: 3, DT: 4, BTS: 5, BM: 5 } as const;
export type LuxembourgQualification = keyof typeof luxembourgQualificationLevels;
export const luxembourgQualifications = Object.keys(luxembourgQualificationLevels) as LuxembourgQualification[];

/** The foreign diploma type a decision is recorded against in the register. */
export const diplomaTypeSchema = z
  .object({
    /** ISO 3166-1 alpha-2 code of the issuing country. */
    country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 code in capitals, such as FR'),
    title: singleLineText(300),
    programme: singleLineText(300),
  })
  .strict();
export type DiplomaType = z.infer<typeof diplomaTypeSchema>;

/** What an applicant asks to be recognised; from a case, the system fills it from what it knows. */
export const recognitionRequestSchema = z
  .object({
    holder: z
      .object({
        givenName: singleLineText(200),
        familyName: singleLineText(200),
        birthDate: calendarDate(),
        email: z.email(),
        language: z.enum(languages),
      })
      .strict(),
    diploma: diplomaTypeSchema,
    /** The day the diploma was awarded. */
    awardedOn: calendarDate(),
    /** The school that awarded it, as written on the diploma. */
    schoolName: singleLineText(300),
    /** The trade it trains for, when it is one of the reference data's. */
    tradeCode: singleLineText(50).optional(),
    /** Whether a Europass certificate supplement exists for the diploma: then it is required. */
    europassSupplementExists: z.boolean(),
  })
  .strict();
export type RecognitionRequest = z.infer<typeof recognitionRequestSchema>;

/** Where a request came from: a case's final exam, or the applicant on their own. */
export type RecognitionOrigin = { kind: 'case'; caseId: string } | { kind: 'independent' };

/** The documents a request needs before the ministry examines it. */
export function requiredDocuments(request: Pick<RecognitionRequest, 'europassSupplementExists'>): TranslatedKind[] {
  return ['diploma', 'transcript', 'identity_document', ...(request.europassSupplementExists ? (['europass_supplement'] as const) : [])];
}

/** A document as the completeness check sees it. */
export interface SubmittedDocument {
  kind: RecognitionDocumentKind;
  language: DocumentLanguage;
  /** For a translation: the kind of document it translates. */
  translationOf?: TranslatedKind | undefined;
}

/** What is still missing: each required kind, and each document in another language without its translation. */
export function missingDocuments(required: readonly TranslatedKind[], documents: readonly SubmittedDocument[]): { kind: TranslatedKind; problem: 'missing' | 'translation_missing' }[] {
  const missing: { kind: TranslatedKind; problem: 'missing' | 'translation_missing' }[] = [];
  for (const kind of required) {
    const held = documents.filter((d) => d.kind === kind);
    if (held.length === 0) missing.push({ kind, problem: 'missing' });
    else if (held.every((d) => d.language === 'other') && !documents.some((d) => d.kind === 'translation' && d.translationOf === kind)) {
      missing.push({ kind, problem: 'translation_missing' });
    }
  }
  return missing;
}

/** A document the ministry asks for again: why, in the words the applicant is told. */
export const documentProblems = ['missing', 'unreadable', 'translation_missing', 'not_certified'] as const;
export type DocumentProblem = (typeof documentProblems)[number];

export const documentRequestSchema = z
  .object({
    documents: z
      .array(z.object({ kind: z.enum(recognitionDocumentKinds.filter((k) => k !== 'translation') as [TranslatedKind, ...TranslatedKind[]]), problem: z.enum(documentProblems), comment: singleLineText(500).optional() }).strict())
      .min(1, 'Name at least one document'),
  })
  .strict();
export type DocumentRequest = z.infer<typeof documentRequestSchema>;

/** The ministry's decision: equivalence to a Luxembourg qualification at its level, or refusal. */
export const recognitionDecisionSchema = z.discriminatedUnion('outcome', [
  z
    .object({
      outcome: z.literal('equivalence'),
      qualification: z.enum(luxembourgQualifications as [LuxembourgQualification, ...LuxembourgQualification[]]),
      /** The Luxembourg trade it is equivalent in, when one fits. */
      tradeCode: singleLineText(50).optional(),
      /** Required when the decision departs from the register's precedent. */
      reasons: z.string().trim().min(1).max(4000).optional(),
    })
    .strict(),
  z.object({ outcome: z.literal('refusal'), reasons: z.string().trim().min(1).max(4000) }).strict(),
]);
export type RecognitionDecision = z.infer<typeof recognitionDecisionSchema>;

/** A decision as the register keeps it, with the level it gives. */
export type RegisteredDecision = { outcome: 'equivalence'; qualification: LuxembourgQualification; level: number; tradeCode?: string | undefined } | { outcome: 'refusal' };

export function registeredDecision(decision: RecognitionDecision): RegisteredDecision {
  if (decision.outcome === 'refusal') return { outcome: 'refusal' };
  return { outcome: 'equivalence', qualification: decision.qualification, level: luxembourgQualificationLevels[decision.qualification], ...(decision.tradeCode ? { tradeCode: decision.tradeCode } : {}) };
}

/** Whether a decision gives something other than the precedent: then it needs reasons. */
export function departsFrom(precedent: RegisteredDecision, decision: RecognitionDecision): boolean {
  const given = registeredDecision(decision);
  if (given.outcome !== precedent.outcome) return true;
  if (given.outcome === 'refusal' || precedent.outcome === 'refusal') return false;
  return given.qualification !== precedent.qualification || (given.tradeCode ?? null) !== (precedent.tradeCode ?? null);
}

/**
 * The register's key of a diploma type: the same diploma written with other case, spaces or
 * accents is the same type.
 */
export function diplomaTypeKey(diploma: DiplomaType): string {
  const plain = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return [diploma.country, plain(diploma.title), plain(diploma.programme)].join('|');
}

/**
 * Where a request stands. `awaiting_applicant`: documents to add (the clock of the ministry
 * stops); `in_examination`: in the ministry's queue; `awaiting_approval`: a decision waits for
 * a second officer; then issued (an equivalence) or refused.
 */
export const recognitionStatuses = ['awaiting_applicant', 'in_examination', 'awaiting_approval', 'recognised', 'refused'] as const;
export type RecognitionStatus = (typeof recognitionStatuses)[number];

/** The steps a request's processing time is measured by; the applicant's is counted apart. */
export type RecognitionStep = 'applicant' | 'examination' | 'approval';
export function stepOf(status: RecognitionStatus): RecognitionStep | undefined {
  switch (status) {
    case 'awaiting_applicant':
      return 'applicant';
    case 'in_examination':
      return 'examination';
    case 'awaiting_approval':
      return 'approval';
    default:
      return undefined;
  }
}

export const paymentSchema = z
  .object({
    amountCents: z.number().int().min(0),
    paidOn: calendarDate(),
    /** The bank transfer's reference, as the ministry's account shows it. */
    reference: singleLineText(100),
  })
  .strict();
export type Payment = z.infer<typeof paymentSchema>;

export const revocationSchema = z.object({ reasons: z.string().trim().min(1).max(4000) }).strict();

/** The countries whose vocational diplomas come with a Europass certificate supplement: then it is required. */
const europassSupplementCountries = ['FR', 'DE', 'BE'];
export function issuesEuropassSupplement(country: string): boolean {
  return europassSupplementCountries.includes(country);
}

/** A stretch of a request's processing: whom it waited on, from when until when (open: still waiting). */
export interface StepStretch {
  step: RecognitionStep;
  startedAt: Date;
  endedAt: Date | null;
}

const dayMs = 86_400_000;
const days = (ms: number) => Math.round((ms / dayMs) * 100) / 100;

/**
 * A request's own processing time, in days to the hundredth, up to `until` (its decision, or
 * now): the ministry's (its examination and approval) and the applicant's waiting, apart.
 */
export function processingOf(stretches: readonly StepStretch[], until: Date): { ministryDays: number; applicantDays: number } {
  let ministry = 0;
  let applicant = 0;
  for (const { step, startedAt, endedAt } of stretches) {
    const spent = (endedAt ?? until).getTime() - startedAt.getTime();
    if (step === 'applicant') applicant += spent;
    else ministry += spent;
  }
  return { ministryDays: days(ministry), applicantDays: days(applicant) };
}
