import { Router, type Response } from 'express';
import { z } from 'zod';
import { reportSections, viewGreaterRegionReport, type GreaterRegionReport } from '../../application/greater-region-report.js';
import { requestOutcomes } from '../../domain/request-outcome.js';
import { schoolYear } from '../../domain/school-year.js';
import { callerOf } from '../authentication.js';
import { sendCsv, type CsvCell } from '../csv.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

export const greaterRegionQuery = z.object({
  schoolYear: schoolYear().describe('The school year, 1 September to 31 August, such as 2027-2028: the cases whose contract starts in it'),
});

/** The report as one table: a row for all the cases, then one per trade, country and chamber, each with its outcomes. */
export const reportCsvHeader = ['dimension', 'key', 'name', 'total', ...requestOutcomes];

function reportCsvRows(report: GreaterRegionReport): CsvCell[][] {
  const rows: CsvCell[][] = [['all', null, null, report.total, ...requestOutcomes.map((outcome) => report.outcomes[outcome])]];
  for (const [section, dimension] of Object.entries(reportSections)) {
    for (const row of report[section as keyof typeof reportSections]) rows.push([dimension, row.key, row.name, row.total, ...requestOutcomes.map((outcome) => row.outcomes[outcome])]);
  }
  return rows;
}

/** The report as a CSV download, for the API and the page alike. */
export function sendReportCsv(response: Response, report: GreaterRegionReport): void {
  sendCsv(response, `greater-region-${report.schoolYear}.csv`, reportCsvHeader, reportCsvRows(report));
}

/** The ministry's report to the Summit of the Greater Region: `GET /v1/reports/greater-region[.csv]?schoolYear=`. */
export function reportRoutes(dependencies: ApiDependencies): Router {
  const router = Router();
  const report = async (query: unknown, response: Response) =>
    valueOr(await viewGreaterRegionReport(dependencies, callerOf(response), parseOr400(greaterRegionQuery, query).schoolYear));

  router.get('/greater-region', async (request, response) => {
    response.json(await report(request.query, response));
  });

  router.get('/greater-region.csv', async (request, response) => {
    sendReportCsv(response, await report(request.query, response));
  });

  return router;
}
