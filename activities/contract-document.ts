import type { Kysely } from 'kysely';
import type { DocumentStore } from '../application/document-store.js';
import { allowanceScheduleOf } from '../application/views.js';
import { acceptedCourse } from '../db/contract-course.js';
import { contractSources, findContractVersion, recordContract } from '../db/contracts.js';
import { loadReferenceData } from '../db/reference-store.js';
import type { Database } from '../db/schema.js';
import { amendedTerms } from '../domain/contract-changes.js';
import { contractEndDate, trialPeriodEnd, type ContractTerms } from '../domain/contract.js';
import type { ReferenceData } from '../domain/reference-data.js';
import { renderContract } from './contract-pdf.js';

export interface DrawUpContract {
  caseId: string;
  version: number;
  /** Workflow time: the date the contract states and the PDF's creation date. */
  drawnUpAt: string;
  /** Where the workflow places the event in the case's log. */
  sequence?: number | undefined;
  /** When the parties are to have signed this version: logged with it, shown with the contract. */
  signaturesDueAt?: string | undefined;
}

/** The stored PDF of a contract version. */
export interface ContractDocument {
  sha256: string;
  size: number;
}

/** What the contract states, from the request as authorised, in the employer's language. */
function termsOf(caseId: string, version: number, sources: Awaited<ReturnType<typeof contractSources>>, reference: ReferenceData): ContractTerms {
  const { request, eligibility, employer, school } = sources;
  // The trade as the tables gave it when the request was checked: the one the ministry authorised.
  const trade = eligibility?.trade;
  if (!trade) throw new Error(`case ${caseId}: no trade was found when its request was checked`);
  const language = employer.language;
  const { startDate, durationMonths, apprentice } = request;
  return {
    caseId,
    version,
    language,
    employer: { organisationId: employer.id, name: employer.name },
    apprentice: { givenName: apprentice.givenName, familyName: apprentice.familyName, birthDate: apprentice.birthDate, residenceCountry: apprentice.residenceCountry },
    minor: eligibility.parentalAuthorisationRequired,
    ...(request.legalRepresentative ? { legalRepresentative: { givenName: request.legalRepresentative.givenName, familyName: request.legalRepresentative.familyName } } : {}),
    trade: { code: trade.code, name: trade.names[language], qualification: trade.qualification },
    school: { organisationId: school.id, name: school.name, programme: request.foreignSchool.programme },
    tutor: { name: request.tutor.name },
    startDate,
    endDate: contractEndDate(startDate, durationMonths),
    durationMonths,
    trialPeriodEndsOn: trialPeriodEnd(startDate, durationMonths),
    weeklyRhythm: request.weeklyRhythm,
    // The tables in force on each year's first day, as the case's own view computes them.
    allowance: allowanceScheduleOf(sources, reference),
  };
}

/** Draws up the contract's PDFs and keeps them, each version once. */
export function createContractDocumentActivities({ db, documents }: { db: Kysely<Database>; documents: DocumentStore }) {
  return {
    /**
     * Draws up a version of the case's contract: renders it, stores the bytes by their SHA-256
     * and records the version. A version already drawn up is answered as stored, so a retry
     * (or a version drawn up under changed tables) never replaces what the parties may have read.
     */
    async drawUpContract({ caseId, version, drawnUpAt, sequence, signaturesDueAt }: DrawUpContract): Promise<ContractDocument> {
      const drawn = await findContractVersion(db, caseId, version);
      if (drawn) return { sha256: drawn.sha256, size: drawn.size };
      const [sources, reference, course] = await Promise.all([contractSources(db, caseId), loadReferenceData(db), acceptedCourse(db, caseId)]);
      // A later version states the changes agreed since the first (domain/contract-changes.ts).
      const terms = amendedTerms(termsOf(caseId, version, sources, reference), course.changes, course.newEmployerStart);
      const bytes = await renderContract(terms, drawnUpAt);
      const sha256 = await documents.put(bytes);
      return recordContract(db, { terms, sha256, size: bytes.length, drawnUpAt, sequence, signaturesDueAt });
    },
  };
}

export type ContractDocumentActivities = ReturnType<typeof createContractDocumentActivities>;
