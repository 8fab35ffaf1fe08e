import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowanceSchedule, minimumAllowance, socialMinimumWageOn, type AllowanceTables } from '../../domain/allowance.js';
import type { AllowanceRule, Qualification, ReferenceVersion, Trade } from '../../domain/reference-data.js';

// ---------------------------------------------------------------------------------------------
// Small tables, built here

type Method = AllowanceRule['method'];
type MidCourse = AllowanceRule['midCourse'];
type Scope = { tradeCode: string } | { qualification: Qualification };

function rule(scope: Scope, year: number, midCourse: MidCourse, method: Method, value: number): AllowanceRule {
  return method === 'index_100'
    ? { ...scope, year, midCourse, method, amountAtIndex100Cents: value }
    : { ...scope, year, midCourse, method, shareBasisPoints: value };
}

function trade(code: string, qualification: Qualification): Trade {
  return {
    code,
    names: { fr: code, de: code, en: code },
    chamberOrganisationId: 'cdm',
    qualification,
    standardDurationYears: 3,
    minDurationMonths: 24,
    maxDurationMonths: 48,
    crossBorderListed: true,
  };
}

const MECA = trade('MECA', 'DAP');
const ELEC = trade('ELEC', 'DAP');
const VEND = trade('VEND', 'CCP');
const TECH = trade('TECH', 'DT');
const trades = [MECA, ELEC, VEND, TECH];

const REF_2025 = 'Règlement grand-ducal du 19 décembre 2024 fixant les indemnités d’apprentissage (sample)';
const REF_2027 = 'Loi du 20 décembre 2026 sur l’apprentissage, art. 5 (sample)';

const rules2025: AllowanceRule[] = [
  // CCP: the year only.
  rule({ qualification: 'CCP' }, 1, 'any', 'index_100', 9_375),
  rule({ qualification: 'CCP' }, 2, 'any', 'index_100', 10_000),
  rule({ qualification: 'CCP' }, 3, 'any', 'index_100', 10_625),
  // DAP / DT: the year and the mid-course project.
  rule({ qualification: 'DAP' }, 1, 'not_passed', 'index_100', 8_647),
  rule({ qualification: 'DAP' }, 2, 'not_passed', 'index_100', 9_000),
  rule({ qualification: 'DAP' }, 3, 'not_passed', 'index_100', 9_300),
  rule({ qualification: 'DAP' }, 1, 'passed', 'index_100', 10_000),
  rule({ qualification: 'DAP' }, 2, 'passed', 'index_100', 12_345),
  rule({ qualification: 'DAP' }, 3, 'passed', 'index_100', 13_579),
  rule({ qualification: 'DT' }, 1, 'not_passed', 'index_100', 9_100),
  rule({ qualification: 'DT' }, 2, 'not_passed', 'index_100', 9_500),
  rule({ qualification: 'DT' }, 3, 'not_passed', 'index_100', 9_900),
  rule({ qualification: 'DT' }, 1, 'passed', 'index_100', 13_000),
  rule({ qualification: 'DT' }, 2, 'passed', 'index_100', 14_000),
  rule({ qualification: 'DT' }, 3, 'passed', 'index_100', 15_000),
  // One trade with its own amount, placed after the qualification rule it overrides.
  rule({ tradeCode: 'ELEC' }, 2, 'not_passed', 'index_100', 9_999),
];

const rules2027: AllowanceRule[] = [
  rule({ qualification: 'CCP' }, 1, 'any', 'social_minimum_wage_share', 3_500),
  rule({ qualification: 'CCP' }, 2, 'any', 'social_minimum_wage_share', 4_000),
  rule({ qualification: 'CCP' }, 3, 'any', 'social_minimum_wage_share', 4_500),
  ...(['DAP', 'DT'] as const).flatMap((q) =>
    [1, 2, 3].flatMap((y) => [
      rule({ qualification: q }, y, 'not_passed', 'social_minimum_wage_share', 4_500),
      rule({ qualification: q }, y, 'passed', 'social_minimum_wage_share', 6_000),
    ]),
  ),
];

function rulesVersion(validFrom: string, validTo: string | null, legalReference: string, rows: AllowanceRule[]): ReferenceVersion<'allowance-rules'> {
  return { table: 'allowance-rules', validFrom, validTo, legalReference, sample: true, rows };
}

