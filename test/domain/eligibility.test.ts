import { describe, expect, it } from 'vitest';
import type { CaseRequest } from '../../domain/case-request.js';
import { checkEligibility, type EligibilityContext } from '../../domain/eligibility.js';
import { requiredSigners } from '../../domain/signatures.js';
import { sampleReference } from '../support/sample-reference.js';
import { sampleRequest } from '../support/sample-request.js';

const reference = sampleReference();
const thionville = { id: 'lycee-thionville', country: 'FR', region: 'Grand Est' };

const request = sampleRequest;

function check(overrides: Partial<CaseRequest> = {}, context: Partial<EligibilityContext> = {}) {
  return checkEligibility(request(overrides), {
    reference,
    employerOrganisationId: 'boulangerie-schmit',
    school: thionville,
    submittedOn: '2026-06-01',
    ...context,
  });
}

const paths = (result: ReturnType<typeof check>) => result.problems.map((p) => p.path.join('/'));

describe('eligibility of a request', () => {
  it('accepts a request that meets every rule, and cites the texts it applied', () => {
    const result = check();
    expect(result.problems).toEqual([]);
    expect(result).toMatchObject({ route: 'regular', schoolYear: '2026/2027', parentalAuthorisationRequired: true });
    expect(result.trade?.chamberOrganisationId).toBe('chambre-des-metiers');
    expect(result.legalReferences.some((r) => r.includes('indemnités'))).toBe(true);
  });

  it('needs the apprentice to be 15 on the start date: the day before the birthday is too early', () => {
    expect(paths(check({ apprentice: { ...request().apprentice, birthDate: '2011-09-01' } }))).toEqual([]);
    expect(paths(check({ apprentice: { ...request().apprentice, birthDate: '2011-09-02' } }))).toEqual(['apprentice/birthDate']);
  });

  it('flags a minor for the legal representative’s signature, and not an adult', () => {
    expect(check({ apprentice: { ...request().apprentice, birthDate: '2008-09-02' } }).parentalAuthorisationRequired).toBe(true);
    expect(check({ apprentice: { ...request().apprentice, birthDate: '2008-09-01' } }).parentalAuthorisationRequired).toBe(false);
  });

  it('needs the e-mail of each signer who signs through a link: the apprentice, and for a minor the legal representative', () => {
    const { email: _, ...noEmail } = request().apprentice;
    expect(paths(check({ apprentice: noEmail }))).toEqual(['apprentice/email']);
    expect(paths(check({ legalRepresentative: undefined }))).toEqual(['legalRepresentative']);
    expect(paths(check({ legalRepresentative: { givenName: 'Claire', familyName: 'Roth' } }))).toEqual(['legalRepresentative/email']);
    const adult = { ...request().apprentice, birthDate: '2008-09-01' };
    expect(paths(check({ apprentice: adult, legalRepresentative: undefined }))).toEqual([]);
  });

  it('asks the legal representative to sign for a minor at the start date only', () => {
    expect(requiredSigners(request())).toEqual(['employer', 'apprentice', 'legal_representative']);
    expect(requiredSigners({ ...request(), apprentice: { ...request().apprentice, birthDate: '2008-09-01' } })).toEqual(['employer', 'apprentice']);
  });

  it('refuses a start date before the request', () => {
    expect(check({}, { submittedOn: '2026-09-02' }).problems).toEqual([
      { path: ['startDate'], message: 'The start date cannot be before the request (2026-09-02)' },
    ]);
  });

  it('applies the regular deadline of the school year of the start date, up to and including 31 October', () => {
    const late = { startDate: '2026-11-02' };
    expect(paths(check(late, { submittedOn: '2026-10-31' }))).toEqual([]);
    expect(check(late, { submittedOn: '2026-11-01' }).problems).toEqual([
      { path: ['startDate'], message: 'Requests for 2026/2027 closed on 2026-10-31' },
    ]);
  });

  it('takes a trade off the list from the school year that drops it: logistics is listed for 2025/2026, not 2026/2027', () => {
    const logistics = { tradeCode: 'DAP-LOGISTICIEN', foreignSchool: { organisationId: 'lycee-thionville', programme: 'Bac pro Logistique' } };
    expect(paths(check({ ...logistics, startDate: '2026-08-31' }, { submittedOn: '2025-10-01' }))).toEqual([]);
    expect(paths(check({ ...logistics, startDate: '2026-09-01' }))).toEqual(['tradeCode']);
    expect(check({ ...logistics, startDate: '2026-09-01', exceptional: true }).route).toBe('exceptional');
    expect(paths(check({ ...logistics, startDate: '2026-09-01', exceptional: true }))).toEqual([]);
  });

  it('closes the exceptional route on 31 July', () => {
    const watchmaker = { tradeCode: 'DAP-HORLOGER', exceptional: true, foreignSchool: { organisationId: 'lycee-thionville', programme: 'CAP Horlogerie' } };
    expect(paths(check(watchmaker, { submittedOn: '2026-07-31' }))).toEqual([]);
    expect(paths(check(watchmaker, { submittedOn: '2026-08-01' }))).toEqual(['exceptional']);
  });

  it('needs an agreement in force on the start date for the school’s region', () => {
    const aachen = { id: 'berufskolleg-aachen', country: 'DE', region: 'Nordrhein-Westfalen' };
    const electrician = { tradeCode: 'DAP-ELECTRICIEN', foreignSchool: { organisationId: 'berufskolleg-aachen', programme: 'Elektroniker' } };
    const result = check(electrician, { school: aachen, employerOrganisationId: 'elektro-weber' });
    expect(result.problems).toEqual([{ path: ['foreignSchool', 'organisationId'], message: 'No cross-border agreement covers Nordrhein-Westfalen on 2026-09-01' }]);
    // Before 2014-12-04 no agreement covered Wallonia yet.
    const arlon = { id: 'ipea-arlon', country: 'BE', region: 'Wallonie' };
    const arlonRequest = { foreignSchool: { organisationId: 'ipea-arlon', programme: 'Boulanger-pâtissier' } };
    expect(paths(check(arlonRequest, { school: arlon }))).toEqual([]);
  });

  it('follows an agreement’s own end date: LU–FR 2017 with Grand Est and DRAAF ended on 31 December 2019', () => {
    const withoutFrance = {
      ...reference,
      agreements: reference.agreements.map((v) => ({ ...v, rows: v.rows.filter((a) => a.code === 'LU-FR-2017') })),
    };
    const old = { startDate: '2019-12-31' };
    const context = { reference: withoutFrance, submittedOn: '2019-06-01' };
    // The school year and trade tables start later; only the agreement matters here.
    const onLastDay = checkEligibility(request(old), { ...context, employerOrganisationId: 'boulangerie-schmit', school: thionville });
    const dayAfter = checkEligibility(request({ startDate: '2020-01-01' }), { ...context, employerOrganisationId: 'boulangerie-schmit', school: thionville });
    const agreementProblem = (r: typeof onLastDay) => r.problems.some((p) => p.message.startsWith('No cross-border agreement'));
    expect(agreementProblem(onLastDay)).toBe(false);
    expect(agreementProblem(dayAfter)).toBe(true);
  });

  it('needs the school to offer the trade, and the employer the right to train for it on the start date', () => {
    expect(paths(check({ tradeCode: 'DAP-ELECTRICIEN' }))).toEqual(['tradeCode', 'foreignSchool/organisationId']);
    // Elektro Weber's right to train technicians ended on 31 August 2026.
    const technician = { tradeCode: 'DT-ELECTROTECHNIQUE', durationMonths: 48, foreignSchool: { organisationId: 'bbs-trier', programme: 'Techniker' } };
    const trier = { id: 'bbs-trier', country: 'DE', region: 'Rheinland-Pfalz' };
    expect(paths(check({ ...technician, startDate: '2026-08-31' }, { school: trier, employerOrganisationId: 'elektro-weber', submittedOn: '2025-10-01' }))).toEqual([]);
    expect(paths(check({ ...technician, startDate: '2026-09-01' }, { school: trier, employerOrganisationId: 'elektro-weber' }))).toEqual(['tradeCode']);
  });

  it('needs at least the first year’s minimum allowance: the minimum itself passes, a cent less does not', () => {
    const minimum = check().minimumFirstYearCents!;
    // DAP not passed: 80.00 € at index 100 × 992.24 points.
    expect(minimum).toBe(79_379);
    expect(paths(check({ proposedMonthlyAllowanceCents: minimum }))).toEqual([]);
    expect(paths(check({ proposedMonthlyAllowanceCents: minimum - 1 }))).toEqual(['proposedMonthlyAllowanceCents']);
  });

  it('keeps the duration within the trade’s rules', () => {
    expect(paths(check({ durationMonths: 48 }))).toEqual([]);
    expect(paths(check({ durationMonths: 49 }))).toEqual(['durationMonths']);
    expect(paths(check({ durationMonths: 23 }))).toEqual(['durationMonths']);
  });

  it('checks the country, the rhythm, the general duration and a positive allowance as rules, listed with the others', () => {
    const netherlands = check({ apprentice: { ...request().apprentice, residenceCountry: 'NL' }, proposedMonthlyAllowanceCents: 79_378 }, { employerOrganisationId: 'transports-kayl' });
    expect(paths(netherlands).sort()).toEqual(['apprentice/residenceCountry', 'proposedMonthlyAllowanceCents', 'tradeCode']);
    expect(paths(check({ weeklyRhythm: { schoolDays: 6, companyDays: -1 } })).sort()).toEqual(['weeklyRhythm/companyDays', 'weeklyRhythm/schoolDays']);
    // Outside every apprenticeship's range: said once, not again for the trade.
    expect(check({ durationMonths: 3 }).problems).toEqual([{ path: ['durationMonths'], message: 'An apprenticeship lasts 6 to 60 months' }]);
    expect(check({ proposedMonthlyAllowanceCents: 0 }).problems).toEqual([{ path: ['proposedMonthlyAllowanceCents'], message: 'The allowance must be more than 0' }]);
    expect(paths(check({ proposedMonthlyAllowanceCents: -5, tradeCode: 'NO-SUCH-TRADE' }))).toContain('proposedMonthlyAllowanceCents');
  });

  it('reports every broken rule at once', () => {
    const result = check(
      { apprentice: { ...request().apprentice, birthDate: '2013-01-01' }, tradeCode: 'DAP-ELECTRICIEN', durationMonths: 60, proposedMonthlyAllowanceCents: 100 },
      { school: { id: 'berufskolleg-aachen', country: 'DE', region: 'Nordrhein-Westfalen' } },
    );
    expect(paths(result).sort()).toEqual(
      ['apprentice/birthDate', 'durationMonths', 'foreignSchool/organisationId', 'proposedMonthlyAllowanceCents', 'tradeCode'].sort(),
    );
  });
});
