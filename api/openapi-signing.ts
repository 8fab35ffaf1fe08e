import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { signers } from '../domain/contract.js';
import { commonProblems, jsonResponse, problemResponse } from './openapi-parts.js';
import { contractCorrectionBody, signedScanBody } from './routes/contract-signing.js';

const signingInvitationSchema = z.object({
  reference: z.string(),
  signer: z.enum(['apprentice', 'legal_representative']),
  contractVersion: z.number().int(),
  sha256: z.string().describe('The SHA-256 of the PDF to sign: what POST /sign/{token} must name'),
  language: z.enum(['fr', 'de', 'en']),
  expiresAt: z.iso.datetime(),
});

const token = z.object({ token: z.string().describe('The personal token of the link mailed to the signer') });
const gone = problemResponse('The link is used, expired, or voided (a newer link or a new contract version replaces it)');
const html = (description: string) => ({ description, content: { 'text/html': { schema: { type: 'string' as const } } } });

/** The contract's signing: the employer's scan and correction, and the public door of the signing links. */
export function registerSigningPaths(registry: OpenAPIRegistry): void {
  const caseId = z.object({ id: z.string() });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/contract/scans',
    summary: 'The employer hands in the contract signed outside the system, as an uploaded scan naming whose signatures it carries',
    description: `Upload the scan first (POST /v1/cases/{id}/documents?kind=signed_contract). The competent chamber (the ministry where none covers the trade) gets a scan_review task: accepted, the signatures are recorded with method scan; rejected, the employer is told and signing goes on. Signers: ${signers.join(', ')}.`,
    request: { params: caseId, body: { content: { 'application/json': { schema: signedScanBody } } } },
    responses: {
      202: jsonResponse("The chamber's review task", z.object({ taskId: z.string() })),
      ...commonProblems,
      403: problemResponse('Not the employer of the case'),
      404: problemResponse('No such case visible to the caller'),
      409: problemResponse('The contract is no longer being signed, or a newer version replaces it'),
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/cases/{id}/contract/revisions',
    summary: 'Before registration, the employer corrects authorised data the contract states (start date, tutor): a new version is drawn up',
    description: 'The signatures on the old version, its signing links and the open signature task are void; every signer signs the new version.',
    request: { params: caseId, body: { content: { 'application/json': { schema: contractCorrectionBody } } } },
    responses: {
      201: jsonResponse('The new version', z.object({ contractVersion: z.number().int() })),
      ...commonProblems,
      403: problemResponse('Not the employer of the case'),
      404: problemResponse('No such case visible to the caller'),
      409: problemResponse('The contract is no longer being signed'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/sign/{token}',
    summary: 'The signing page of a personal link (apprentice, legal representative): no account, the token is the credential',
    description: 'For a browser (Accept: text/html first), a page in the contract language (or the Accept-Language asked for) showing the role, the version and the SHA-256 signed; for any other client, JSON (problem JSON on failure).',
    security: [],
    request: { params: token },
    responses: {
      200: { description: 'What the link signs', content: { ...html('').content, ...jsonResponse('', signingInvitationSchema).content } },
      404: problemResponse('No such link'),
      410: gone,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/sign/{token}/contract.pdf',
    summary: 'The contract version the link signs, as a PDF',
    security: [],
    request: { params: token },
    responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, 404: problemResponse('No such link'), 410: gone },
  });
  registry.registerPath({
    method: 'post',
    path: '/sign/{token}',
    summary: 'Signs the contract version the link names: a form (documentSha256, confirm=yes) answered with a page, or JSON ({ documentSha256 })',
    security: [],
    request: {
      params: token,
      body: { content: { 'application/json': { schema: z.object({ documentSha256: z.string().regex(/^[0-9a-f]{64}$/) }) } } },
    },
    responses: {
      200: jsonResponse('Signed (an HTML page for a form)', signingInvitationSchema.extend({ signed: z.literal(true) })),
      400: commonProblems[400],
      404: problemResponse('No such link'),
      409: problemResponse('documentSha256 is not the PDF of the version to sign (Stale contract), or the case is no longer being signed'),
      410: gone,
    },
  });
}
