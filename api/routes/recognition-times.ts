import { Router } from 'express';
import { z } from 'zod';
import { viewProcessingTimes } from '../../application/recognition-times.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM, such as 2027-03');

export const processingTimesQuery = z.object({
  from: month.optional().describe('First month of decision (Luxembourg calendar), inclusive'),
  to: month.optional().describe('Last month of decision (Luxembourg calendar), inclusive'),
  country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166 country code such as FR').optional().describe("The diploma's issuing country"),
});

/** How long the ministry takes to decide recognitions: `GET /v1/recognitions/processing-times`. */
export function recognitionTimesRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/', async (request, response) => {
    const { from, to, country } = parseOr400(processingTimesQuery, request.query);
    response.json(valueOr(await viewProcessingTimes(dependencies, callerOf(response), { fromMonth: from, toMonth: to, country })));
  });

  return router;
}
