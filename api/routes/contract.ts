import { Router, type Request } from 'express';
import { z } from 'zod';
import { downloadContract, viewContract } from '../../application/view-contract.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';
import { sendFile } from './documents.js';

export const contractVersionParams = z.object({ version: z.coerce.number().int().min(1).max(10_000).describe('A version of the contract, from 1') });

/** A case's contract, under /v1/cases/:id/contract. */
export function contractRoutes(dependencies: ApiDependencies): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (request: Request<{ id: string }>, response) => {
    response.json(valueOr(await viewContract(dependencies, callerOf(response), request.params.id)));
  });

  router.get('/versions/:version/document', async (request: Request<{ id: string; version: string }>, response) => {
    const { version } = parseOr400(contractVersionParams, { version: request.params.version });
    const { fileName, sha256, bytes } = valueOr(await downloadContract(dependencies, callerOf(response), { caseId: request.params.id, version }));
    // A version's bytes never change: its hash is its entity tag, and what a signature names.
    response.set('ETag', `"${sha256}"`);
    sendFile(response, { fileName, mediaType: 'application/pdf', bytes });
  });

  return router;
}
