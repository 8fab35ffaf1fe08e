import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderContract } from '../../activities/contract-pdf.js';
import { nextSchoolYearStart, startTestStack, type Party, type TestStack } from '../support/stack.js';
import { textOf } from '../support/pdf-text.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const startYear = nextSchoolYearStart().slice(0, 4);
const next = String(Number(startYear) + 1);

/** The contract of an authorised case, once the workflow has drawn it up. */
async function contractOf(caseId: string, party: Party = stack.parties.employer) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const reply = await stack.request(party, 'GET', `/v1/cases/${caseId}/contract`);
    if (reply.status === 200) return reply.body;
    if (reply.status !== 404 || Date.now() > deadline) throw new Error(`no contract for case ${caseId}: ${reply.status} ${JSON.stringify(reply.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function download(party: Party, path: string) {
  const response = await fetch(`${stack.apiUrl()}${path}`, { headers: { authorization: `Bearer ${party.token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}


async function authorisedCase(): Promise<string> {
  const { id } = await stack.submit();
  const decided = await stack.authorise(id);
  expect(decided.status).toBe(200);
  return id;
}

describe('the apprenticeship contract as a PDF', () => {
  let caseId: string;
  let contract: any;
  let pdf: Awaited<ReturnType<typeof download>>;

  beforeAll(async () => {
    caseId = await authorisedCase();
    contract = await contractOf(caseId);
    pdf = await download(stack.parties.employer, contract.versions[0].document);
  });

  it('is drawn up on authorisation, in the language of the employer organisation', () => {
    expect(stack.parties.employer.language).toBe('en');
    expect(contract).toMatchObject({ currentVersion: 1, registrationNumber: null, signatures: [] });
    expect(contract.versions).toEqual([
      expect.objectContaining({ version: 1, language: 'en', status: 'awaiting_signatures', document: `/v1/cases/${caseId}/contract/versions/1/document` }),
    ]);
  });

  it('downloads as the PDF whose SHA-256 and size the contract lists, the hash as its ETag', () => {
    const [version] = contract.versions;
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="?contract-[0-9A-F]{8}-v1\.pdf"?$/);
    expect(pdf.headers.get('etag')).toBe(`"${version.sha256}"`);
    expect(sha256(pdf.bytes)).toBe(version.sha256);
    expect(pdf.bytes.length).toBe(version.size);
  });

  it('states the trade, the school programme, the start date and the allowance in English', async () => {
    const text = await textOf(pdf.bytes);
    expect(text).toContain('Apprenticeship contract');
    expect(text).toContain('Baker-confectioner (DAP)');
    expect(text).toContain('CAP Boulanger, 2 years');
    expect(text).toContain(`Start of the contract 1 September ${startYear}`);
    expect(text).toContain(`1 1 September ${startYear} – 31 August ${next} €1,600.00`);
  });

  it('renders the same bytes from the same terms, so a retried activity stores the same document', async () => {
    const row = await stack.db.selectFrom('contracts').select(['terms', 'drawn_up_at', 'sha256']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    const again = await renderContract(row.terms, row.drawn_up_at.toISOString());
    expect(sha256(again)).toBe(row.sha256);
  });

  it('is logged in the case history with its hash', async () => {
    const history = await stack.request(stack.parties.employer, 'GET', `/v1/cases/${caseId}/history`);
    expect(history.body.items).toContainEqual(expect.objectContaining({ type: 'contract_drawn_up', data: expect.objectContaining({ contractVersion: 1, sha256: contract.versions[0].sha256 }) }));
  });

  it('is read by the other parties of the case', async () => {
    const { school, chamber } = stack.parties;
    expect((await stack.request(school, 'GET', `/v1/cases/${caseId}/contract`)).body.currentVersion).toBe(1);
    expect(sha256((await download(chamber, contract.versions[0].document)).bytes)).toBe(contract.versions[0].sha256);
  });

  it('is not shown to a party of another case, nor for an unknown case or version', async () => {
    const { otherEmployer, employer } = stack.parties;
    expect((await stack.request(otherEmployer, 'GET', `/v1/cases/${caseId}/contract`)).status).toBe(404);
    expect((await download(otherEmployer, contract.versions[0].document)).status).toBe(404);
    expect((await stack.request(employer, 'GET', `/v1/cases/00000000-0000-4000-8000-000000000000/contract`)).status).toBe(404);
    expect((await download(employer, `/v1/cases/${caseId}/contract/versions/2/document`)).status).toBe(404);
    const badVersion = await stack.request(employer, 'GET', `/v1/cases/${caseId}/contract/versions/first/document`);
    expect(badVersion.status).toBe(400);
    expect(badVersion.body.errors).toEqual([expect.objectContaining({ pointer: '#/version' })]);
  });

  it('is not there before the case is authorised', async () => {
    const { id } = await stack.submit();
    expect((await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}/contract`)).status).toBe(404);
  });

  it("takes the employer's signature only on its own hash", async () => {
    const task = await stack.openTask(stack.parties.employer, caseId);
    expect(task.kind).toBe('signature');
    const stale = await stack.complete(stack.parties.employer, task.id, { outcome: 'signed', documentSha256: 'a'.repeat(64) });
    expect(stale.status).toBe(409);
    expect(stale.body.title).toBe('Stale contract');
    const signed = await stack.complete(stack.parties.employer, task.id, { outcome: 'signed', documentSha256: contract.versions[0].sha256 });
    expect(signed.status).toBe(200);
  });
});

const otherLanguages = [
  {
    language: 'de',
    title: 'Lehrvertrag',
    trade: 'Bäcker-Konditor (DAP)',
    start: `Beginn des Vertrags 1. September ${startYear}`,
    firstYear: `1 1. September ${startYear} – 31. August ${next} 1.600,00 €`,
  },
  {
    language: 'fr',
    title: "Contrat d'apprentissage",
    trade: 'Boulanger-pâtissier (DAP)',
    start: `Début du contrat 1 septembre ${startYear}`,
    firstYear: `1 1 septembre ${startYear} – 31 août ${next} 1.600,00 €`,
  },
] as const;

describe('a contract in another language', () => {
  it.each(otherLanguages)('is written in $language for an employer organisation that chose it', async (expected) => {
    const { employer } = stack.parties;
    await stack.db.updateTable('organisations').set({ language: expected.language }).where('id', '=', employer.organisationId).execute();
    try {
      const caseId = await authorisedCase();
      const contract = await contractOf(caseId);
      expect(contract.versions[0].language).toBe(expected.language);
      const text = await textOf((await download(employer, contract.versions[0].document)).bytes);
      expect(text).toContain(expected.title);
      expect(text).toContain(expected.trade);
      expect(text).toContain('CAP Boulanger, 2 years');
      expect(text).toContain(expected.start);
      expect(text).toContain(expected.firstYear);
    } finally {
      await stack.db.updateTable('organisations').set({ language: employer.language }).where('id', '=', employer.organisationId).execute();
    }
  });
});
