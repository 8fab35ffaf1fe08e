import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { answerSchemas } from '../domain/answers.js';
import { caseRequestSchema } from '../domain/case-request.js';
import { referenceTables } from '../domain/reference-data.js';
import { documentMediaTypes } from '../domain/documents.js';
import {
  caseContractSchema,
  caseDetailSchema,
  caseDocumentSchema,
  caseSummarySchema,
  contractCourseSchema,
  courseEntrySchema,
  historyEventSchema,
  meSchema,
  organisationSchema,
  referenceVersionSchema,
  taskDetailSchema,
  taskSummarySchema,
} from './responses.js';
import { caseListQuery, extensionBody, withdrawalBody } from './routes/cases.js';
import { changeProposalBody, resumptionBody, suspensionBody, terminationBody } from './routes/contract-course.js';
import { contractVersionParams } from './routes/contract.js';
import { documentUploadQuery } from './routes/documents.js';
import { inForceQuery, referenceTableParam } from './routes/reference.js';
import { taskAssignmentBody, taskListQuery } from './routes/task-queue.js';
import { organisationListQuery } from './routes/who-is-who.js';
import { commonProblems, jsonResponse, listOf, problemResponse } from './openapi-parts.js';
import { registerSigningPaths } from './openapi-signing.js';
import { registerRecognitionTimesPaths } from './openapi-recognition-times.js';
import { registerRecognitionPaths } from './openapi-recognitions.js';
import { registerCredentialPaths } from './openapi-credentials.js';
import { registerReportPaths } from './openapi-reports.js';


