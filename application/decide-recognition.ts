import { setTimeout as sleep } from 'node:timers/promises';
import { findPrecedent, findRecognition } from '../db/recognition-queries.js';
import { recognitionDocuments } from '../db/recognition-documents.js';
import type { Caller } from '../domain/caller.js';
import { departsFrom, type DocumentRequest, type Payment, type RecognitionDecision, type RegisteredDecision } from '../domain/recognition.js';
import type { RecognitionDetail } from '../api/recognition-responses.js';
import {
  approveDecisionUpdate,
  proposeDecisionUpdate,
  recordPaymentUpdate,
  requestDocumentsUpdate,
  submitDocumentsUpdate,
  type RecognitionActor,
} from '../workflows/recognition/contract.js';
import { conflict, forbidden, invalid, type Outcome } from './outcome.js';
import { updateRecognition } from './recognition-updates.js';
import type { Services } from './services.js';
import { freshView, stillMissing, visibleRecognition, type VisibleRecognition } from './view-recognition.js';

const actor = (caller: Caller): RecognitionActor => ({ userId: caller.userId, organisationId: caller.organisationId });

/** The recognition, if the caller stands to it as `standing` asks; otherwise why not. */
async function recognitionFor(services: Services, caller: Caller, recognitionId: string, standing: VisibleRecognition['standing'], refusal: string): Promise<Outcome<VisibleRecognition>> {
  const visible = await visibleRecognition(services, caller, recognitionId);
  if (visible.kind !== 'ok') return visible;
  if (visible.value.standing !== standing) return forbidden(refusal);
  return visible;
}

const officersOnly = "Only the ministry's recognition staff do this";

/** The applicant says the documents are all there: the request goes to the ministry's queue. */
export async function submitRecognitionDocuments(services: Services, caller: Caller, recognitionId: string): Promise<Outcome<RecognitionDetail>> {
  const visible = await recognitionFor(services, caller, recognitionId, 'applicant', 'Only the applicant submits the documents');
  if (visible.kind !== 'ok') return visible;
  const { row } = visible.value;
  if (row.status !== 'awaiting_applicant') return conflict('Documents already submitted', `The recognition is ${row.status}`);
  const missing = stillMissing(row, await recognitionDocuments(services.db, row.id));
  if (missing.length) {
    const named = missing.map((m) => (m.problem === 'translation_missing' ? `a translation of ${m.kind}` : m.problem === 'requested_again' ? `${m.kind} (asked for again)` : m.kind)).join(', ');
    return conflict('Documents missing', `Upload first: ${named}`);
  }
  const submitted = await updateRecognition(services.temporal, row.id, submitDocumentsUpdate, { by: actor(caller) });
  if (submitted.kind !== 'ok') return submitted;
  return freshView(services, visible.value);
}

/** An officer asks the applicant again for documents missing, unreadable, untranslated or uncertified. */
export async function requestRecognitionDocuments(services: Services, caller: Caller, command: { recognitionId: string; request: DocumentRequest }): Promise<Outcome<RecognitionDetail>> {
  const visible = await recognitionFor(services, caller, command.recognitionId, 'officer', officersOnly);
  if (visible.kind !== 'ok') return visible;
  const requested = await updateRecognition(services.temporal, visible.value.row.id, requestDocumentsUpdate, { by: actor(caller), request: command.request });
  if (requested.kind !== 'ok') return requested;
  return freshView(services, visible.value);
}

/** An officer records the fee's payment, as the ministry's account shows it. */
export async function recordRecognitionPayment(services: Services, caller: Caller, command: { recognitionId: string; payment: Payment }): Promise<Outcome<RecognitionDetail>> {
  const visible = await recognitionFor(services, caller, command.recognitionId, 'officer', officersOnly);
  if (visible.kind !== 'ok') return visible;
  const { row } = visible.value;
  if (command.payment.amountCents !== row.fee_cents) return invalid([{ path: ['amountCents'], detail: `The fee is ${row.fee_cents} cents` }]);
  const recorded = await updateRecognition(services.temporal, row.id, recordPaymentUpdate, { by: actor(caller), payment: command.payment });
  if (recorded.kind !== 'ok') return recorded;
  return freshView(services, visible.value);
}

function describe(decision: RegisteredDecision): string {
  return decision.outcome === 'refusal' ? 'a refusal' : `equivalence to the ${decision.qualification} (level ${decision.level})${decision.tradeCode ? ` in ${decision.tradeCode}` : ''}`;
}

/**
 * An officer proposes a decision; a second one approves it. One that departs from the
 * register's precedent for the same diploma type says why.
 */
export async function proposeRecognitionDecision(services: Services, caller: Caller, command: { recognitionId: string; decision: RecognitionDecision }): Promise<Outcome<RecognitionDetail>> {
  const visible = await recognitionFor(services, caller, command.recognitionId, 'officer', officersOnly);
  if (visible.kind !== 'ok') return visible;
  const { row } = visible.value;
  const precedent = await findPrecedent(services.db, row.diploma_key, row.id);
  if (precedent && command.decision.reasons === undefined && departsFrom(precedent.decision, command.decision)) {
    return invalid([{ path: ['reasons'], detail: `The register's precedent for this diploma is ${describe(precedent.decision)}: say why this decision departs from it` }]);
  }
  const proposed = await updateRecognition(services.temporal, row.id, proposeDecisionUpdate, { by: actor(caller), decision: command.decision });
  if (proposed.kind !== 'ok') return proposed;
  return freshView(services, visible.value);
}

/**
 * A second officer approves the proposed decision (it is issued: register, certificate,
 * credential) or sends it back to examination with reasons.
 */
export async function approveRecognitionDecision(services: Services, caller: Caller, command: { recognitionId: string; approved: boolean; reasons?: string | undefined }): Promise<Outcome<RecognitionDetail>> {
  const visible = await recognitionFor(services, caller, command.recognitionId, 'officer', officersOnly);
  if (visible.kind !== 'ok') return visible;
  const { row } = visible.value;
  if (row.status !== 'awaiting_approval') return conflict('Not possible now', `The recognition is ${row.status}: no decision waits for approval`);
  // Four eyes: checked here from the row, and again by the workflow.
  if (row.proposed_by === caller.userId) return forbidden('Four eyes: a decision is approved by another officer than the one who proposed it');
  const approved = await updateRecognition(services.temporal, row.id, approveDecisionUpdate, { by: actor(caller), approved: command.approved, ...(command.reasons !== undefined ? { reasons: command.reasons } : {}) });
  if (approved.kind !== 'ok') return approved;
  if (command.approved) await untilIssued(services, row.id);
  return freshView(services, visible.value);
}

/** An approved decision is issued right after the Update: the answer waits for it, at most SUBMIT_TIMEOUT. */
async function untilIssued({ db, config }: Services, recognitionId: string): Promise<void> {
  const deadline = Date.now() + config.SUBMIT_TIMEOUT;
  while (Date.now() < deadline) {
    const row = await findRecognition(db, recognitionId);
    if (row?.status !== 'awaiting_approval') return;
    await sleep(100);
  }
}
