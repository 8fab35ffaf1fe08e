import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { luxembourgPublicHolidays } from '../../db/seeds/public-holidays.js';
import { luxembourgDate } from '../../domain/luxembourg-date.js';
import { WorkingDayCalendar } from '../../domain/working-days.js';
import { nextSchoolYearStart, startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const pointers = (body: { errors: { pointer: string }[] }) => body.errors.map((e) => e.pointer).sort();

describe('eligibility when the employer submits', () => {
  it('answers every broken rule in one 400, and starts no case', async () => {
    const { parties } = stack;
    const start = nextSchoolYearStart();
    const fourteen = `${Number(start.slice(0, 4)) - 14}-12-31`;
    const reply = await stack.request(parties.employerWithoutRights, 'POST', '/v1/cases', stack.caseRequest({
      apprentice: { givenName: 'Tim', familyName: 'Klein', birthDate: fourteen, residenceCountry: 'DE' },
      legalRepresentative: { givenName: 'Eva', familyName: 'Klein' },
      tradeCode: 'DAP-ELECTRICIEN',
      foreignSchool: { organisationId: 'berufskolleg-aachen', programme: 'Elektroniker' },
      durationMonths: 60,
      proposedMonthlyAllowanceCents: 50_000,
    }));
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toBe('The request does not meet the conditions of a cross-border apprenticeship');
    expect(pointers(reply.body)).toEqual(
      ['#/apprentice/birthDate', '#/apprentice/email', '#/legalRepresentative/email', '#/durationMonths', '#/foreignSchool/organisationId', '#/proposedMonthlyAllowanceCents', '#/tradeCode'].sort(),
    );
    expect(reply.body.errors.find((e: { pointer: string }) => e.pointer === '#/tradeCode').detail).toContain('no right to train');
    const cases = await stack.db.selectFrom('cases').select('id').where('employer_organisation_id', '=', parties.employerWithoutRights.organisationId).execute();
    expect(cases).toHaveLength(0);
  });

  it('lists a country, a right to train and an allowance together: the country is a rule, not a shape', async () => {
    const { parties } = stack;
    const request = stack.caseRequest({ proposedMonthlyAllowanceCents: 127_491 });
    const reply = await stack.request(parties.employerWithoutRights, 'POST', '/v1/cases', {
      ...request,
      apprentice: { ...request.apprentice, residenceCountry: 'NL' },
    });
    expect(reply.status).toBe(400);
    expect(pointers(reply.body)).toEqual(['#/apprentice/residenceCountry', '#/proposedMonthlyAllowanceCents', '#/tradeCode']);
    const cases = await stack.db.selectFrom('cases').select('id').where('employer_organisation_id', '=', parties.employerWithoutRights.organisationId).execute();
    expect(cases).toHaveLength(0);
  });

  it('records the check with the case, flags a minor, and routes to the chamber of the trade', async () => {
    const start = nextSchoolYearStart();
    const seventeen = `${Number(start.slice(0, 4)) - 17}-01-15`;
    const submitted = await stack.submit({
      apprentice: { givenName: 'Noah', familyName: 'Weis', birthDate: seventeen, residenceCountry: 'BE', email: 'noah.weis@example.be' },
      legalRepresentative: { givenName: 'Ines', familyName: 'Weis', email: 'ines.weis@example.be' },
    });
    const view = (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body;
    expect(view.eligibility).toMatchObject({ problems: [], parentalAuthorisationRequired: true, route: 'regular' });
    expect(view.participants.chamber).toBe('chambre-des-metiers');
  });

  it('gives every task a due date in Luxembourg working days, per task kind', async () => {
    const submitted = await stack.submit();
    const calendar = new WorkingDayCalendar(luxembourgPublicHolidays);
    const expected = calendar.addWorkingDays(luxembourgDate(new Date()), stack.config.TASK_DUE_OPINION);
    const task = await stack.openTask(stack.parties.adem, submitted.id);
    const view = await stack.request(stack.parties.adem, 'GET', `/v1/tasks/${task.id}`);
    expect(view.body.dueOn).toBe(expected);
    const reference = submitted.id.slice(0, 8).toUpperCase();
    await expect
      .poll(async () => (await stack.mailsTo(stack.parties.adem.organisationEmail)).find((m) => m.subject.includes(reference))?.text, { timeout: 20_000 })
      .toContain(`Échéance : ${expected}`);
  });
});

describe('a ministry user publishes a new minimum allowance table', () => {
  it('applies it to cases starting from its date, not before, and re-computes the later years of earlier cases', async () => {
    const { parties } = stack;
    const before = nextSchoolYearStart();
    const from = `${before.slice(0, 4)}-10-01`;
    const legalReference = 'Règlement grand-ducal portant relèvement des indemnités (test)';
    const rules = ['not_passed', 'passed'].flatMap((midCourse) =>
      [1, 2, 3, 4].map((year) => ({ qualification: 'DAP', year, midCourse, method: 'index_100', amountAtIndex100Cents: 20_000 })),
    );
    const published = await stack.request(parties.ministry, 'POST', '/v1/reference/allowance-rules/versions', { validFrom: from, legalReference, rows: rules });
    expect(published.status).toBe(201);

    // Before: 45% of the unqualified social minimum wage (2,833.16 €) = 1,274.92 €.
    const earlier = await stack.submit({ startDate: before });
    const earlierView = (await stack.request(parties.employer, 'GET', `/v1/cases/${earlier.id}`)).body;
    expect(earlierView.eligibility.minimumFirstYearCents).toBe(127_492);

    // From its date: 200.00 € at index 100 × 992.24 points = 1,984.48 €.
    const tooLow = await stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest({ startDate: from }));
    expect(tooLow.status).toBe(400);
    expect(tooLow.body.errors).toEqual([
      { pointer: '#/proposedMonthlyAllowanceCents', detail: `The allowance must be at least 1984.48 € a month in the first year (${legalReference})` },
    ]);
    const later = await stack.submit({ startDate: from, proposedMonthlyAllowanceCents: 200_000 });
    const laterView = (await stack.request(parties.employer, 'GET', `/v1/cases/${later.id}`)).body;
    expect(laterView.eligibility.minimumFirstYearCents).toBe(198_448);

    // The earlier case's first year keeps the old minimum; its second year starts under the new table.
    expect(earlierView.allowanceSchedule.map((y: { from: string; minimumCents: number; legalReference: string }) => [y.from, y.minimumCents])).toEqual([
      [before, 127_492],
      [`${Number(before.slice(0, 4)) + 1}-09-01`, 198_448],
      [`${Number(before.slice(0, 4)) + 2}-09-01`, 198_448],
    ]);
    expect(earlierView.allowanceSchedule[0]).toMatchObject({ proposedCents: 160_000, belowMinimum: false, familyAllowanceEligible: true });
    expect(earlierView.allowanceSchedule[1]).toMatchObject({ belowMinimum: true, legalReference });
  });
});
