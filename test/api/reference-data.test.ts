import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleReferenceData } from '../../db/seeds/reference-data.js';
import { referenceTableNames } from '../../domain/reference-data.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const baker = {
  code: 'DAP-BOULANGER',
  names: { fr: 'Boulanger-pâtissier (DAP)', de: 'Bäcker-Konditor (DAP)', en: 'Baker-confectioner (DAP)' },
  chamberOrganisationId: 'chambre-des-metiers',
  qualification: 'DAP',
  standardDurationYears: 3,
  minDurationMonths: 24,
  maxDurationMonths: 48,
  crossBorderListed: true,
};

describe('reference data', () => {
  it('shows every party the version in force on a date, with its legal reference', async () => {
    const { parties } = stack;
    const before = await stack.request(parties.school, 'GET', '/v1/reference/trades?on=2026-08-31');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ validFrom: '2025-09-01', validTo: '2026-09-01', sample: true });
    expect(before.body.legalReference).toContain('2025/2026');
    const logistics = (body: { rows: { code: string; crossBorderListed: boolean }[] }) => body.rows.find((t) => t.code === 'DAP-LOGISTICIEN')!.crossBorderListed;
    expect(logistics(before.body)).toBe(true);
    const after = await stack.request(parties.employer, 'GET', '/v1/reference/trades?on=2026-09-01');
    expect(after.body.validFrom).toBe('2026-09-01');
    expect(logistics(after.body)).toBe(false);

    const all = await stack.request(parties.adem, 'GET', '/v1/reference?on=2026-09-01');
    expect(all.body.tables.map((t: { table: string }) => t.table)).toEqual(referenceTableNames);
    expect(all.body.tables).toHaveLength(10);
    expect(all.body.tables.every((t: { inForce: unknown }) => t.inForce !== null)).toBe(true);
  });

  it('answers 404 for an unknown table or a date before any version, and 400 for a malformed date', async () => {
    const { parties } = stack;
    expect((await stack.request(parties.adem, 'GET', '/v1/reference/wages')).status).toBe(404);
    expect((await stack.request(parties.adem, 'GET', '/v1/reference/trades?on=1999-01-01')).status).toBe(404);
    const malformed = await stack.request(parties.adem, 'GET', '/v1/reference/trades?on=tomorrow');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].pointer).toBe('#/on');
  });

  it('lets only the ministry publish', async () => {
    const reply = await stack.request(stack.parties.chamber, 'POST', '/v1/reference/trades/versions', {
      validFrom: '2030-09-01',
      legalReference: 'Règlement grand-ducal 2030/2031',
      rows: [baker],
    });
    expect(reply.status).toBe(403);
  });

  it('validates every row and names each wrong field', async () => {
    const reply = await stack.request(stack.parties.ministry, 'POST', '/v1/reference/trades/versions', {
      validFrom: '2030-09-01',
      legalReference: 'Règlement grand-ducal 2030/2031',
      rows: [baker, { ...baker, code: 'DAP-X', qualification: 'BTS', minDurationMonths: 'long' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/rows/1/minDurationMonths', '#/rows/1/qualification']);
    const duplicate = await stack.request(stack.parties.ministry, 'POST', '/v1/reference/trades/versions', {
      validFrom: '2030-09-01',
      legalReference: 'Règlement grand-ddual 2030/2031',
      rows: [baker, baker],
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors[0].pointer).toBe('#/rows/1');
  });

  it('publishes a new version that closes the one before it, and never rewrites the past', async () => {
    const { parties } = stack;
    const rewrite = await stack.request(parties.ministry, 'POST', '/v1/reference/trades/versions', {
      validFrom: '2026-09-01',
      legalReference: 'A second list for 2026/2027',
      rows: [baker],
    });
    expect(rewrite.status).toBe(409);

    const published = await stack.request(parties.ministry, 'POST', '/v1/reference/trades/versions', {
      validFrom: '2031-09-01',
      legalReference: 'Règlement grand-ducal du 1er juillet 2031 (liste 2031/2032)',
      rows: [baker],
    });
    expect(published.status).toBe(201);
    expect(published.body).toMatchObject({ validFrom: '2031-09-01', validTo: null, sample: false, publishedBy: parties.ministry.userId });

    const versions = await stack.request(parties.employer, 'GET', '/v1/reference/trades/versions');
    expect(versions.body.items.map((v: { validFrom: string; validTo: string | null }) => [v.validFrom, v.validTo])).toEqual([
      ['2031-09-01', null],
      ['2026-09-01', '2031-09-01'],
      ['2025-09-01', '2026-09-01'],
    ]);
    const latestSampleTrades = sampleReferenceData.filter((v) => v.table === 'trades').at(-1)!.rows;
    expect((await stack.request(parties.employer, 'GET', '/v1/reference/trades?on=2031-08-31')).body.rows).toEqual(latestSampleTrades);
    expect((await stack.request(parties.employer, 'GET', '/v1/reference/trades?on=2031-09-01')).body.rows).toEqual([baker]);
  });
  it('publishes the fees for recognising a diploma, one per issuing country', async () => {
    const { parties } = stack;
    const sample = await stack.request(parties.ministry, 'GET', '/v1/reference/recognition-fees?on=2026-11-01');
    expect(sample.status).toBe(200);
    expect(sample.body).toMatchObject({ sample: true, validTo: null });
    expect(sample.body.legalReference).toContain('Règlement ministériel');
    expect(sample.body.rows).toEqual(expect.arrayContaining([{ country: 'FR', amountCents: 7_500 }, { country: 'DE', amountCents: 7_500 }, { country: 'BE', amountCents: 7_500 }]));

    const twice = await stack.request(parties.ministry, 'POST', '/v1/reference/recognition-fees/versions', {
      validFrom: '2030-01-01',
      legalReference: 'Règlement ministériel du 1er décembre 2029',
      rows: [{ country: 'FR', amountCents: 8_000 }, { country: 'FR', amountCents: 9_000 }],
    });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].pointer).toBe('#/rows/1');
    const lowerCase = await stack.request(parties.ministry, 'POST', '/v1/reference/recognition-fees/versions', {
      validFrom: '2030-01-01',
      legalReference: 'Règlement ministériel du 1er décembre 2029',
      rows: [{ country: 'fr', amountCents: -1 }],
    });
    expect(lowerCase.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['#/rows/0/amountCents', '#/rows/0/country']);

    const published = await stack.request(parties.ministry, 'POST', '/v1/reference/recognition-fees/versions', {
      validFrom: '2030-01-01',
      legalReference: 'Règlement ministériel du 1er décembre 2029',
      rows: [{ country: 'FR', amountCents: 8_000 }, { country: 'DE', amountCents: 8_000 }, { country: 'BE', amountCents: 8_000 }],
    });
    expect(published.status).toBe(201);
    expect((await stack.request(parties.employer, 'GET', '/v1/reference/recognition-fees?on=2029-12-31')).body.rows).toContainEqual({ country: 'FR', amountCents: 7_500 });
    expect((await stack.request(parties.employer, 'GET', '/v1/reference/recognition-fees?on=2030-01-01')).body.rows).toContainEqual({ country: 'FR', amountCents: 8_000 });
  });
});
