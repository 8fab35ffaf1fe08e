import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('who is who', () => {
  it('tells the caller who they are, their organisation and roles', async () => {
    const me = await stack.request(stack.parties.adem, 'GET', '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      id: 'marie.adem',
      name: 'Marie Hoffmann',
      organisation: { id: 'adem', kind: 'adem', name: 'ADEM – Orientation professionnelle', country: 'LU', region: null, languages: ['fr'] },
      roles: ['supervisor'],
      language: 'fr',
    });
    const luc = await stack.colleague(stack.parties.adem, 'luc.adem');
    expect((await stack.request(luc, 'GET', '/v1/me')).body).toMatchObject({ id: 'luc.adem', roles: [], language: 'de' });
    const eva = await stack.colleague(stack.parties.ministry, 'eva.menje');
    expect((await stack.request(eva, 'GET', '/v1/me')).body).toMatchObject({ id: 'eva.menje', roles: ['administrator'] });
    expect((await stack.request(undefined, 'GET', '/v1/me')).status).toBe(401);
  });

  it('lists the organisations, of one kind if asked, with the country and region of each school', async () => {
    const schools = await stack.request(stack.parties.employer, 'GET', '/v1/organisations?kind=foreign_school');
    expect(schools.status).toBe(200);
    expect(schools.body.items.every((o: { kind: string }) => o.kind === 'foreign_school')).toBe(true);
    expect(schools.body.items).toContainEqual({
      id: 'bbs-trier',
      kind: 'foreign_school',
      name: 'Berufsbildende Schule Gewerbe und Technik, Trier',
      country: 'DE',
      region: 'Rheinland-Pfalz',
      languages: ['de'],
    });
    const all = await stack.request(stack.parties.employer, 'GET', '/v1/organisations');
    expect(new Set(all.body.items.map((o: { kind: string }) => o.kind))).toEqual(new Set(['employer', 'adem', 'chamber', 'ministry', 'foreign_school', 'foreign_authority']));
    // Applicants are people: the directory neither lists them nor takes their kind.
    expect((await stack.request(stack.parties.employer, 'GET', '/v1/organisations?kind=applicant')).status).toBe(400);
    const wrong = await stack.request(stack.parties.employer, 'GET', '/v1/organisations?kind=club');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/kind']);
  });
});

describe('the case list', () => {
  const ids = (reply: { body: { items: { id: string }[] } }) => reply.body.items.map((c) => c.id);

  it('pages with an opaque cursor, newest first, every case once', async () => {
    for (let i = 0; i < 3; i++) await stack.submit();
    const all = await stack.request(stack.parties.employer, 'GET', '/v1/cases?limit=200');
    expect(all.body.nextCursor).toBeNull();
    const expected = ids(all);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const submittedAt = all.body.items.map((c: { submittedAt: string }) => c.submittedAt);
    expect([...submittedAt].sort().reverse()).toEqual(submittedAt);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await stack.request(
        stack.parties.employer,
        'GET',
        `/v1/cases?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      paged.push(...ids(page));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(paged).toEqual(expected);

    for (const bad of ['cursor=garbage!', 'limit=0', 'status=lost', 'country=France', 'reference=XYZ']) {
      const reply = await stack.request(stack.parties.employer, 'GET', `/v1/cases?${bad}`);
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([`#/${bad.split('=')[0]}`]);
    }
  });

  it('filters by status, trade, country of residence and school, and finds a case by its reference', async () => {
    const { parties } = stack;
    const inBelgium = await stack.submit({
      apprentice: { ...stack.caseRequest().apprentice, residenceCountry: 'BE' },
      foreignSchool: { organisationId: 'ipea-arlon', programme: 'Boulanger-pâtissier (CEFA)' },
    });
    const inFrance = await stack.submit();
    await stack.request(parties.employer, 'POST', `/v1/cases/${inFrance.id}/withdraw`, {});

    const belgian = ids(await stack.request(parties.employer, 'GET', '/v1/cases?country=BE&limit=200'));
    expect(belgian).toContain(inBelgium.id);
    expect(belgian).not.toContain(inFrance.id);
    const arlon = ids(await stack.request(parties.employer, 'GET', '/v1/cases?school=ipea-arlon&limit=200'));
    expect(arlon).toContain(inBelgium.id);
    expect(arlon).not.toContain(inFrance.id);
    const withdrawn = await stack.request(parties.employer, 'GET', '/v1/cases?status=withdrawn&limit=200');
    expect(ids(withdrawn)).toContain(inFrance.id);
    expect(withdrawn.body.items.every((c: { status: string }) => c.status === 'withdrawn')).toBe(true);
    expect(ids(await stack.request(parties.employer, 'GET', `/v1/cases?trade=${stack.tradeCode}&limit=200`))).toContain(inBelgium.id);
    expect(ids(await stack.request(parties.employer, 'GET', '/v1/cases?trade=NO-SUCH-TRADE'))).toEqual([]);

    const reference = (await stack.request(parties.employer, 'GET', `/v1/cases/${inBelgium.id}`)).body.reference as string;
    expect(ids(await stack.request(parties.employer, 'GET', `/v1/cases?reference=${reference}`))).toEqual([inBelgium.id]);
    expect(ids(await stack.request(parties.employer, 'GET', `/v1/cases?reference=${reference.toLowerCase()}`))).toEqual([inBelgium.id]);
    // Another employer finds nothing by that reference.
    expect(ids(await stack.request(parties.otherEmployer, 'GET', `/v1/cases?reference=${reference}`))).toEqual([]);
  });
});
