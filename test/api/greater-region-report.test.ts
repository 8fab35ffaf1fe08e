import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { greaterRegionReportSchema } from '../../api/openapi-reports.js';
import { nextSchoolYearStart, startTestStack, type Party, type TestStack } from '../support/stack.js';

/**
 * The Greater Region report counts the cases whose contract starts in a school year (1 September
 * to 31 August). The demo data holds no case: every count here is of the cases this file makes.
 */

let stack: TestStack;
/** The first school year open for requests whenever the test runs, and the one after it. */
const first = Number(nextSchoolYearStart().slice(0, 4));
const schoolYear = `${first}-${first + 1}`;
const nextSchoolYear = `${first + 1}-${first + 2}`;

/** A CSV download as the API sends it: its bytes, read as text (after the byte order mark), and its records. */
async function csv(party: Party, path: string) {
  const response = await fetch(`${stack.apiUrl()}${path}`, { headers: { authorization: `Bearer ${party.token}` } });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes, records: bytes.subarray(3).toString('utf8').split('\r\n') };
}

async function submitAs(party: Party, overrides: Parameters<TestStack['caseRequest']>[0]): Promise<string> {
  const reply = await stack.request(party, 'POST', '/v1/cases', stack.caseRequest(overrides));
  if (reply.status !== 201) throw new Error(`submission failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return reply.body.id;
}

/** Waits (outside a test: expect.poll is for tests only) until the case's status is one of `statuses`. */
async function reaches(caseId: string, ...statuses: string[]): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const status = (await stack.request(stack.parties.ministry, 'GET', `/v1/cases/${caseId}`)).body.status;
    if (statuses.includes(status)) return;
    if (Date.now() > deadline) throw new Error(`case ${caseId} is ${status}, not ${statuses.join(' or ')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  stack = await startTestStack();
  const { employer, otherEmployer } = stack.parties;
  const farmer = await stack.asUser('jean.hoffmann');
  const apprentice = (residenceCountry: string) => ({ ...stack.caseRequest().apprentice, residenceCountry });

  // In the school year: a baker authorised, a baker refused, an electrician withdrawn, a farmer in review on its last day.
  const authorised = await submitAs(employer, { apprentice: apprentice('FR'), startDate: `${first}-09-01` });
  const refused = await submitAs(employer, { apprentice: apprentice('DE'), startDate: `${first}-11-15` });
  const withdrawn = await submitAs(otherEmployer, {
    apprentice: apprentice('DE'),
    tradeCode: 'DAP-ELECTRICIEN',
    foreignSchool: { organisationId: 'bbs-trier', programme: 'Elektroniker/-in für Energie- und Gebäudetechnik' },
    startDate: `${first + 1}-02-01`,
  });
  await submitAs(farmer, {
    apprentice: apprentice('BE'),
    tradeCode: 'DAP-AGRICULTEUR',
    foreignSchool: { organisationId: 'ipea-arlon', programme: 'Agriculteur (CEFA)' },
    startDate: `${first + 1}-08-31`,
  });
  // The next school year's first day: not in the one before.
  await submitAs(employer, { apprentice: apprentice('FR'), startDate: `${first + 1}-09-01` });

  await stack.authorise(authorised);
  await stack.authorise(refused, { outcome: 'refused', reasons: 'The school cannot take the apprentice this year' });
  expect((await stack.request(otherEmployer, 'POST', `/v1/cases/${withdrawn}/withdraw`, {})).status).toBe(200);
  await reaches(authorised, 'authorised', 'awaiting_signatures');
  await reaches(refused, 'refused');
  await reaches(withdrawn, 'withdrawn');
});
afterAll(() => stack?.stop());

const totals = (rows: { key: string | null; total: number }[]) => rows.map((row) => [row.key, row.total]);
const none = { in_review: 0, authorised: 0, refused: 0, withdrawn: 0, stuck: 0 };

describe('the Greater Region report', () => {
  it('counts the cases whose contract starts in the school year by trade, country of residence, school country, chamber and outcome', async () => {
    const reply = await stack.request(stack.parties.ministry, 'GET', `/v1/reports/greater-region?schoolYear=${schoolYear}`);
    expect(reply.status).toBe(200);
    const report = reply.body;
    expect(greaterRegionReportSchema.strict().safeParse(report).error?.issues ?? []).toEqual([]);
    expect(report).toMatchObject({ schoolYear, from: `${first}-09-01`, to: `${first + 1}-08-31`, total: 4 });
    expect(report.outcomes).toEqual({ in_review: 1, authorised: 1, refused: 1, withdrawn: 1, stuck: 0 });
    // The largest group first, then by key.
    expect(totals(report.byTrade)).toEqual([
      ['DAP-BOULANGER', 2],
      ['DAP-AGRICULTEUR', 1],
      ['DAP-ELECTRICIEN', 1],
    ]);
    // paul.menje reads English: the trade's name is in his language.
    expect(report.byTrade[0]).toEqual({ key: 'DAP-BOULANGER', name: 'Baker-confectioner (DAP)', total: 2, outcomes: { ...none, authorised: 1, refused: 1 } });
    expect(totals(report.byResidenceCountry)).toEqual([
      ['DE', 2],
      ['BE', 1],
      ['FR', 1],
    ]);
    expect(report.byResidenceCountry[0].outcomes).toEqual({ ...none, refused: 1, withdrawn: 1 });
    expect(totals(report.bySchoolCountry)).toEqual([
      ['FR', 2],
      ['BE', 1],
      ['DE', 1],
    ]);
    expect(report.byChamber).toEqual([
      { key: 'chambre-des-metiers', name: 'Chambre des Métiers', total: 3, outcomes: { ...none, authorised: 1, refused: 1, withdrawn: 1 } },
      { key: 'chambre-agriculture', name: "Chambre d'Agriculture", total: 1, outcomes: { ...none, in_review: 1 } },
    ]);

    const next = (await stack.request(stack.parties.ministry, 'GET', `/v1/reports/greater-region?schoolYear=${nextSchoolYear}`)).body;
    expect(next).toMatchObject({ total: 1, outcomes: { ...none, in_review: 1 } });
    expect(totals(next.byTrade)).toEqual([['DAP-BOULANGER', 1]]);
    const before = (await stack.request(stack.parties.ministry, 'GET', `/v1/reports/greater-region?schoolYear=${first - 1}-${first}`)).body;
    expect(before).toMatchObject({ total: 0, byTrade: [], byResidenceCountry: [], bySchoolCountry: [], byChamber: [] });
  });

  it('gives the same report as a CSV table (RFC 4180, UTF-8 with a byte order mark)', async () => {
    const download = await csv(stack.parties.ministry, `/v1/reports/greater-region.csv?schoolYear=${schoolYear}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="greater-region-${schoolYear}.csv"`);
    expect([...download.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(download.records).toEqual([
      'dimension,key,name,total,in_review,authorised,refused,withdrawn,stuck',
      'all,,,4,1,1,1,1,0',
      'trade,DAP-BOULANGER,Baker-confectioner (DAP),2,0,1,1,0,0',
      'trade,DAP-AGRICULTEUR,Farmer (DAP),1,1,0,0,0,0',
      'trade,DAP-ELECTRICIEN,Electrician (DAP),1,0,0,0,1,0',
      'residenceCountry,DE,,2,0,0,1,1,0',
      'residenceCountry,BE,,1,1,0,0,0,0',
      'residenceCountry,FR,,1,0,1,0,0,0',
      'schoolCountry,FR,,2,0,1,1,0,0',
      'schoolCountry,BE,,1,1,0,0,0,0',
      'schoolCountry,DE,,1,0,0,0,1,0',
      'chamber,chambre-des-metiers,Chambre des Métiers,3,0,1,1,1,0',
      "chamber,chambre-agriculture,Chambre d'Agriculture,1,1,0,0,0,0",
      // The last record ends with CRLF too.
      '',
    ]);
  });

  it('is the ministry’s only: any of its users reads it, every other party gets 403', async () => {
    const officer = await stack.asUser('claude.reding');
    expect((await stack.request(officer, 'GET', `/v1/reports/greater-region?schoolYear=${schoolYear}`)).body.total).toBe(4);
    for (const party of [stack.parties.employer, stack.parties.adem, stack.parties.chamber, stack.parties.school]) {
      const json = await stack.request(party, 'GET', `/v1/reports/greater-region?schoolYear=${schoolYear}`);
      expect(json.status).toBe(403);
      expect(json.headers.get('content-type')).toContain('application/problem+json');
      const download = await csv(party, `/v1/reports/greater-region.csv?schoolYear=${schoolYear}`);
      expect(download.status).toBe(403);
      expect(download.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await stack.request(undefined, 'GET', `/v1/reports/greater-region?schoolYear=${schoolYear}`)).status).toBe(401);
  });

  it('answers a malformed or missing school year with 400 naming the field', async () => {
    for (const query of ['schoolYear=2027-2029', 'schoolYear=2027', 'schoolYear=2027%2F2028', 'schoolYear=0000-0001', 'schoolYear=', '']) {
      for (const path of ['/v1/reports/greater-region', '/v1/reports/greater-region.csv']) {
        const reply = await stack.request(stack.parties.ministry, 'GET', `${path}?${query}`);
        expect(reply.status, `${path}?${query}`).toBe(400);
        expect(reply.body.errors.map((error: { pointer: string }) => error.pointer), `${path}?${query}`).toEqual(['#/schoolYear']);
      }
    }
  });
});
