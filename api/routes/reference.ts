import { Router } from 'express';
import { z } from 'zod';
import { calendarDate } from '../../domain/calendar-date.js';
import { publishReferenceVersion } from '../../application/publish-reference-version.js';
import { loadReferenceData, referenceVersions, type PublishedVersion } from '../../db/reference-store.js';
import { luxembourgDate } from '../../domain/luxembourg-date.js';
import { referenceTableNames, referenceTables, versionInForce, type ReferenceTableName } from '../../domain/reference-data.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { HttpProblem, parseOr400 } from '../problem.js';

export const referenceTableParam = z.object({ table: z.enum(referenceTableNames as [ReferenceTableName, ...ReferenceTableName[]]) });
export const inForceQuery = z.object({ on: calendarDate().optional() });

/** What a ministry user sends to publish a new version of a table. */
export function publicationSchema(table: ReferenceTableName) {
  return z
    .object({
      validFrom: calendarDate(),
      legalReference: z.string().trim().min(3).max(1_000),
      sample: z.boolean().default(false),
      rows: z.array(referenceTables[table]).min(1),
    })
    .strict();
}

function summary(version: PublishedVersion) {
  const { rows, ...rest } = version;
  return { ...rest, rowCount: rows.length };
}

export function referenceRoutes(dependencies: ApiDependencies): Router {
  const { db } = dependencies;
  const router = Router();

  router.get('/', async (request, response) => {
    const { on = luxembourgDate(new Date()) } = parseOr400(inForceQuery, request.query);
    const reference = await loadReferenceData(db);
    const tables = referenceTableNames.map((table) => {
      const version = versionInForce<ReferenceTableName>(reference[table], on);
      return { table, inForce: version ? summary(version as PublishedVersion) : null };
    });
    response.json({ on, tables });
  });

  router.get('/:table', async (request, response) => {
    const { table } = parseTable(request.params);
    const { on = luxembourgDate(new Date()) } = parseOr400(inForceQuery, request.query);
    const version = versionInForce(await referenceVersions(db, table), on);
    if (!version) throw new HttpProblem(404, 'Not found', `No version of ${table} is in force on ${on}`);
    response.json({ on, ...version });
  });

  router.get('/:table/versions', async (request, response) => {
    const { table } = parseTable(request.params);
    response.json({ items: (await referenceVersions(db, table)).map(summary) });
  });

  router.post('/:table/versions', async (request, response) => {
    const { table } = parseTable(request.params);
    const publication = parseOr400(publicationSchema(table), request.body);
    const version = valueOr(await publishReferenceVersion(dependencies, callerOf(response), { table, ...publication }));
    response.status(201).location(`/v1/reference/${table}?on=${version.validFrom}`).json(version);
  });

  return router;
}

function parseTable(params: unknown): { table: ReferenceTableName } {
  const parsed = referenceTableParam.safeParse(params);
  if (!parsed.success) throw new HttpProblem(404, 'Not found', `There is no reference table of that name; there are: ${referenceTableNames.join(', ')}`);
  return parsed.data;
}
