import { createHash } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { Kysely } from 'kysely';
import type { DocumentStore } from '../application/document-store.js';
import { findCredential, recordCredential } from '../db/recognition-credentials.js';
import { referenceVersions } from '../db/reference-store.js';
import {
  findOpenedRecognition,
  graduationOf,
  recognitionToIssue,
  recordCertificate,
  recordInRegister,
  recordRecognitionOpened,
  recordRecognitionPayment,
  recordRecognitionStatus,
} from '../db/recognitions.js';
import type { Database } from '../db/schema.js';
import { credentialPayload, type CertificateFacts } from '../domain/credential.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { diplomaTypeKey, issuesEuropassSupplement, requiredDocuments, type RecognitionRequest } from '../domain/recognition.js';
import { versionInForce } from '../domain/reference-data.js';
import type { CredentialKeys } from '../infra/credential-keys.js';
import { recognitionWorkflowId, type RecognitionActivities } from '../workflows/recognition/contract.js';
import { refusalsAreFinal } from './refusals.js';
import { renderRecognitionCertificate } from './recognition-certificate.js';

/** The failure of a request whose issuing country has no fee in force: a retry cannot find one. */
export const recognitionFeeMissingType = 'RecognitionFeeMissing';

/**
 * The credential's id, the same for every attempt to issue it: a UUID (version 5 layout) drawn
 * from the recognition's id, so a retried issue signs the credential it recorded, not another.
 */
function credentialIdOf(recognitionId: string): string {
  const hash = createHash('sha256').update(`recognition-credential:${recognitionId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * Keeps the query side and the register in step with the recognition workflow, and issues its
 * certificate and credential. Each write is keyed by the workflow's own ids or sequence, so a
 * retried activity writes nothing twice.
 */
export function createRecognitionActivities({ db, documents, credentialKeys, publicBaseUrl }: { db: Kysely<Database>; documents: DocumentStore; credentialKeys: CredentialKeys; publicBaseUrl: string }) {
  /** The fee of the diploma's country in the version in force the day it was asked for. */
  async function feeOf(country: string, requestedAt: string): Promise<number> {
    const version = versionInForce(await referenceVersions(db, 'recognition-fees'), luxembourgDate(requestedAt));
    const fee = version?.rows.find((row) => row.country === country);
    if (!fee) throw ApplicationFailure.nonRetryable(`No recognition fee is in force for diplomas of ${country} on ${luxembourgDate(requestedAt)}`, recognitionFeeMissingType);
    return fee.amountCents;
  }

  const activities: RecognitionActivities = {
    async openRecognition(input) {
      const recorded = await findOpenedRecognition(db, input.recognitionId);
      if (recorded) return recorded;
      const { request } = input;
      if (input.origin.kind === 'independent' && !input.applicantUserId) throw ApplicationFailure.nonRetryable(`recognition ${input.recognitionId}: an independent request names its applicant`);
      return recordRecognitionOpened(db, {
        id: input.recognitionId,
        workflowId: recognitionWorkflowId(input.recognitionId),
        caseId: input.origin.kind === 'case' ? input.origin.caseId : null,
        applicantUserId: input.applicantUserId,
        request,
        diplomaKey: diplomaTypeKey(request.diploma),
        required: requiredDocuments(request),
        feeCents: await feeOf(request.diploma.country, input.requestedAt),
        requestedAt: input.requestedAt,
      });
    },

    async recordRecognitionStatus(change) {
      await recordRecognitionStatus(db, change);
    },

    async recordPayment(recognitionId, payment, by) {
      await recordRecognitionPayment(db, recognitionId, payment, by);
    },

    async issueRecognition({ recognitionId, decision, proposedBy, approvedBy, decidedAt }) {
      const registered = await recordInRegister(db, { recognitionId, decision, proposedBy: proposedBy.userId, approvedBy: approvedBy.userId, decidedAt });
      const { request, certificate_sha256: drawnUp } = await recognitionToIssue(db, recognitionId);
      const facts: CertificateFacts = {
        recognitionId,
        ...(registered.outcome === 'equivalence' ? { credentialId: credentialIdOf(recognitionId) } : {}),
        holder: { givenName: request.holder.givenName, familyName: request.holder.familyName, birthDate: request.holder.birthDate },
        diploma: request.diploma,
        awardedOn: request.awardedOn,
        schoolName: request.schoolName,
        decision: registered,
        ...(decision.outcome === 'refusal' ? { reasons: decision.reasons } : {}),
        decidedAt,
        language: request.holder.language,
        verificationUrl: `${publicBaseUrl}/credentials/verify`,
      };
      if (facts.credentialId && !(await findCredential(db, facts.credentialId))) {
        const jwt = await credentialKeys.sign(credentialPayload(facts, credentialKeys.issuer));
        await recordCredential(db, { id: facts.credentialId, recognitionId, jwt, issuedAt: decidedAt });
      }
      // Drawn up once: the certificate the applicant may have downloaded is never replaced.
      const certificateDocumentSha256 = drawnUp ?? (await recordCertificate(db, recognitionId, await documents.put(await renderRecognitionCertificate(facts))));
      return { decision: registered, certificateDocumentSha256, ...(facts.credentialId ? { credentialId: facts.credentialId } : {}) };
    },
  };
  return refusalsAreFinal({ ...activities });
}

/** A graduate's recognition request, made from their case: what the school reported, and who they are. */
export function createCaseRecognitionActivities(db: Kysely<Database>) {
  return {
    async recognitionRequestForCase(caseId: string, diploma: { diplomaTitle: string; diplomaDate: string }): Promise<RecognitionRequest> {
      const { request, school } = await graduationOf(db, caseId);
      const { apprentice } = request;
      if (!school.country) throw ApplicationFailure.nonRetryable(`case ${caseId}: its school has no country`);
      if (!apprentice.email) throw ApplicationFailure.nonRetryable(`case ${caseId}: the apprentice has no e-mail address`);
      return {
        holder: { givenName: apprentice.givenName, familyName: apprentice.familyName, birthDate: apprentice.birthDate, email: apprentice.email, language: school.language },
        diploma: { country: school.country, title: diploma.diplomaTitle, programme: request.foreignSchool.programme },
        awardedOn: diploma.diplomaDate,
        schoolName: school.name,
        tradeCode: request.tradeCode,
        europassSupplementExists: issuesEuropassSupplement(school.country),
      };
    },
  };
}

export type CaseRecognitionActivities = ReturnType<typeof createCaseRecognitionActivities>;
