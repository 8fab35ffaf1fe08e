import { createHash } from 'node:crypto';
import { Router, type Response } from 'express';
import { z } from 'zod';
import { amendRequest } from '../../application/amend-request.js';
import { decideExtension } from '../../application/decide-extension.js';
import { listCases } from '../../application/list-cases.js';
import { submitRequest } from '../../application/submit-request.js';
import { viewCase } from '../../application/view-case.js';
import { viewHistory } from '../../application/view-history.js';
import { withdrawCase } from '../../application/withdraw-case.js';
import { decodeCursor } from '../../db/keyset-cursor.js';
import { caseRequestSchema } from '../../domain/case-request.js';
import { multiLineText } from '../../domain/text.js';
import { caseStatuses } from '../../domain/parties.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { HttpProblem, parseOr400 } from '../problem.js';
import type { CaseDetail } from '../responses.js';

export const caseListQuery = z.object({
  status: z.enum(caseStatuses).optional(),
  trade: z.string().min(1).max(100).optional().describe('A trade code'),
  country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166 country code such as FR').optional().describe("The apprentice's country of residence"),
  school: z.string().min(1).max(200).optional().describe("The foreign school's organisation id"),
  reference: z.string().regex(/^[0-9A-Fa-f]{1,8}$/, 'A case reference such as 5A671FF1, or its beginning').optional().describe('The case reference, or its beginning'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z
    .string()
    .refine((cursor) => decodeCursor(cursor) !== undefined, 'This is not a cursor from a previous page')
    .optional(),
});

export const withdrawalBody = z.object({ reason: multiLineText(2_000).optional() }).strict();

export const extensionBody = z
  .object({ agreed: z.boolean().describe('The apprentice (and the legal representative of a minor) agreed with the employer to extend the contract by a year') })
  .strict();

const idempotencyKeySchema = z.string().min(1).max(200).optional();

export function caseRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  /** Answers with the case and its ETag, for the next If-None-Match or If-Match. */
  function sendCase(response: Response, detail: CaseDetail, status = 200) {
    response.status(status).set('ETag', caseETag(detail)).location(`/v1/cases/${detail.id}`).json(detail);
  }

  router.post('/', async (request, response) => {
    const caller = callerOf(response);
    const idempotencyKey = idempotencyKeySchema.safeParse(request.get('idempotency-key'));
    if (!idempotencyKey.success) throw new HttpProblem(400, 'Invalid Idempotency-Key', 'The Idempotency-Key header must have 1 to 200 characters');
    const caseRequest = parseOr400(caseRequestSchema, request.body);
    const outcome = await submitRequest(dependencies, caller, { request: caseRequest, idempotencyKey: idempotencyKey.data });
    if (outcome.kind === 'timed_out') response.set('Retry-After', String(outcome.retryAfterSeconds));
    const submitted = valueOr(outcome);
    sendCase(response, submitted.case, submitted.created ? 201 : 200);
  });

  router.get('/', async (request, response) => {
    const { status, trade, country, school, reference, limit, cursor } = parseOr400(caseListQuery, request.query);
    const page = valueOr(
      await listCases(dependencies, callerOf(response), {
        status,
        tradeCode: trade,
        residenceCountry: country,
        schoolOrganisationId: school,
        reference,
        limit,
        after: cursor === undefined ? undefined : decodeCursor(cursor),
      }),
    );
    response.json(page);
  });

  router.get('/:id', async (request, response) => {
    const detail = valueOr(await viewCase(dependencies, callerOf(response), request.params.id));
    const etag = caseETag(detail);
    response.set('ETag', etag);
    // Checked here rather than by Express, which skips it when a client (as fetch does) sends Cache-Control: no-cache.
    if (namesETag(request.get('if-none-match'), etag)) {
      response.status(304).end();
      return;
    }
    response.json(detail);
  });

  router.post('/:id/amendments', async (request, response) => {
    const expectedRevision = revisionFromIfMatch(request.get('if-match'));
    const amended = parseOr400(caseRequestSchema, request.body);
    sendCase(response, valueOr(await amendRequest(dependencies, callerOf(response), { caseId: request.params.id, expectedRevision, request: amended })));
  });

  router.post('/:id/withdraw', async (request, response) => {
    const { reason } = parseOr400(withdrawalBody, request.body ?? {});
    sendCase(response, valueOr(await withdrawCase(dependencies, callerOf(response), { caseId: request.params.id, reason })));
  });

  router.post('/:id/extension', async (request, response) => {
    const { agreed } = parseOr400(extensionBody, request.body);
    sendCase(response, valueOr(await decideExtension(dependencies, callerOf(response), { caseId: request.params.id, agreed })));
  });

  router.get('/:id/history', async (request, response) => {
    response.json(valueOr(await viewHistory(dependencies, callerOf(response), request.params.id)));
  });

  return router;
}

/**
 * A case's ETag, `"r3-<hash>"`: the request revision, then a hash of the whole representation
 * as this caller sees it, so any change (status, tasks, anything) makes a new one.
 */
function caseETag(detail: CaseDetail): string {
  return `"r${detail.revision}-${createHash('sha256').update(JSON.stringify(detail)).digest('base64url').slice(0, 22)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for it). */
function namesETag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/**
 * The request revision named by If-Match (`"r3-…"`, or `"3"` as given before): an amendment
 * compares only that, since a task answered meanwhile does not change what is amended.
 */
function revisionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const revision = /^(?:W\/)?"r?(\d+)(?:-[\w-]+)?"$/.exec(header.trim())?.[1];
  if (!revision) throw new HttpProblem(400, 'Invalid If-Match', 'If-Match must be the ETag of a case, such as "r3-…"');
  return Number(revision);
}
