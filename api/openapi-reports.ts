import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { requestOutcomes } from '../domain/request-outcome.js';
import { commonProblems, jsonResponse, problemResponse } from './openapi-parts.js';
import { greaterRegionQuery, reportCsvHeader } from './routes/reports.js';

const outcomeCounts = z.object(Object.fromEntries(requestOutcomes.map((outcome) => [outcome, z.number().int()]))).describe(
  'Cases per outcome: in_review (also changes requested, awaiting the decision), authorised (whatever became of the contract since), refused, withdrawn, stuck (waiting for an operator)',
);
const reportRow = (key: string) =>
  z.object({
    key: z.string().nullable().describe(key),
    name: z.string().nullable().describe("The trade's name in the caller's language, or the chamber's; null for a country"),
    total: z.number().int(),
    outcomes: outcomeCounts,
  });

export const greaterRegionReportSchema = z.object({
  schoolYear: z.string().describe('Such as 2027-2028'),
  from: z.iso.date().describe('1 September'),
  to: z.iso.date().describe('31 August, inclusive'),
  total: z.number().int().describe('Cases whose contract start date falls in the school year'),
  outcomes: outcomeCounts,
  byTrade: z.array(reportRow('The trade code')),
  byResidenceCountry: z.array(reportRow("The apprentice's country of residence (ISO 3166)")),
  bySchoolCountry: z.array(reportRow("The foreign school's country (ISO 3166); null for a school without one")),
  byChamber: z.array(reportRow('The organisation id of the chamber the case was routed to; null for a trade no chamber covers (the ministry registers its contracts)')),
});

/** The ministry's yearly report to the Summit of the Greater Region, as JSON and as CSV. */
export function registerReportPaths(registry: OpenAPIRegistry): void {
  const responses = {
    ...commonProblems,
    403: problemResponse('Not a user of the ministry'),
  };
  registry.registerPath({
    method: 'get',
    path: '/v1/reports/greater-region',
    summary: "The Greater Region report of a school year: cases by trade, country of residence, school country and chamber, with their outcomes (the ministry's only)",
    description: 'Counts the cases whose contract start date (the request’s startDate) falls between 1 September and 31 August of the school year.',
    request: { query: greaterRegionQuery },
    responses: { 200: jsonResponse('The report; each list the largest group first', greaterRegionReportSchema), ...responses },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/reports/greater-region.csv',
    summary: 'The same report as a CSV table, for a spreadsheet (the ministry’s only)',
    description: `RFC 4180 (CRLF, quoted where needed) in UTF-8 with a byte order mark; a text starting with =, +, -, @ is prefixed with an apostrophe. Columns: ${reportCsvHeader.join(', ')}. The first row (dimension "all") is the whole year; then one row per trade, residenceCountry, schoolCountry and chamber.`,
    request: { query: greaterRegionQuery },
    responses: { 200: { description: 'The report as a CSV download', content: { 'text/csv': { schema: z.string() } } }, ...responses },
  });
}