const indexVersion: ReferenceVersion<'cost-of-living-index'> = {
  table: 'cost-of-living-index',
  validFrom: '2020-01-01',
  validTo: null,
  legalReference: 'STATEC, indice des prix à la consommation (sample)',
  sample: true,
  rows: [
    { validFrom: '2026-05-01', pointsHundredths: 99_224 },
    { validFrom: '2025-01-01', pointsHundredths: 96_804 },
  ],
};

const smwVersion: ReferenceVersion<'social-minimum-wage'> = {
  table: 'social-minimum-wage',
  validFrom: '2020-01-01',
  validTo: null,
  legalReference: 'Code du travail, art. L. 222-9 (sample)',
  sample: true,
  rows: [
    { validFrom: '2025-01-01', unqualifiedMonthlyCents: 263_779 },
    { validFrom: '2027-07-01', unqualifiedMonthlyCents: 276_543 },
  ],
};

/** The rules of 2025 until `switchDate`, then those of 2027. */
function tablesSwitchingOn(switchDate: string): AllowanceTables {
  return {
    rules: [rulesVersion('2025-01-01', switchDate, REF_2025, rules2025), rulesVersion(switchDate, null, REF_2027, rules2027)],
    index: [indexVersion],
    socialMinimumWage: [smwVersion],
  };
}

const tables = tablesSwitchingOn('2027-01-01');

const cents = (t: Trade, date: string, year: number, midCoursePassed = false) => minimumAllowance(tables, { trade: t, date, year, midCoursePassed })?.cents;

// ---------------------------------------------------------------------------------------------
// Unit tests; expected cents computed by hand (amount × points / 10 000, or SMW × bp / 10 000, half up)

