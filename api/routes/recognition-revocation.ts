import { Router } from 'express';
import { revokeRecognition } from '../../application/revoke-recognition.js';
import { revocationSchema } from '../../domain/recognition.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

/** A recognition officer revokes a recognition's decision. */
export function recognitionRevocationRoutes(dependencies: ApiDependencies): Router {
  const router = Router();
  router.post('/:id/revocation', async (request, response) => {
    const revocation = parseOr400(revocationSchema, request.body);
    response.json(valueOr(await revokeRecognition(dependencies, callerOf(response), request.params.id, revocation)));
  });
  return router;
}
