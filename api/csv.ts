import type { Response } from 'express';
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined;

/**
 * RFC 4180: CRLF between records, a field quoted when it holds a comma, a quote or a line
 * break (a bare CR or LF too), quotes doubled. A text starting with =, +, -, @, a tab or a CR
 * gets a leading apostrophe, so that a spreadsheet shows it instead of running it as a formula.
 */
const options = { escape_formulas: true, record_delimiter: 'windows', quoted_match: /[\r\n]/ } as const;

export function csvRecords(rows: CsvCell[][]): string {
  return stringify(rows, options);
}

/** Starts a CSV download named `fileName` (ASCII, no quotes): the byte order mark tells spreadsheets it is UTF-8. */
export function startCsv(response: Response, fileName: string): void {
  response.status(200).set({
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.write('\uFEFF');
}

/** A whole CSV download: its header and rows. */
export function sendCsv(response: Response, fileName: string, header: string[], rows: CsvCell[][]): void {
  startCsv(response, fileName);
  response.end(csvRecords([header, ...rows]));
}

/**
 * A CSV download of a list read a page at a time, each page written as it comes. The first page
 * is read before anything is sent, so that a refusal is still answered as one.
 */
export async function sendCsvPages(response: Response, fileName: string, header: string[], pages: AsyncIterable<CsvCell[][]>): Promise<void> {
  const reading = pages[Symbol.asyncIterator]();
  let page = await reading.next();
  startCsv(response, fileName);
  response.write(csvRecords([header]));
  for (; !page.done; page = await reading.next()) if (page.value.length) response.write(csvRecords(page.value));
  response.end();
}
