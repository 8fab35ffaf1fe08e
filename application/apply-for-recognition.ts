import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { findRecognition } from '../db/recognition-queries.js';
import { loadReferenceData } from '../db/reference-store.js';
import type { Caller } from '../domain/caller.js';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import type { RecognitionRequest } from '../domain/recognition.js';
import { versionInForce, type ReferenceData } from '../domain/reference-data.js';
import type { RecognitionDetail } from '../api/recognition-responses.js';
import { recognitionWorkflowId, recognitionWorkflowType, type RecognitionInput, type RecognitionWorkflow } from '../workflows/recognition/contract.js';
import { mayApplyForRecognition } from './access.js';
import { forbidden, invalid, ok, type FieldError, type Outcome } from './outcome.js';
import { mailRetryOf } from './send-notice.js';
import type { Services } from './services.js';
import { recognitionDetail } from './view-recognition.js';

/** The fee for a diploma of `country` on `date`, or undefined where the table names no fee for it. */
export function recognitionFee(reference: Pick<ReferenceData, 'recognition-fees'>, country: string, date: string): number | undefined {
  return versionInForce(reference['recognition-fees'], date)?.rows.find((row) => row.country === country)?.amountCents;
}

/** What the reference data refuses in a request: a country with no fee, a trade it does not know. */
export function recognitionRequestProblems(reference: Pick<ReferenceData, 'recognition-fees' | 'trades'>, request: RecognitionRequest, date: string): FieldError[] {
  const problems: FieldError[] = [];
  if (recognitionFee(reference, request.diploma.country, date) === undefined) {
    problems.push({ path: ['diploma', 'country'], detail: `Diplomas of ${request.diploma.country} are not recognised here: the fee table names no fee for that country` });
  }
  if (request.tradeCode !== undefined && !versionInForce(reference.trades, date)?.rows.some((trade) => trade.code === request.tradeCode)) {
    problems.push({ path: ['tradeCode'], detail: 'Not a trade of the reference data' });
  }
  return problems;
}

/** A person holding a foreign diploma asks for its recognition: the recognition starts and tells them what to upload. */
export async function applyForRecognition(services: Services, caller: Caller, request: RecognitionRequest): Promise<Outcome<RecognitionDetail>> {
  const { db, temporal, config } = services;
  if (!mayApplyForRecognition(caller)) return forbidden('Only an applicant asks for the recognition of a diploma, from their own account');
  const requestedAt = new Date().toISOString();
  const problems = recognitionRequestProblems(await loadReferenceData(db), request, luxembourgDate(requestedAt));
  if (problems.length) return invalid(problems, 'The request cannot be recognised as it is');

  const recognitionId = randomUUID();
  // The same input the case's final exam starts a graduate's recognition with (workflows/apprenticeship/recognition.ts).
  const input: RecognitionInput = { recognitionId, origin: { kind: 'independent' }, request, applicantUserId: caller.userId, requestedAt, mailRetry: mailRetryOf(config) };
  await temporal.workflow.start<RecognitionWorkflow>(recognitionWorkflowType, {
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    workflowId: recognitionWorkflowId(recognitionId),
    args: [input],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
  // The workflow records the request first of all: the answer waits for it, at most SUBMIT_TIMEOUT.
  const deadline = Date.now() + config.SUBMIT_TIMEOUT;
  for (;;) {
    const row = await findRecognition(db, recognitionId);
    if (row) return ok(await recognitionDetail(services, row, 'applicant'));
    if (Date.now() > deadline) return { kind: 'recognition_pending', retryAfterSeconds: Math.max(1, Math.ceil(config.SUBMIT_TIMEOUT / 1000)) };
    await sleep(100);
  }
}