/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const taskId = z.object({ id: z.string() });

  registry.registerPath({
    method: 'post',
    path: '/v1/cases',
    summary: 'An employer submits a cross-border apprenticeship request',
    request: {
      headers: z.object({ 'Idempotency-Key': z.string().min(1).max(200).optional() }),
      body: { content: { 'application/json': { schema: caseRequestSchema } } },
    },
    responses: {
      201: jsonResponse('The case, started by this request', caseDetailSchema),
      200: jsonResponse('The case already started with this Idempotency-Key and the same request (a retry, or a simultaneous twin)', caseDetailSchema),
      ...commonProblems,
      403: problemResponse('The caller is not an employer'),
      422: problemResponse('The Idempotency-Key was used for a different request: of simultaneous requests with one key, the first to claim it wins'),
      503: {
        ...problemResponse(
          'The case could not be recorded (the database refused it, so it got stuck: operators have been told), or Temporal did not start it within the submission deadline (SUBMIT_TIMEOUT; nothing is recorded): then retry after Retry-After seconds with the same Idempotency-Key',
        ),
        headers: { 'Retry-After': { description: 'Seconds to wait before retrying, on a deadline that passed', schema: { type: 'integer' } } },
      },
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases',
    summary: 'The cases the caller takes part in, filtered, a page at a time',
    request: { query: caseListQuery },
    responses: {
      200: jsonResponse('Cases, newest first; pass nextCursor as cursor for the next page (null: none)', z.object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() })),
      ...commonProblems,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/me',
    summary: 'The caller: their organisation, roles and language',
    responses: { 200: jsonResponse('The caller', meSchema), 401: commonProblems[401] },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/organisations',
    summary: 'The organisations a case can involve (schools with their country and region), by name',
    request: { query: organisationListQuery },
    responses: { 200: jsonResponse('Organisations, by name', listOf(organisationSchema)), ...commonProblems },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}',
    summary: "A case: its state, whose turn it is, every answer so far",
    request: { params: z.object({ id: z.uuid() }), headers: z.object({ 'If-None-Match': z.string().optional().describe('An ETag read before: 304 while the case as the caller sees it is unchanged') }) },
    responses: {
      200: jsonResponse('The case. Its ETag, `"r<revision>-<hash>"`, changes whenever anything the caller sees of the case changes (status, tasks, answers, the request)', caseDetailSchema),
      304: { description: 'Not modified: nothing the caller sees changed since the ETag in If-None-Match' },
      401: commonProblems[401],
      404: problemResponse('No such case visible to the caller'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/tasks',
    summary: "The inbox of the caller's organisation",
    request: { query: taskListQuery },
    responses: { 200: jsonResponse('Tasks, oldest first', z.object({ items: z.array(taskSummarySchema), nextCursor: z.string().nullable() })), ...commonProblems },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/tasks/{id}',
    summary: 'A task; a decision task shows the opinions and the enrolment answer',
    request: { params: taskId },
    responses: {
      200: jsonResponse('The task', taskDetailSchema),
      401: commonProblems[401],
      403: problemResponse("Another party's task in a case the caller takes part in"),
      404: problemResponse('No such task, or one of a case the caller does not take part in (the same answer)'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/tasks/{id}/complete',
    summary: "Answer a task: an opinion, an enrolment confirmation, the decision, a signature, the registration, the social security affiliation, the medical examination, a school year's result, the final exam (the task's kind says which answer it takes)",
    request: {
      params: taskId,
      body: {
        content: {
          // Every kind's answer: the task's kind says which one it takes.
          'application/json': { schema: z.union(Object.values(answerSchemas)) },
        },
      },
    },
    responses: {
      200: jsonResponse('The completed task', taskDetailSchema),
      ...commonProblems,
      403: problemResponse("Another party's task in a case the caller takes part in"),
      404: problemResponse('No such task, or one of a case the caller does not take part in (the same answer)'),
      409: problemResponse(
        'The task is no longer open, or a colleague holds it (claimed): the holder completes it unless a supervisor unclaims or reassigns it; ' +
          "or a signature names another document than the contract's current version (Stale contract: GET /v1/cases/{id}/contract)",
      ),
    },
  });

  const caseId = z.object({ id: z.uuid() });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/amendments',
    summary: 'The employer submits a new revision of the request; the answers its changes reset are asked again',
    request: {
      params: caseId,
      headers: z.object({
        'If-Match': z
          .string()
          .describe('An ETag of the case as read before amending, such as "r2-…". Only its request revision (the number after "r") is compared: an answer given meanwhile does not stop the amendment, a newer revision of the request does (412)'),
      }),
      body: { content: { 'application/json': { schema: caseRequestSchema } } },
    },
    responses: {
      200: jsonResponse('The case at its new revision (new ETag)', caseDetailSchema),
      ...commonProblems,
      403: problemResponse('Not the employer of this case'),
      404: problemResponse('No such case visible to the caller'),
      409: problemResponse('The case is closed'),
      412: problemResponse('The request changed since the caller read it'),
      428: problemResponse('If-Match is missing'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/withdraw',
    summary: 'The employer withdraws the request: every open task is cancelled and every party told',
    request: { params: caseId, body: { content: { 'application/json': { schema: withdrawalBody } } } },
    responses: { 200: jsonResponse('The withdrawn case', caseDetailSchema), ...commonProblems, 403: problemResponse('Not the employer of this case'), 409: problemResponse('The case is closed') },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/extension',
    summary: 'After a failed final exam, the employer says whether the parties extend the contract by a year (a new training year, allowance schedule version and final exam follow) or not (the contract ends: terminated)',
    request: { params: caseId, body: { content: { 'application/json': { schema: extensionBody } } } },
    responses: {
      200: jsonResponse('The case after the decision', caseDetailSchema),
      ...commonProblems,
      403: problemResponse('Not the employer of this case'),
      409: problemResponse('No failed final exam waits for this decision'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/history',
    summary: 'Every event of the case in order: who, when, what, with the before and after of amended fields',
    request: { params: caseId },
    responses: { 200: jsonResponse('The events, in the order they happened', listOf(historyEventSchema)), 401: commonProblems[401], 404: problemResponse('No such case visible to the caller') },
  });
  // The course of a running contract (status in_training or suspended).
  const courseProblems = {
    ...commonProblems,
    403: problemResponse('This party does not do this in the case'),
    404: problemResponse('No such case visible to the caller'),
    409: problemResponse('Not now: the contract is not running, is ending, or the same is already under way'),
  };
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/course',
    summary: "The contract's changes, suspensions and terminations, and the terms from each effective date on",
    request: { params: caseId },
    responses: { 200: jsonResponse('The course of the contract', contractCourseSchema), 401: commonProblems[401], 404: problemResponse('No such case visible to the caller') },
  });
  for (const [path, summary, body, created] of [
    ['changes', 'The employer or the foreign school proposes a change of circumstances; the party it needs gets a change_agreement task', changeProposalBody, true],
    ['suspension', 'The employer suspends the training from a date; the chamber and the school are told', suspensionBody, true],
    ['resumption', 'The employer says when the suspended training resumes', resumptionBody, false],
    ['termination', 'The employer gives notice of the termination (or a change of employer); the competent chamber gets a termination_agreement task', terminationBody, true],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/v1/cases/{id}/${path}`,
      summary,
      request: { params: caseId, body: { content: { 'application/json': { schema: body } } } },
      responses: { [created ? 201 : 200]: jsonResponse('The entry in the course of the contract', courseEntrySchema), ...courseProblems },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/changes/{changeId}/withdraw',
    summary: 'The proposer withdraws its change while it is open; the agreeing party’s task is cancelled',
    request: { params: caseId.extend({ changeId: z.string() }) },
    responses: { 200: jsonResponse('The withdrawn change', courseEntrySchema), ...courseProblems, 404: problemResponse('No such case visible to the caller, or no such change in it') },
  });
  const file = Object.fromEntries(Object.keys(documentMediaTypes).map((type) => [type, { schema: { type: 'string' as const, format: 'binary' } }]));
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/documents',
    summary: 'The employer attaches a document the request needs: the file itself is the body',
    description:
      'The file is checked by its content: a PDF (whole, ending with its %%EOF trailer), a PNG or a JPEG, sent as that type and named with its ending. ' +
      'Its bytes are kept once by their SHA-256; the same file sent again for the same case and kind is the document already attached (200).',
    request: {
      params: caseId,
      query: documentUploadQuery,
      headers: z.object({
        'Content-Disposition': z.string().describe('attachment; filename="school-report.pdf" (or filename*=UTF-8\'\'…): a plain name, not a path, without control characters'),
      }),
      body: { required: true, content: file },
    },
    responses: {
      201: jsonResponse('The document, attached', caseDocumentSchema),
      200: jsonResponse('The same file was already attached to the case for this kind: that document', caseDocumentSchema),
      ...commonProblems,
      403: problemResponse('Not the employer of this case'),
      404: problemResponse('No such case visible to the caller'),
      409: problemResponse('The case is closed (refused, withdrawn or stuck)'),
      413: problemResponse('The file is larger than DOCUMENT_MAX_BYTES'),
      415: problemResponse('The file is not a PDF, PNG or JPEG by its content, or its content disagrees with its Content-Type or its name'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents',
    summary: "The documents attached to a case, for the case's parties",
    request: { params: caseId },
    responses: {
      200: jsonResponse('The documents, in the order they were attached', listOf(caseDocumentSchema)),
      401: commonProblems[401],
      403: problemResponse('An organisation the case no longer names (replaced by an amendment)'),
      404: problemResponse('No such case visible to the caller'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/documents/{documentId}',
    summary: 'Downloads a document of the case',
    request: { params: caseId.extend({ documentId: z.uuid() }) },
    responses: {
      200: {
        description: 'The file, as its content is, with Content-Disposition: attachment and X-Content-Type-Options: nosniff',
        headers: { 'Content-Disposition': { description: 'attachment; filename="…"', schema: { type: 'string' } } },
        content: file,
      },
      401: commonProblems[401],
      403: problemResponse('An organisation the case no longer names (replaced by an amendment)'),
      404: problemResponse('No such case visible to the caller, or no such document in it (the same answer)'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/contract',
    summary: "The case's apprenticeship contract, for the case's parties: each version drawn up, the signatures so far, the registration number",
    description: 'Drawn up when the ministry authorises the case, as a PDF in the language of the employer organisation. A signature names the SHA-256 of the current version.',
    request: { params: caseId },
    responses: {
      200: jsonResponse('The contract', caseContractSchema),
      401: commonProblems[401],
      403: problemResponse('An organisation the case no longer names (replaced by an amendment)'),
      404: problemResponse('No such case visible to the caller, or no contract drawn up yet'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/cases/{id}/contract/versions/{version}/document',
    summary: 'Downloads a version of the contract as a PDF',
    request: { params: caseId.extend(contractVersionParams.shape) },
    responses: {
      200: {
        description: 'The PDF, with Content-Disposition: attachment',
        headers: {
          'Content-Disposition': { description: 'attachment; filename="contract-…-v1.pdf"', schema: { type: 'string' } },
          ETag: { description: 'The SHA-256 of the PDF, quoted', schema: { type: 'string' } },
        },
        content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
      },
      ...commonProblems,
      403: problemResponse('An organisation the case no longer names (replaced by an amendment)'),
      404: problemResponse('No such case visible to the caller, or no such version of its contract (the same answer)'),
    },
  });
  for (const [action, summary] of [
    ['claim', 'A user of the organisation takes the task'],
    ['unclaim', 'The assignee, or a supervisor, puts the task back in the queue'],
  ] as const) {
    registry.registerPath({
      method: 'post',
      path: `/v1/tasks/{id}/${action}`,
      summary,
      request: { params: taskId },
      responses: { 200: jsonResponse('The task', taskSummarySchema), 401: commonProblems[401], 403: problemResponse('Not allowed'), 404: problemResponse('No such task visible to the caller'), 409: problemResponse('Not open, or held by someone else') },
    });
  }
  registry.registerPath({
    method: 'post',
    path: '/v1/tasks/{id}/assign',
    summary: 'A supervisor gives the task to a colleague',
    request: { params: taskId, body: { content: { 'application/json': { schema: taskAssignmentBody } } } },
    responses: { 200: jsonResponse('The task', taskSummarySchema), ...commonProblems, 403: problemResponse('Not a supervisor of the organisation'), 404: problemResponse('No such task visible to the caller'), 409: problemResponse('The task is not open') },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/reference',
    summary: 'Every reference table, with the version in force on a date (default: today in Luxembourg)',
    request: { query: inForceQuery },
    responses: { 200: jsonResponse('The tables', z.object({ on: z.iso.date(), tables: z.array(z.object({ table: z.string(), inForce: referenceVersionSchema.omit({ rows: true }).extend({ rowCount: z.number().int() }).nullable() })) })), ...commonProblems },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/reference/{table}',
    summary: 'The version of a table in force on a date, with its rows and legal reference',
    request: { params: referenceTableParam, query: inForceQuery },
    responses: { 200: jsonResponse('The version in force', referenceVersionSchema.extend({ on: z.iso.date() })), ...commonProblems, 404: problemResponse('No such table, or none in force') },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/reference/{table}/versions',
    summary: 'Every published version of a table, newest first',
    request: { params: referenceTableParam },
    responses: { 200: jsonResponse('The versions', listOf(referenceVersionSchema.omit({ rows: true }).extend({ rowCount: z.number().int() }))), 401: commonProblems[401], 404: problemResponse('No such table') },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/reference/{table}/versions',
    summary: 'The ministry publishes a new version of a table; the version before it is closed, never edited',
    request: {
      params: referenceTableParam,
      body: {
        content: {
          'application/json': {
            schema: z.object({
              validFrom: z.iso.date(),
              legalReference: z.string(),
              sample: z.boolean().optional(),
              rows: z.array(z.union(Object.values(referenceTables))).describe('Rows of the table named in the path'),
            }),
          },
        },
      },
    },
    responses: {
      201: jsonResponse('The published version', referenceVersionSchema),
      ...commonProblems,
      403: problemResponse('Only the ministry publishes reference data'),
      409: problemResponse('A version starting on or after this date exists'),
    },
  });

  registerSigningPaths(registry);
  registerRecognitionTimesPaths(registry);
  registerRecognitionPaths(registry);
  registerCredentialPaths(registry);
  registerReportPaths(registry);

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Cross-border apprenticeship API', version: '1' },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
  });
}
