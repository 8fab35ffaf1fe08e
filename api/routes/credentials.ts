import { Router } from 'express';
import { z } from 'zod';
import { verifyCredential } from '../../application/verify-credential.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

export const verificationBody = z.object({ credential: z.string().min(1).max(20_000).describe('The credential as issued: a compact JWT') }).strict();

/** The public door of the recognition credentials: anyone checks one, and fetches the keys to check it alone. */
export function credentialRoutes(dependencies: ApiDependencies): Router {
  const { credentialKeys } = dependencies;
  const router = Router();

  router.get('/jwks.json', (_request, response) => {
    // The keys change only when the ministry rotates its key: verifiers may keep them an hour.
    response.set('Cache-Control', 'public, max-age=3600').json(credentialKeys.jwks);
  });

  router.post('/verify', async (request, response) => {
    const { credential } = parseOr400(verificationBody, request.body);
    response.set('Cache-Control', 'no-store').json(valueOr(await verifyCredential(dependencies, credentialKeys, credential)));
  });

  return router;
}
