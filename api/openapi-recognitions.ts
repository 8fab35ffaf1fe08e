import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { documentMediaTypes } from '../domain/documents.js';
import { documentRequestSchema, paymentSchema, recognitionDecisionSchema, recognitionRequestSchema } from '../domain/recognition.js';
import { commonProblems, jsonResponse, listOf, problemResponse } from './openapi-parts.js';
import { recognitionDetailSchema, recognitionDocumentSchema, recognitionSummarySchema } from './recognition-responses.js';
import { approvalBody, recognitionDocumentQuery, recognitionListQuery } from './routes/recognitions.js';

const recognitionId = z.object({ id: z.uuid() });
const unseen = problemResponse('No such recognition visible to the caller: only its applicant and the recognition staff see one');
const officersOnly = problemResponse("Not one of the ministry's recognition staff (users of the ministry with the role recognition_officer)");
const file = Object.fromEntries(Object.keys(documentMediaTypes).map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]));
const download = (description: string, content: Record<string, { schema: { type: 'string'; format: string } }>) => ({
  description,
  headers: { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' as const } } },
  content,
});

/** The recognition of foreign diplomas (DOMAIN.md step 7). */
export function registerRecognitionPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'post',
    path: '/v1/recognitions',
    summary: 'An applicant asks for the recognition of a foreign diploma; they are told by e-mail which documents to upload',
    description: 'The issuing country needs a fee in the reference table recognition-fees; a tradeCode must be a trade of the reference data.',
    request: { body: { content: { 'application/json': { schema: recognitionRequestSchema } } } },
    responses: {
      201: jsonResponse('The recognition, awaiting the applicant’s documents', recognitionDetailSchema),
      ...commonProblems,
      403: problemResponse('The caller does not act for an applicant organisation'),
      503: problemResponse('Sent but not recorded within SUBMIT_TIMEOUT: it appears in GET /v1/recognitions once it is'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/recognitions',
    summary: "The recognition staff's queue, or an applicant's own requests, oldest first",
    request: { query: recognitionListQuery },
    responses: {
      200: jsonResponse('Recognitions, oldest request first; pass nextCursor as cursor for the next page (null: none)', z.object({ items: z.array(recognitionSummarySchema), nextCursor: z.string().nullable() })),
      ...commonProblems,
      403: problemResponse('Neither recognition staff nor an applicant'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/recognitions/{id}',
    summary: "A recognition: the request, the documents and what is missing, the fee, the ministry's request for documents, the proposal, the register's precedent, and once decided the decision, the certificate and the credential",
    request: { params: recognitionId },
    responses: { 200: jsonResponse('The recognition', recognitionDetailSchema), 401: commonProblems[401], 404: unseen },
  });
  for (const [action, summary] of [
    ['claim', 'An officer takes the recognition from the queue'],
    ['unclaim', 'The assignee, or a supervisor, puts the recognition back in the queue'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/v1/recognitions/{id}/${action}`,
      summary,
      request: { params: recognitionId },
      responses: { 200: jsonResponse('The recognition', recognitionDetailSchema), 401: commonProblems[401], 403: officersOnly, 404: unseen, 409: problemResponse('Decided, or claimed by a colleague') },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/v1/recognitions/{id}/documents',
    summary: 'The applicant uploads a document while the request waits on them: the file itself is the body',
    description: 'Checked by its content like a case’s documents (PDF, PNG or JPEG, named with its ending). A document in a language the ministry does not read (`other`) needs a translation uploaded beside it (kind=translation&translationOf=…).',
    request: {
      params: recognitionId,
      query: recognitionDocumentQuery,
      headers: z.object({ 'Content-Disposition': z.string().describe('attachment; filename="diploma.pdf"') }),
      body: { required: true, content: file },
    },
    responses: {
      201: jsonResponse('The document', recognitionDocumentSchema),
      200: jsonResponse('The same file was already uploaded for this kind: that document', recognitionDocumentSchema),
      ...commonProblems,
      403: problemResponse('Not the applicant'),
      404: unseen,
      409: problemResponse('The documents are submitted: the request no longer waits on the applicant'),
      413: problemResponse('The file is larger than DOCUMENT_MAX_BYTES'),
      415: problemResponse('Not a PDF, PNG or JPEG by its content, or its content disagrees with its Content-Type or its name'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/recognitions/{id}/documents',
    summary: 'The documents of a recognition',
    request: { params: recognitionId },
    responses: { 200: jsonResponse('The documents, in the order they came', listOf(recognitionDocumentSchema)), 401: commonProblems[401], 404: unseen },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/recognitions/{id}/documents/{documentId}',
    summary: 'Downloads a document of a recognition',
    request: { params: recognitionId.extend({ documentId: z.uuid() }) },
    responses: { 200: download('The file, as its content is', file), 401: commonProblems[401], 404: problemResponse('No such recognition visible to the caller, or no such document in it') },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/recognitions/{id}/certificate',
    summary: 'Downloads the certificate of a decided recognition (PDF, in the applicant’s language)',
    request: { params: recognitionId },
    responses: {
      200: download('The certificate', { 'application/pdf': { schema: { type: 'string', format: 'binary' } } }),
      401: commonProblems[401],
      404: problemResponse('No such recognition visible to the caller, or no certificate issued yet'),
    },
  });
  const step = (path: string, summary: string, body: z.ZodType | undefined, problems: Record<number, ReturnType<typeof problemResponse>>) =>
    registry.registerPath({
      method: 'post',
      path: `/v1/recognitions/{id}/${path}`,
      summary,
      request: { params: recognitionId, ...(body ? { body: { content: { 'application/json': { schema: body } } } } : {}) },
      responses: { 200: jsonResponse('The recognition after the step', recognitionDetailSchema), ...commonProblems, 404: unseen, ...problems },
    });
  step('submission', 'The applicant says the documents are complete: the request goes to the recognition staff', undefined, {
    403: problemResponse('Not the applicant'),
    409: problemResponse('Documents are still missing (the detail names them by kind), or they are already submitted'),
  });
  step('document-request', 'An officer asks the applicant again for documents (missing, unreadable, untranslated, not certified); the applicant is told by e-mail', documentRequestSchema, {
    403: officersOnly,
    409: problemResponse('The request is not in examination'),
  });
  step('payment', 'An officer records the payment of the fee; the amount is the fee of the diploma’s country', paymentSchema, {
    403: officersOnly,
    409: problemResponse('The recognition is decided'),
  });
  step('decision', "An officer proposes a decision; one departing from the register's precedent for the same diploma type needs reasons (400 at /reasons)", recognitionDecisionSchema, {
    403: officersOnly,
    409: problemResponse('The request is not in examination, or the fee is not paid'),
  });
  step('approval', 'A second officer approves the proposal (it is issued: register, certificate, credential) or sends it back with reasons', approvalBody, {
    403: problemResponse("Not one of the recognition staff, or the officer who proposed the decision (four eyes)"),
    409: problemResponse('No decision waits for approval'),
  });
}
