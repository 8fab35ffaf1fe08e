import { Router, type Request } from 'express';
import { z } from 'zod';
import { calendarDate } from '../../domain/calendar-date.js';
import { correctContract } from '../../application/correct-contract.js';
import { submitSignedScan } from '../../application/signed-scan.js';
import { signers } from '../../domain/contract.js';
import { singleLineText } from '../../domain/text.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

export const signedScanBody = z
  .object({
    documentId: z.uuid().describe('The uploaded scan: a document of kind signed_contract of this case'),
    signers: z.array(z.enum(signers)).min(1).max(signers.length).refine((list) => new Set(list).size === list.length, 'each signer once').describe('Whose signatures the scan carries'),
  })
  .strict();

export const contractCorrectionBody = z
  .object({
    startDate: calendarDate().optional(),
    tutor: z.object({ name: singleLineText(200), email: z.email().optional() }).strict().optional(),
  })
  .strict()
  .refine((body) => body.startDate !== undefined || body.tutor !== undefined, 'name what the contract must state differently: startDate or tutor');

/** How the employer hands in a scan signed outside the system and corrects the contract, under /v1/cases/:id/contract. */
export function contractSigningRoutes(dependencies: ApiDependencies): Router {
  const router = Router({ mergeParams: true });

  router.post('/scans', async (request: Request<{ id: string }>, response) => {
    const body = parseOr400(signedScanBody, request.body);
    response.status(202).json(valueOr(await submitSignedScan(dependencies, callerOf(response), { caseId: request.params.id, ...body })));
  });

  router.post('/revisions', async (request: Request<{ id: string }>, response) => {
    const body = parseOr400(contractCorrectionBody, request.body);
    response.status(201).json(valueOr(await correctContract(dependencies, callerOf(response), { caseId: request.params.id, ...body })));
  });

  return router;
}