describe('minimumAllowance', () => {
  it('scales the amount at index 100 by the index in force, on both sides of an index change', () => {
    // 8 647 × 96 804 / 10 000 = 83 706.4188 → 83 706; 8 647 × 99 224 / 10 000 = 85 798.9928 → 85 799
    expect(minimumAllowance(tables, { trade: MECA, date: '2026-04-30', year: 1, midCoursePassed: false })).toEqual({
      cents: 83_706,
      method: 'index_100',
      legalReference: REF_2025,
      basis: { amountAtIndex100Cents: 8_647, indexPointsHundredths: 96_804 },
    });
    expect(minimumAllowance(tables, { trade: MECA, date: '2026-05-01', year: 1, midCoursePassed: false })).toEqual({
      cents: 85_799,
      method: 'index_100',
      legalReference: REF_2025,
      basis: { amountAtIndex100Cents: 8_647, indexPointsHundredths: 99_224 },
    });
  });

  it('rounds half up, exactly', () => {
    // 9 375 × 99 224 / 10 000 = 93 022.5 → 93 023 (not 93 022 by truncation or half-even)
    expect(cents(VEND, '2026-05-01', 1)).toBe(93_023);
    // 9 375 × 96 804 / 10 000 = 90 753.75 → 90 754
    expect(cents(VEND, '2026-04-30', 1)).toBe(90_754);
    // 10 625 × 99 224 / 10 000 = 105 425.5 → 105 426
    expect(cents(VEND, '2026-05-01', 3)).toBe(105_426);
  });

  it('switches to a share of the social minimum wage on the day the 2027 rules take effect', () => {
    // The day before: 8 647 × 99 224 / 10 000 → 85 799, by the index method.
    expect(minimumAllowance(tables, { trade: MECA, date: '2026-12-31', year: 1, midCoursePassed: false })).toMatchObject({
      cents: 85_799,
      method: 'index_100',
      legalReference: REF_2025,
    });
    // The day of: 45 % of 263 779 = 118 700.55 → 118 701.
    expect(minimumAllowance(tables, { trade: MECA, date: '2027-01-01', year: 1, midCoursePassed: false })).toEqual({
      cents: 118_701,
      method: 'social_minimum_wage_share',
      legalReference: REF_2027,
      basis: { socialMinimumWageCents: 263_779, shareBasisPoints: 4_500 },
    });
    // After the mid-course project: 10 000 × 99 224 / 10 000 = 99 224 the day before; 60 % of 263 779 = 158 267.4 → 158 267 the day of.
    expect(cents(MECA, '2026-12-31', 1, true)).toBe(99_224);
    expect(cents(MECA, '2027-01-01', 1, true)).toBe(158_267);
    // CCP: 9 375 × 99 224 → 93 023; then 35 % of 263 779 = 92 322.65 → 92 323.
    expect(cents(VEND, '2026-12-31', 1)).toBe(93_023);
    expect(cents(VEND, '2027-01-01', 1)).toBe(92_323);
  });

  it('follows the social minimum wage in force, on both sides of its change', () => {
    // 45 % of 263 779 → 118 701; 45 % of 276 543 = 124 444.35 → 124 444; 60 % of 276 543 = 165 925.8 → 165 926
    expect(cents(TECH, '2027-06-30', 2)).toBe(118_701);
    expect(cents(TECH, '2027-07-01', 2)).toBe(124_444);
    expect(cents(TECH, '2027-07-01', 2, true)).toBe(165_926);
  });

  it('prefers a rule naming the trade over the one naming its qualification', () => {
    // ELEC year 2 not passed: 9 999 × 99 224 / 10 000 = 99 214.0776 → 99 214; MECA (DAP rule): 9 000 × 99 224 → 89 301.6 → 89 302
    expect(minimumAllowance(tables, { trade: ELEC, date: '2026-06-01', year: 2, midCoursePassed: false })).toMatchObject({
      cents: 99_214,
      basis: { amountAtIndex100Cents: 9_999 },
    });
    expect(cents(MECA, '2026-06-01', 2)).toBe(89_302);
    // Where the trade has no rule of its own, its qualification's applies: DAP year 2 passed 12 345 × 99 224 → 122 492.028 → 122 492.
    expect(cents(ELEC, '2026-06-01', 2, true)).toBe(122_492);
    expect(cents(ELEC, '2026-06-01', 1)).toBe(85_799);
    // The 2027 rules name no trade: ELEC gets the DAP share.
    expect(cents(ELEC, '2027-01-01', 2)).toBe(118_701);
    // The order of the rows does not matter.
    const reversed: AllowanceTables = { ...tables, rules: tables.rules.map((v) => ({ ...v, rows: [...v.rows].reverse() })) };
    expect(minimumAllowance(reversed, { trade: ELEC, date: '2026-06-01', year: 2, midCoursePassed: false })?.cents).toBe(99_214);
  });

  it('applies a CCP rule with midCourse `any` whatever the flag, and distinguishes the flag for DAP/DT', () => {
    expect(cents(VEND, '2026-06-01', 2, false)).toBe(99_224); // 10 000 × 99 224 / 10 000
    expect(cents(VEND, '2026-06-01', 2, true)).toBe(99_224);
    expect(cents(TECH, '2026-06-01', 1, false)).toBe(90_294); // 9 100 × 99 224 → 90 293.84
    expect(cents(TECH, '2026-06-01', 1, true)).toBe(128_991); // 13 000 × 99 224 → 128 991.2
  });

  it('returns undefined where no rule, no version or no index/SMW point applies', () => {
    expect(minimumAllowance(tables, { trade: MECA, date: '2026-06-01', year: 4, midCoursePassed: false })).toBeUndefined();
    expect(minimumAllowance(tables, { trade: MECA, date: '2024-12-31', year: 1, midCoursePassed: false })).toBeUndefined();
    expect(minimumAllowance(tables, { trade: trade('ZZZ', 'DAP'), date: '2026-06-01', year: 1, midCoursePassed: false })).toBeDefined();
    const noCcp: AllowanceTables = { ...tables, rules: [rulesVersion('2025-01-01', null, REF_2025, rules2025.filter((r) => r.qualification !== 'CCP'))] };
    expect(minimumAllowance(noCcp, { trade: VEND, date: '2026-06-01', year: 1, midCoursePassed: false })).toBeUndefined();
    const lateIndex: AllowanceTables = { ...tables, index: [{ ...indexVersion, rows: [{ validFrom: '2025-02-01', pointsHundredths: 96_804 }] }] };
    expect(minimumAllowance(lateIndex, { trade: MECA, date: '2025-01-31', year: 1, midCoursePassed: false })).toBeUndefined();
    expect(minimumAllowance(lateIndex, { trade: MECA, date: '2025-02-01', year: 1, midCoursePassed: false })?.cents).toBe(83_706);
    const noSmw: AllowanceTables = { ...tables, socialMinimumWage: [] };
    expect(minimumAllowance(noSmw, { trade: MECA, date: '2027-01-01', year: 1, midCoursePassed: false })).toBeUndefined();
  });

  it('uses the series version in force, then its point in force', () => {
    const revised: AllowanceTables = {
      ...tables,
      index: [
        { ...indexVersion, validTo: '2026-06-01' },
        { ...indexVersion, validFrom: '2026-06-01', rows: [{ validFrom: '2025-01-01', pointsHundredths: 100_000 }] },
      ],
    };
    expect(minimumAllowance(revised, { trade: MECA, date: '2026-05-31', year: 1, midCoursePassed: false })?.cents).toBe(85_799);
    expect(minimumAllowance(revised, { trade: MECA, date: '2026-06-01', year: 1, midCoursePassed: false })?.cents).toBe(86_470);
  });
});

