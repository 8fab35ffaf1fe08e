import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { diplomaTypeSchema, luxembourgQualifications, revocationSchema, type LuxembourgQualification } from '../domain/recognition.js';
import { commonProblems, jsonResponse, problemResponse } from './openapi-parts.js';
import { verificationBody } from './routes/credentials.js';

const verificationSchema = z.object({
  status: z.enum(['valid', 'revoked', 'unknown']).describe('valid or revoked only for a credential the ministry signed and issued exactly as sent; anything else is unknown'),
  credentialId: z.string().optional().describe('urn:uuid:<id>, the JWT `jti`'),
  holder: z.object({ givenName: z.string(), familyName: z.string() }).optional(),
  diploma: diplomaTypeSchema.optional(),
  qualification: z.enum(luxembourgQualifications as [LuxembourgQualification, ...LuxembourgQualification[]]).optional(),
  level: z.number().int().optional().describe('The level in the Luxembourg qualifications framework (CLQ), which is the EQF level'),
  tradeCode: z.string().optional(),
  decidedOn: z.iso.date().optional(),
  revokedOn: z.iso.date().optional().describe('Only for a revoked credential; the reasons are not shown'),
});

const jwksSchema = z.object({ keys: z.array(z.object({ kty: z.string(), kid: z.string(), alg: z.string(), use: z.string() }).loose()) });

const revokedDecisionSchema = z.object({
  recognitionId: z.uuid(),
  decision: z.object({ outcome: z.enum(['equivalence', 'refusal']), qualification: z.string().optional(), level: z.number().int().optional(), tradeCode: z.string().optional() }),
  reasons: z.string().nullable(),
  decidedAt: z.iso.datetime(),
  revocation: z.object({ revokedAt: z.iso.datetime(), revokedBy: z.string(), reasons: z.string() }),
});

/** The recognition credentials: their public verification and keys, and their revocation. */
export function registerCredentialPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/credentials/jwks.json',
    summary: "The ministry's public keys that sign recognition credentials (a JWKS): check a credential without asking the ministry",
    security: [],
    responses: { 200: jsonResponse('The JSON Web Key Set; may be cached for an hour', jwksSchema) },
  });
  registry.registerPath({
    method: 'post',
    path: '/credentials/verify',
    summary: 'Anyone checks a recognition credential (a W3C verifiable credential as a JWT): valid, revoked or unknown, with what its certificate shows',
    security: [],
    request: { body: { content: { 'application/json': { schema: verificationBody } } } },
    responses: { 200: jsonResponse('What the credential is', verificationSchema), 400: commonProblems[400] },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/recognitions/{id}/revocation',
    summary: "A recognition officer revokes a recognition's decision: its credential verifies as revoked, it is no precedent any more, the applicant is told",
    request: { params: z.object({ id: z.uuid() }), body: { content: { 'application/json': { schema: revocationSchema } } } },
    responses: {
      200: jsonResponse('The decision with its revocation', revokedDecisionSchema),
      ...commonProblems,
      403: problemResponse("Not one of the ministry's recognition officers"),
      404: problemResponse('No such recognition, or none decided yet'),
      409: problemResponse('The recognition is revoked already'),
    },
  });
}
