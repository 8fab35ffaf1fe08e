import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseRequest } from '../domain/case-request.js';
import { departsFrom, registeredDecision, stepOf, type Payment, type RecognitionDecision, type RecognitionRequest, type RegisteredDecision, type TranslatedKind } from '../domain/recognition.js';
import type { RecognitionActor, RecognitionStatusChange } from '../workflows/recognition/contract.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** A recognition as it was opened: who asks, what is required, what it costs. */
export interface OpenedRow {
  applicantUserId: string;
  applicantOrganisationId: string;
  required: TranslatedKind[];
  feeCents: number;
}

export async function findOpenedRecognition(db: Db, recognitionId: string): Promise<OpenedRow | undefined> {
  const row = await db
    .selectFrom('recognitions')
    .select(['applicant_user_id', 'applicant_organisation_id', 'required_documents', 'fee_cents'])
    .where('id', '=', recognitionId)
    .executeTakeFirst();
  return row && { applicantUserId: row.applicant_user_id, applicantOrganisationId: row.applicant_organisation_id, required: row.required_documents, feeCents: row.fee_cents };
}

/** Serialises the writes of one key (a recognition, an e-mail address) for the rest of the transaction. */
async function lock(trx: Transaction<Database>, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

/**
 * A graduate's applicant account: the user of an applicant organisation with the holder's
 * e-mail, or a new one (an organisation of their own named after them, and its user).
 */
async function applicantAccount(trx: Transaction<Database>, holder: RecognitionRequest['holder']): Promise<{ userId: string; organisationId: string }> {
  await lock(trx, `applicant:${holder.email.toLowerCase()}`);
  const found = await trx
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.organisation_id'])
    .where('organisations.kind', '=', 'applicant')
    .where(sql<string>`lower(users.email)`, '=', holder.email.toLowerCase())
    .orderBy('users.created_at')
    .limit(1)
    .executeTakeFirst();
  if (found) return { userId: found.id, organisationId: found.organisation_id };
  const name = `${holder.givenName} ${holder.familyName}`;
  const organisationId = `applicant-${randomUUID()}`;
  const userId = randomUUID();
  await trx.insertInto('organisations').values({ id: organisationId, kind: 'applicant', name, email: holder.email, language: holder.language, country: null, region: null }).execute();
  await trx.insertInto('users').values({ id: userId, organisation_id: organisationId, name, email: holder.email, language: holder.language }).execute();
  return { userId, organisationId };
}

export interface NewRecognition {
  id: string;
  workflowId: string;
  caseId: string | null;
  /** Absent for a graduate: the account is found or opened by the holder's e-mail. */
  applicantUserId: string | undefined;
  request: RecognitionRequest;
  diplomaKey: string;
  required: TranslatedKind[];
  feeCents: number;
  requestedAt: string;
}

/**
 * Records a request and its first step (the applicant's: documents to add), with the account
 * it is for. Recorded once: run again, it answers what the first run recorded.
 */
export async function recordRecognitionOpened(db: Kysely<Database>, recognition: NewRecognition): Promise<OpenedRow> {
  return db.transaction().execute(async (trx) => {
    await lock(trx, `recognition:${recognition.id}`);
    const recorded = await findOpenedRecognition(trx, recognition.id);
    if (recorded) return recorded;
    const account = recognition.applicantUserId
      ? await trx
          .selectFrom('users')
          .select(['id as userId', 'organisation_id as organisationId'])
          .where('id', '=', recognition.applicantUserId)
          .executeTakeFirstOrThrow(() => new Error(`recognition ${recognition.id}: the applicant's user is unknown`))
      : await applicantAccount(trx, recognition.request.holder);
    await trx
      .insertInto('recognitions')
      .values({
        id: recognition.id,
        workflow_id: recognition.workflowId,
        case_id: recognition.caseId,
        applicant_user_id: account.userId,
        applicant_organisation_id: account.organisationId,
        request: JSON.stringify(recognition.request),
        diploma_country: recognition.request.diploma.country,
        diploma_key: recognition.diplomaKey,
        status: 'awaiting_applicant',
        required_documents: JSON.stringify(recognition.required),
        fee_cents: recognition.feeCents,
        payment: null,
        document_request: null,
        proposal: null,
        requested_at: recognition.requestedAt,
        updated_at: recognition.requestedAt,
      })
      .execute();
    await trx.insertInto('recognition_steps').values({ recognition_id: recognition.id, sequence: 0, step: 'applicant', started_at: recognition.requestedAt }).execute();
    return { applicantUserId: account.userId, applicantOrganisationId: account.organisationId, required: recognition.required, feeCents: recognition.feeCents };
  });
}

/**
 * Records a status with the step it opens (closing the one before), in one write. A change
 * whose sequence is not above the recorded one is a retry or arrives late: it changes nothing.
 */
export async function recordRecognitionStatus(db: Kysely<Database>, change: RecognitionStatusChange): Promise<void> {
  const { recognitionId, sequence, status, at } = change;
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('recognitions')
      .set({
        status,
        status_sequence: sequence,
        updated_at: at,
        // What was asked for again stays shown while the applicant answers it.
        document_request: change.documentRequest ? JSON.stringify(change.documentRequest) : null,
        ...(status === 'awaiting_approval' ? { proposal: change.proposal ? JSON.stringify(change.proposal) : null, proposed_by: change.by?.userId ?? null } : {}),
        // Sent back by the second officer: the proposal is no longer pending.
        ...(status === 'in_examination' ? { proposal: null, proposed_by: null } : {}),
        ...(status === 'recognised' || status === 'refused' ? { decided_at: at } : {}),
      })
      .where('id', '=', recognitionId)
      .where('status_sequence', '<', sequence)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return;
    await trx.updateTable('recognition_steps').set({ ended_at: at }).where('recognition_id', '=', recognitionId).where('ended_at', 'is', null).execute();
    const step = stepOf(status);
    if (step) {
      await trx
        .insertInto('recognition_steps')
        .values({ recognition_id: recognitionId, sequence, step, started_at: at })
        .onConflict((conflict) => conflict.columns(['recognition_id', 'sequence']).doNothing())
        .execute();
    }
  });
}