describe('socialMinimumWageOn', () => {
  it('gives the point in force', () => {
    expect(socialMinimumWageOn(tables, '2024-12-31')).toBeUndefined();
    expect(socialMinimumWageOn(tables, '2025-01-01')).toBe(263_779);
    expect(socialMinimumWageOn(tables, '2027-06-30')).toBe(263_779);
    expect(socialMinimumWageOn(tables, '2027-07-01')).toBe(276_543);
  });
});

describe('allowanceSchedule', () => {
  it('steps on each anniversary of a 36-month DAP contract, each year with the tables in force on its first day', () => {
    expect(allowanceSchedule(tables, { trade: MECA, startDate: '2026-09-01', durationMonths: 36, proposedMonthlyCents: 100_000 })).toEqual([
      {
        year: 1,
        from: '2026-09-01',
        to: '2027-08-31',
        minimumCents: 85_799, // 8 647 × 99 224
        minimumIfMidCoursePassedCents: 99_224, // 10 000 × 99 224
        proposedCents: 100_000,
        belowMinimum: false,
        familyAllowanceEligible: true,
        legalReference: REF_2025,
      },
      {
        year: 2,
        from: '2027-09-01',
        to: '2028-08-31',
        minimumCents: 124_444, // 45 % of 276 543
        minimumIfMidCoursePassedCents: 165_926, // 60 % of 276 543
        proposedCents: 100_000,
        belowMinimum: true,
        familyAllowanceEligible: true,
        legalReference: REF_2027,
      },
      {
        year: 3,
        from: '2028-09-01',
        to: '2029-08-31',
        minimumCents: 124_444,
        minimumIfMidCoursePassedCents: 165_926,
        proposedCents: 100_000,
        belowMinimum: true,
        familyAllowanceEligible: true,
        legalReference: REF_2027,
      },
    ]);
  });

  it('changes only the years starting on or after a later table version', () => {
    // With the new method only from 2028-09-01, the first two years keep the index method.
    const later = allowanceSchedule(tablesSwitchingOn('2028-09-01'), { trade: MECA, startDate: '2026-09-01', durationMonths: 36, proposedMonthlyCents: 100_000 });
    expect(later.map((y) => [y.year, y.minimumCents, y.minimumIfMidCoursePassedCents, y.legalReference])).toEqual([
      [1, 85_799, 99_224, REF_2025],
      [2, 89_302, 122_492, REF_2025], // 9 000 and 12 345 × 99 224
      [3, 124_444, 165_926, REF_2027],
    ]);
    // One day later, the third year still started under the old rules.
    const tooLate = allowanceSchedule(tablesSwitchingOn('2028-09-02'), { trade: MECA, startDate: '2026-09-01', durationMonths: 36, proposedMonthlyCents: 100_000 });
    expect(tooLate[2]).toMatchObject({ minimumCents: 92_278, minimumIfMidCoursePassedCents: 134_736, legalReference: REF_2025 }); // 9 300, 13 579 × 99 224
  });

  it('omits the mid-course minimum for CCP, and ends a partial last year the day before the end', () => {
    const schedule = allowanceSchedule(tables, { trade: VEND, startDate: '2026-09-01', durationMonths: 30, proposedMonthlyCents: 93_023 });
    expect(schedule.map((y) => [y.year, y.from, y.to, y.minimumCents, y.belowMinimum])).toEqual([
      [1, '2026-09-01', '2027-08-31', 93_023, false], // exactly the minimum is not below it
      [2, '2027-09-01', '2028-08-31', 110_617, true], // 40 % of 276 543 = 110 617.2
      [3, '2028-09-01', '2029-02-28', 124_444, true],
    ]);
    for (const y of schedule) expect(y).not.toHaveProperty('minimumIfMidCoursePassedCents');
  });

  it('flags family allowance while the proposed allowance is below the social minimum wage in force on the first day of the year', () => {
    const schedule = allowanceSchedule(tables, { trade: MECA, startDate: '2026-09-01', durationMonths: 36, proposedMonthlyCents: 270_000 });
    // 270 000 ≥ 263 779 in 2026; < 276 543 from 2027-07-01.
    expect(schedule.map((y) => [y.familyAllowanceEligible, y.belowMinimum])).toEqual([
      [false, false],
      [true, false],
      [true, false],
    ]);
    const atSmw = allowanceSchedule(tables, { trade: MECA, startDate: '2026-09-01', durationMonths: 12, proposedMonthlyCents: 263_779 });
    expect(atSmw[0]?.familyAllowanceEligible).toBe(false);
    const justBelow = allowanceSchedule(tables, { trade: MECA, startDate: '2026-09-01', durationMonths: 12, proposedMonthlyCents: 263_778 });
    expect(justBelow[0]?.familyAllowanceEligible).toBe(true);
  });

  it('puts the anniversary of 29 February on 28 February in common years, and back on 29 February in leap years', () => {
    const schedule = allowanceSchedule(tables, { trade: VEND, startDate: '2024-02-29', durationMonths: 48, proposedMonthlyCents: 100_000 });
    expect(schedule.map((y) => [y.year, y.from, y.to])).toEqual([
      [1, '2024-02-29', '2025-02-27'],
      [2, '2025-02-28', '2026-02-27'],
      [3, '2026-02-28', '2027-02-27'],
      [4, '2027-02-28', '2028-02-28'],
    ]);
    // Before any rules version, and in a year no rule covers, there is no minimum.
    expect(schedule[0]).toMatchObject({ minimumCents: null, belowMinimum: false, legalReference: null });
    expect(schedule[3]).toMatchObject({ minimumCents: null, belowMinimum: false, legalReference: REF_2027 });
    expect(schedule[1]?.minimumCents).toBe(96_804); // 10 000 × 96 804
  });

  it('ends on the last day of a shorter month', () => {
    expect(allowanceSchedule(tables, { trade: VEND, startDate: '2025-08-31', durationMonths: 18, proposedMonthlyCents: 1 }).map((y) => [y.from, y.to])).toEqual([
      ['2025-08-31', '2026-08-30'],
      ['2026-08-31', '2027-02-27'],
    ]);
  });

  it('rejects a malformed date or duration', () => {
    expect(() => allowanceSchedule(tables, { trade: VEND, startDate: '2025-02-30', durationMonths: 12, proposedMonthlyCents: 1 })).toThrow(RangeError);
    expect(() => allowanceSchedule(tables, { trade: VEND, startDate: '2025-2-3', durationMonths: 12, proposedMonthlyCents: 1 })).toThrow(RangeError);
    expect(() => allowanceSchedule(tables, { trade: VEND, startDate: '2025-02-03', durationMonths: 1.5, proposedMonthlyCents: 1 })).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const DAY = 86_400_000;
const EPOCH = Date.UTC(2024, 0, 1);
const isoDay = (offset: number) => new Date(EPOCH + offset * DAY).toISOString().slice(0, 10);
/** A date from 2024-01-01 to 2030-12-31. */
const dateArb = fc.integer({ min: 0, max: 2_556 }).map(isoDay);
const tradeArb = fc.constantFrom(...trades);
const yearArb = fc.integer({ min: 1, max: 4 });

const sortedTriple = (min: number, max: number) =>
  fc.array(fc.integer({ min, max }), { minLength: 3, maxLength: 3 }).map((a) => [...a].sort((x, y) => x - y));

/**
 * A complete rules table (years 1–3 for every qualification and for ELEC) whose amounts never
 * decrease with the year, and for DAP/DT never decrease when the mid-course project is passed.
 */
function monotoneRulesArb(method: Method): fc.Arbitrary<AllowanceRule[]> {
  const [min, max] = method === 'index_100' ? [1, 5_000_000] : [1, 5_000];
  const scopes: Scope[] = [{ qualification: 'DAP' }, { qualification: 'DT' }, { tradeCode: 'ELEC' }];
  return fc
    .record({
      ccp: sortedTriple(min, max),
      staged: fc.tuple(...scopes.map(() => fc.tuple(sortedTriple(min, max), sortedTriple(0, max)))),
    })
    .map(({ ccp, staged }) => [
      ...ccp.map((v, i) => rule({ qualification: 'CCP' }, i + 1, 'any', method, v)),
      ...staged.flatMap(([notPassed, uplift], s) =>
        notPassed.flatMap((v, i) => [
          rule(scopes[s]!, i + 1, 'not_passed', method, v),
          rule(scopes[s]!, i + 1, 'passed', method, v + uplift[i]!),
        ]),
      ),
    ]);
}

const methodArb = fc.constantFrom<Method>('index_100', 'social_minimum_wage_share');
const seriesDatesArb = fc.uniqueArray(dateArb, { minLength: 1, maxLength: 4 });
const indexArb = fc
  .tuple(seriesDatesArb, fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 4, maxLength: 4 }))
  .map(([dates, points]): ReferenceVersion<'cost-of-living-index'> => ({
    ...indexVersion,
    rows: dates.map((validFrom, i) => ({ validFrom, pointsHundredths: points[i]! })),
  }));
const smwArb = fc
  .tuple(seriesDatesArb, fc.array(fc.integer({ min: 1, max: 100_000_000 }), { minLength: 4, maxLength: 4 }))
  .map(([dates, amounts]): ReferenceVersion<'social-minimum-wage'> => ({
    ...smwVersion,
    rows: dates.map((validFrom, i) => ({ validFrom, unqualifiedMonthlyCents: amounts[i]! })),
  }));

/** Random tables: two rules versions of random methods around a random switch date. */
const tablesArb = fc
  .record({
    switchOn: dateArb,
    first: methodArb.chain(monotoneRulesArb),
    second: methodArb.chain(monotoneRulesArb),
    index: indexArb,
    smw: smwArb,
  })
  .map(({ switchOn, first, second, index, smw }): AllowanceTables => ({
    rules: [rulesVersion('2024-01-01', switchOn, 'first (sample)', first), rulesVersion(switchOn, null, 'second (sample)', second)],
    index: [index],
    socialMinimumWage: [smw],
  }));

describe('properties', () => {
  it('the minimum never decreases with the year, nor when the mid-course project is passed', () => {
    fc.assert(
      fc.property(tablesArb, dateArb, tradeArb, (t, date, tr) => {
        for (const passed of [false, true]) {
          const byYear = [1, 2, 3].map((year) => minimumAllowance(t, { trade: tr, date, year, midCoursePassed: passed }));
          // The tables are complete: either every year has a minimum, or no index/SMW point applies yet.
          const defined = byYear.filter((m) => m !== undefined);
          expect([0, 3]).toContain(defined.length);
          for (let i = 1; i < defined.length; i++) expect(defined[i]!.cents).toBeGreaterThanOrEqual(defined[i - 1]!.cents);
        }
        for (const year of [1, 2, 3]) {
          const notPassed = minimumAllowance(t, { trade: tr, date, year, midCoursePassed: false });
          const passed = minimumAllowance(t, { trade: tr, date, year, midCoursePassed: true });
          expect(passed === undefined).toBe(notPassed === undefined);
          if (passed && notPassed) expect(passed.cents).toBeGreaterThanOrEqual(notPassed.cents);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('a new rules version changes results only on or after the day it takes effect', () => {
    fc.assert(
      fc.property(
        methodArb.chain(monotoneRulesArb),
        fc.integer({ min: 1, max: 2_556 }).map(isoDay),
        dateArb,
        tradeArb,
        yearArb,
        fc.boolean(),
        (newRows, validFrom, date, tr, year, midCoursePassed) => {
          const base: AllowanceTables = { ...tables, rules: [rulesVersion('2024-01-01', null, REF_2025, rules2025)] };
          const newVersion = rulesVersion(validFrom, null, 'new (sample)', newRows);
          const amended: AllowanceTables = { ...tables, rules: [{ ...base.rules[0]!, validTo: validFrom }, newVersion] };
          const newOnly: AllowanceTables = { ...tables, rules: [newVersion] };
          const query = { trade: tr, date, year, midCoursePassed };
          const expected = date < validFrom ? minimumAllowance(base, query) : minimumAllowance(newOnly, query);
          expect(minimumAllowance(amended, query)).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a new rules version changes only the schedule years that start on or after it', () => {
    fc.assert(
      fc.property(
        methodArb.chain(monotoneRulesArb),
        fc.integer({ min: 1, max: 2_556 }).map(isoDay),
        dateArb,
        fc.integer({ min: 6, max: 60 }),
        tradeArb,
        (newRows, validFrom, startDate, durationMonths, tr) => {
          const base: AllowanceTables = { ...tables, rules: [rulesVersion('2024-01-01', null, REF_2025, rules2025)] };
          const amended: AllowanceTables = {
            ...tables,
            rules: [{ ...base.rules[0]!, validTo: validFrom }, rulesVersion(validFrom, null, 'new (sample)', newRows)],
          };
          const query = { trade: tr, startDate, durationMonths, proposedMonthlyCents: 100_000 };
          const before = allowanceSchedule(base, query);
          const after = allowanceSchedule(amended, query);
          expect(after.length).toBe(before.length);
          after.forEach((y, i) => {
            if (y.from < validFrom) expect(y).toEqual(before[i]);
            else expect(y.legalReference).toBe('new (sample)');
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('amounts are safe non-negative integers, the exact product rounded half up', () => {
    fc.assert(
      fc.property(tablesArb, dateArb, tradeArb, yearArb, fc.boolean(), (t, date, tr, year, midCoursePassed) => {
        const m = minimumAllowance(t, { trade: tr, date, year, midCoursePassed });
        if (m === undefined) return;
        expect(Number.isSafeInteger(m.cents)).toBe(true);
        expect(m.cents).toBeGreaterThanOrEqual(0);
        const [a, b] =
          m.method === 'index_100'
            ? [m.basis.amountAtIndex100Cents!, m.basis.indexPointsHundredths!]
            : [m.basis.socialMinimumWageCents!, m.basis.shareBasisPoints!];
        // Half up: product − 5 000 < cents × 10 000 ≤ product + 5 000.
        const diff = BigInt(m.cents) * 10_000n - BigInt(a) * BigInt(b);
        expect(diff > -5_000n && diff <= 5_000n).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('a schedule covers the contract day by day, one year per anniversary', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 60 }), (startDate, durationMonths) => {
        const schedule = allowanceSchedule(tables, { trade: MECA, startDate, durationMonths, proposedMonthlyCents: 1 });
        expect(schedule.length).toBe(Math.ceil(durationMonths / 12));
        expect(schedule[0]?.from).toBe(startDate);
        const start = new Date(`${startDate}T00:00:00Z`);
        schedule.forEach((y, i) => {
          expect(y.year).toBe(i + 1);
          expect(y.from <= y.to).toBe(true);
          const next = schedule[i + 1];
          if (next) expect(Date.parse(next.from) - Date.parse(y.to)).toBe(DAY);
          // Year n starts in the month of the (n-1)th anniversary, on the same day or the month's last day.
          const from = new Date(`${y.from}T00:00:00Z`);
          expect(from.getUTCFullYear()).toBe(start.getUTCFullYear() + i);
          expect(from.getUTCMonth()).toBe(start.getUTCMonth());
          expect(from.getUTCDate()).toBe(Math.min(start.getUTCDate(), new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 0)).getUTCDate()));
        });
        const end = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + durationMonths, 1));
        const lastDay = Math.min(start.getUTCDate(), new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate());
        const endExclusive = Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), lastDay);
        expect(Date.parse(schedule.at(-1)!.to)).toBe(endExclusive - DAY);
      }),
      { numRuns: 200 },
    );
  });
});
