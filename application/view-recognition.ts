import { z } from 'zod';
import { findIssuedDecision, findPrecedent, findRecognition, listRecognitionPage, recognitionSteps, type RecognitionListFilter, type RecognitionRow } from '../db/recognition-queries.js';
import { recognitionDocuments, type RecognitionDocumentRow } from '../db/recognition-documents.js';
import type { KeysetCursor } from '../db/keyset-cursor.js';
import type { Caller } from '../domain/caller.js';
import { missingDocuments, processingOf, type RecognitionStatus, type TranslatedKind } from '../domain/recognition.js';
import type { RecognitionDetail, RecognitionDocumentView, RecognitionSummary } from '../api/recognition-responses.js';
import { mayApplyForRecognition, mayDecideRecognitions, recognitionStanding, type RecognitionStanding } from './access.js';
import { forbidden, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

export interface VisibleRecognition {
  row: RecognitionRow;
  standing: Exclude<RecognitionStanding, 'hidden'>;
}

/** The recognition, if the caller is its applicant or one of the recognition staff; anyone else learns nothing of it. */
export async function visibleRecognition(services: Services, caller: Caller, id: string): Promise<Outcome<VisibleRecognition>> {
  if (!z.uuid().safeParse(id).success) return notFound('recognition');
  const row = await findRecognition(services.db, id);
  if (!row) return notFound('recognition');
  const standing = recognitionStanding(caller, row, services.config);
  if (standing === 'hidden') return notFound('recognition');
  return ok({ row, standing });
}

const person = (id: string | null, name: string | null) => (id === null ? null : { id, name });

export function recognitionSummary(row: RecognitionRow): RecognitionSummary {
  const { country, title, programme } = row.request.diploma;
  return {
    id: row.id,
    status: row.status,
    diploma: { country, title, programme },
    requestedAt: row.requested_at.toISOString(),
    waitingSince: new Date(row.waiting_since).toISOString(),
    assignee: person(row.assignee_user_id, row.assignee_name),
  };
}

export function recognitionDocumentView(row: RecognitionDocumentRow): RecognitionDocumentView {
  return {
    id: row.id,
    kind: row.kind,
    language: row.language,
    translationOf: row.translation_of,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by, name: row.uploaded_by_name },
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

/**
 * What is still missing of the documents a recognition needs, from those uploaded; and, while
 * the ministry asks for documents again, each one asked for that has not come since it asked.
 */
export function stillMissing(row: Pick<RecognitionRow, 'required_documents' | 'status' | 'document_request' | 'waiting_since'>, documents: readonly RecognitionDocumentRow[]) {
  const missing: { kind: TranslatedKind; problem: 'missing' | 'translation_missing' | 'requested_again' }[] = missingDocuments(
    row.required_documents,
    documents.map((d) => ({ kind: d.kind, language: d.language, translationOf: d.translation_of ?? undefined })),
  );
  if (row.status !== 'awaiting_applicant' || !row.document_request) return missing;
  const askedAt = new Date(row.waiting_since).getTime();
  for (const asked of row.document_request.documents) {
    const answers = (d: RecognitionDocumentRow) => (asked.problem === 'translation_missing' ? d.kind === 'translation' && d.translation_of === asked.kind : d.kind === asked.kind);
    if (!missing.some((m) => m.kind === asked.kind) && !documents.some((d) => answers(d) && d.uploaded_at.getTime() >= askedAt)) {
      missing.push({ kind: asked.kind, problem: 'requested_again' });
    }
  }
  return missing;
}

/** Everything the applicant and the recognition staff see of a recognition; which earlier recognition made the precedent, only the staff. */
export async function recognitionDetail({ db }: Services, row: RecognitionRow, standing: VisibleRecognition['standing']): Promise<RecognitionDetail> {
  const [documents, precedent, issued, recorder, steps] = await Promise.all([
    recognitionDocuments(db, row.id),
    findPrecedent(db, row.diploma_key, row.id),
    findIssuedDecision(db, row.id),
    row.payment_recorded_by ? db.selectFrom('users').select(['id', 'name']).where('id', '=', row.payment_recorded_by).executeTakeFirst() : undefined,
    recognitionSteps(db, row.id),
  ]);
  return {
    ...recognitionSummary(row),
    origin: row.case_id ? { kind: 'case', caseId: row.case_id } : { kind: 'independent' },
    request: row.request,
    requiredDocuments: row.required_documents,
    missingDocuments: stillMissing(row, documents),
    documents: documents.map(recognitionDocumentView),
    fee: {
      amountCents: row.fee_cents,
      paid: row.fee_cents === 0 || row.payment !== null,
      payment: row.payment ? { ...row.payment, recordedBy: recorder ? person(recorder.id, recorder.name) : null } : null,
    },
    documentRequest: row.status === 'awaiting_applicant' ? row.document_request : null,
    proposal: row.status === 'awaiting_approval' && row.proposal && row.proposed_by ? { decision: row.proposal, proposedBy: { id: row.proposed_by, name: row.proposed_by_name } } : null,
    precedent: precedent ? { ...(standing === 'officer' ? { recognitionId: precedent.recognition_id } : {}), diploma: precedent.diploma, decision: precedent.decision, decidedAt: precedent.decided_at.toISOString() } : null,
    decision: issued
      ? {
          ...issued.decision,
          reasons: issued.reasons,
          followsPrecedent: issued.follows_precedent,
          decidedAt: issued.decided_at.toISOString(),
          revokedAt: issued.revoked_at?.toISOString() ?? null,
          revocationReasons: issued.revocation_reasons,
        }
      : null,
    certificate: row.certificate_sha256 ? { href: `/v1/recognitions/${row.id}/certificate`, sha256: row.certificate_sha256 } : null,
    credential: issued?.credential_id && issued.credential_jwt ? { id: issued.credential_id, jwt: issued.credential_jwt } : null,
    processing: {
      ...processingOf(steps, row.decided_at ?? new Date()),
      steps: steps.map((s) => ({ step: s.step, startedAt: s.startedAt.toISOString(), endedAt: s.endedAt?.toISOString() ?? null })),
    },
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function viewRecognition(services: Services, caller: Caller, id: string): Promise<Outcome<RecognitionDetail>> {
  const visible = await visibleRecognition(services, caller, id);
  if (visible.kind !== 'ok') return visible;
  return ok(await recognitionDetail(services, visible.value.row, visible.value.standing));
}

/** The recognition as it stands now, read again after a change. */
export async function freshView(services: Services, { row: { id }, standing }: VisibleRecognition): Promise<Outcome<RecognitionDetail>> {
  const row = await findRecognition(services.db, id);
  return row ? ok(await recognitionDetail(services, row, standing)) : notFound('recognition');
}

export interface RecognitionListQuery {
  status?: RecognitionStatus | undefined;
  /** `me`: the caller's own; `unassigned`: the queue nobody has claimed. */
  assignee?: 'me' | 'unassigned' | undefined;
  limit: number;
  after?: KeysetCursor | undefined;
}

/** The recognition staff's queue, oldest first; an applicant's own requests. */
export async function listRecognitions(services: Services, caller: Caller, query: RecognitionListQuery): Promise<Outcome<{ items: RecognitionSummary[]; nextCursor: string | null }>> {
  let scope: RecognitionListFilter['scope'];
  if (mayDecideRecognitions(caller, services.config)) scope = { kind: 'all' };
  else if (mayApplyForRecognition(caller)) scope = { kind: 'applicant', organisationId: caller.organisationId };
  else return forbidden("Only the ministry's recognition staff and applicants list recognitions");
  const assignee = query.assignee === 'me' ? { kind: 'user' as const, userId: caller.userId } : query.assignee === 'unassigned' ? { kind: 'unassigned' as const } : undefined;
  const { rows, nextCursor } = await listRecognitionPage(services.db, { scope, status: query.status, assignee, limit: query.limit, after: query.after });
  return ok({ items: rows.map(recognitionSummary), nextCursor });
}
