import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { applyForRecognition } from '../../application/apply-for-recognition.js';
import {
  approveRecognitionDecision,
  proposeRecognitionDecision,
  recordRecognitionPayment,
  requestRecognitionDocuments,
  submitRecognitionDocuments,
} from '../../application/decide-recognition.js';
import { claimRecognition, unclaimRecognition } from '../../application/recognition-assignment.js';
import { downloadCertificate, downloadRecognitionDocument, listRecognitionDocuments, uploadRecognitionDocument } from '../../application/recognition-documents.js';
import { listRecognitions, viewRecognition } from '../../application/view-recognition.js';
import { decodeCursor } from '../../db/keyset-cursor.js';
import {
  documentLanguages,
  documentRequestSchema,
  paymentSchema,
  recognitionDecisionSchema,
  recognitionDocumentKinds,
  recognitionRequestSchema,
  recognitionStatuses,
  type TranslatedKind,
} from '../../domain/recognition.js';
import { multiLineText } from '../../domain/text.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';
import type { RecognitionDetail } from '../recognition-responses.js';
import { fileBody, sendFile, uploadedFile } from './documents.js';

export const recognitionListQuery = z.object({
  status: z.enum(recognitionStatuses).optional(),
  assignee: z.enum(['me', 'unassigned']).optional().describe("Recognition staff: the caller's own, or those nobody has claimed"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .refine((cursor) => decodeCursor(cursor) !== undefined, 'This is not a cursor from a previous page')
    .optional(),
});

export const recognitionDocumentQuery = z.object({
  kind: z.enum(recognitionDocumentKinds),
  language: z.enum(documentLanguages).describe('The language the document is written in; `other` needs a translation beside it'),
  translationOf: z
    .enum(recognitionDocumentKinds.filter((k) => k !== 'translation') as [TranslatedKind, ...TranslatedKind[]])
    .optional()
    .describe('For a translation, and only for one: the kind of document it translates'),
});

export const approvalBody = z
  .object({
    approved: z.boolean().describe('true: the decision is issued; false: it goes back to examination'),
    reasons: multiLineText(4_000).optional().describe('Why it is sent back: required when not approved'),
  })
  .strict()
  .refine((body) => body.approved || body.reasons !== undefined, { path: ['reasons'], message: 'Say why the proposal is sent back' });

/** Diploma recognitions, under /v1/recognitions. */
export function recognitionRoutes(dependencies: ApiDependencies): Router {
  const router = Router();
  const sendView = (response: Response, detail: RecognitionDetail, status = 200) => {
    response.status(status).location(`/v1/recognitions/${detail.id}`).json(detail);
  };

  router.post('/', async (request, response) => {
    const body = parseOr400(recognitionRequestSchema, request.body);
    const outcome = await applyForRecognition(dependencies, callerOf(response), body);
    if (outcome.kind === 'recognition_pending') response.set('Retry-After', String(outcome.retryAfterSeconds));
    sendView(response, valueOr(outcome), 201);
  });

  router.get('/', async (request, response) => {
    const { cursor, ...query } = parseOr400(recognitionListQuery, request.query);
    response.json(valueOr(await listRecognitions(dependencies, callerOf(response), { ...query, after: cursor === undefined ? undefined : decodeCursor(cursor) })));
  });

  router.get('/:id', async (request, response) => {
    response.json(valueOr(await viewRecognition(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/claim', async (request, response) => {
    sendView(response, valueOr(await claimRecognition(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/unclaim', async (request, response) => {
    sendView(response, valueOr(await unclaimRecognition(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/documents', fileBody(dependencies.config), async (request: Request<{ id: string }>, response) => {
    const { kind, language, translationOf } = parseOr400(recognitionDocumentQuery, request.query);
    const { sentAs, bytes, fileName } = uploadedFile(request);
    const { created, document } = valueOr(
      await uploadRecognitionDocument(dependencies, callerOf(response), { recognitionId: request.params.id, kind, language, translationOf, fileName, sentAs, bytes }),
    );
    response
      .status(created ? 201 : 200)
      .location(`/v1/recognitions/${request.params.id}/documents/${document.id}`)
      .json(document);
  });

  router.get('/:id/documents', async (request, response) => {
    response.json(valueOr(await listRecognitionDocuments(dependencies, callerOf(response), request.params.id)));
  });

  router.get('/:id/documents/:documentId', async (request, response) => {
    const { document, bytes } = valueOr(await downloadRecognitionDocument(dependencies, callerOf(response), { recognitionId: request.params.id, documentId: request.params.documentId }));
    sendFile(response, { fileName: document.fileName, mediaType: document.mediaType, bytes });
  });

  router.get('/:id/certificate', async (request, response) => {
    sendFile(response, valueOr(await downloadCertificate(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/submission', async (request, response) => {
    parseOr400(z.object({}).strict(), request.body ?? {});
    sendView(response, valueOr(await submitRecognitionDocuments(dependencies, callerOf(response), request.params.id)));
  });

  router.post('/:id/document-request', async (request, response) => {
    const documentRequest = parseOr400(documentRequestSchema, request.body);
    sendView(response, valueOr(await requestRecognitionDocuments(dependencies, callerOf(response), { recognitionId: request.params.id, request: documentRequest })));
  });

  router.post('/:id/payment', async (request, response) => {
    const payment = parseOr400(paymentSchema, request.body);
    sendView(response, valueOr(await recordRecognitionPayment(dependencies, callerOf(response), { recognitionId: request.params.id, payment })));
  });

  router.post('/:id/decision', async (request, response) => {
    const decision = parseOr400(recognitionDecisionSchema, request.body);
    sendView(response, valueOr(await proposeRecognitionDecision(dependencies, callerOf(response), { recognitionId: request.params.id, decision })));
  });

  router.post('/:id/approval', async (request, response) => {
    const { approved, reasons } = parseOr400(approvalBody, request.body);
    sendView(response, valueOr(await approveRecognitionDecision(dependencies, callerOf(response), { recognitionId: request.params.id, approved, reasons })));
  });

  return router;
}