/** The fee's payment as the ministry's account shows it; a correction replaces it. */
export async function recordRecognitionPayment(db: Kysely<Database>, recognitionId: string, payment: Payment, by: RecognitionActor): Promise<void> {
  await db.updateTable('recognitions').set({ payment: JSON.stringify(payment), payment_recorded_by: by.userId }).where('id', '=', recognitionId).execute();
}

/** What a recognition's certificate and decision are drawn from. */
export async function recognitionToIssue(db: Db, recognitionId: string) {
  return db
    .selectFrom('recognitions')
    .select(['request', 'diploma_key', 'certificate_sha256'])
    .where('id', '=', recognitionId)
    .executeTakeFirstOrThrow(() => new Error(`recognition ${recognitionId} is not recorded`));
}

export interface RegisterEntry {
  recognitionId: string;
  decision: RecognitionDecision;
  proposedBy: string;
  approvedBy: string;
  decidedAt: string;
}

/**
 * Records the decision in the register against its diploma type, with the precedent it
 * follows or departs from (the latest decision on the same type still in force). Recorded once:
 * run again, it answers the entry first recorded.
 */
export async function recordInRegister(db: Kysely<Database>, entry: RegisterEntry): Promise<RegisteredDecision> {
  return db.transaction().execute(async (trx) => {
    const { request, diploma_key: diplomaKey } = await recognitionToIssue(trx, entry.recognitionId);
    // Two decisions on one diploma type at once would each miss the other as precedent.
    await lock(trx, `register:${diplomaKey}`);
    const recorded = await trx.selectFrom('recognition_decisions').select('decision').where('recognition_id', '=', entry.recognitionId).executeTakeFirst();
    if (recorded) return recorded.decision;
    const precedent = await trx
      .selectFrom('recognition_decisions')
      .select(['recognition_id', 'decision'])
      .where('diploma_key', '=', diplomaKey)
      .where('recognition_id', '!=', entry.recognitionId)
      .where('revoked_at', 'is', null)
      .orderBy('decided_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const decision = registeredDecision(entry.decision);
    await trx
      .insertInto('recognition_decisions')
      .values({
        recognition_id: entry.recognitionId,
        diploma_key: diplomaKey,
        diploma: JSON.stringify(request.diploma),
        decision: JSON.stringify(decision),
        reasons: entry.decision.reasons ?? null,
        precedent_recognition_id: precedent?.recognition_id ?? null,
        follows_precedent: precedent ? !departsFrom(precedent.decision, entry.decision) : null,
        proposed_by: entry.proposedBy,
        approved_by: entry.approvedBy,
        decided_at: entry.decidedAt,
      })
      .execute();
    return decision;
  });
}

/** Keeps the certificate drawn up first: a retry that drew it again does not replace it. */
export async function recordCertificate(db: Kysely<Database>, recognitionId: string, sha256: string): Promise<string> {
  await db.updateTable('recognitions').set({ certificate_sha256: sha256 }).where('id', '=', recognitionId).where('certificate_sha256', 'is', null).execute();
  const { certificate_sha256: kept } = await recognitionToIssue(db, recognitionId);
  return kept!;
}

/** What the applicant's notices are written from: where they are reached, what is asked of them. */
export function recognitionNoticeFacts(db: Db, recognitionId: string) {
  return db
    .selectFrom('recognitions')
    .innerJoin('users', 'users.id', 'recognitions.applicant_user_id')
    .select(['users.email', 'users.language', 'recognitions.required_documents', 'recognitions.document_request', 'recognitions.fee_cents'])
    .where('recognitions.id', '=', recognitionId)
    .executeTakeFirstOrThrow(() => new Error(`recognition ${recognitionId} is not recorded`));
}

/** What a graduate's request is made from: the case's request and its foreign school. */
export async function graduationOf(db: Db, caseId: string) {
  const row = await db.selectFrom('cases').select('request').where('id', '=', caseId).executeTakeFirstOrThrow();
  const request = row.request as CaseRequest;
  const school = await db
    .selectFrom('organisations')
    .select(['name', 'language', 'country'])
    .where('id', '=', request.foreignSchool.organisationId)
    .executeTakeFirstOrThrow(() => new Error(`case ${caseId}: its school is unknown`));
  return { request, school };
}
