import { Router } from 'express';
import { z } from 'zod';
import { listOrganisations, viewMe } from '../../application/who-is-who.js';
import { listedOrganisationKinds } from '../../domain/parties.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

export const organisationListQuery = z.object({ kind: z.enum(listedOrganisationKinds).optional() });

/** Who the caller is, and which organisations there are. */
export function whoIsWhoRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/me', async (_request, response) => {
    response.json(valueOr(await viewMe(dependencies, callerOf(response))));
  });

  router.get('/organisations', async (request, response) => {
    const query = parseOr400(organisationListQuery, request.query);
    response.json(valueOr(await listOrganisations(dependencies, callerOf(response), query)));
  });

  return router;
}
