import { describe, expect, it } from 'vitest';
import type { AllowanceTables } from '../../domain/allowance.js';
import { allowancePeriods, belowMinimumFrom, firstDifference } from '../../domain/allowance-periods.js';
import type { ReferenceVersion, Trade } from '../../domain/reference-data.js';

const trade: Trade = {
  code: 'MECA',
  names: { fr: 'MECA', de: 'MECA', en: 'MECA' },
  chamberOrganisationId: 'cdm',
  qualification: 'DAP',
  standardDurationYears: 3,
  minDurationMonths: 24,
  maxDurationMonths: 48,
  crossBorderListed: true,
};

function version<T extends 'allowance-rules' | 'cost-of-living-index' | 'social-minimum-wage'>(table: T, validFrom: string, validTo: string | null, rows: ReferenceVersion<T>['rows']): ReferenceVersion<T> {
  return { table, validFrom, validTo, legalReference: `${table} ${validFrom}`, sample: true, rows };
}

const shares = (notPassed: number, passed: number) =>
  [1, 2, 3].flatMap((year) => [
    { qualification: 'DAP' as const, year, midCourse: 'not_passed' as const, method: 'social_minimum_wage_share' as const, shareBasisPoints: notPassed },
    { qualification: 'DAP' as const, year, midCourse: 'passed' as const, method: 'social_minimum_wage_share' as const, shareBasisPoints: passed },
  ]);

const tables: AllowanceTables = {
  rules: [version('allowance-rules', '2020-01-01', null, shares(4_000, 5_000))],
  index: [],
  socialMinimumWage: [version('social-minimum-wage', '2020-01-01', null, [{ validFrom: '2020-01-01', unqualifiedMonthlyCents: 300_000 }])],
};
const query = { trade, startDate: '2027-09-01', durationMonths: 36, paidCents: 130_000 };

describe('allowancePeriods', () => {
  it('is one period a year while nothing changes within one', () => {
    expect(allowancePeriods(tables, query).map((p) => [p.year, p.from, p.to, p.minimumCents])).toEqual([
      [1, '2027-09-01', '2028-08-31', 120_000],
      [2, '2028-09-01', '2029-08-31', 120_000],
      [3, '2029-09-01', '2030-08-31', 120_000],
    ]);
  });

  it('cuts the year at the mid-course pass and at a new minimum wage, naming the table versions', () => {
    const raised: AllowanceTables = {
      ...tables,
      socialMinimumWage: [
        version('social-minimum-wage', '2020-01-01', '2029-01-01', [{ validFrom: '2020-01-01', unqualifiedMonthlyCents: 300_000 }]),
        version('social-minimum-wage', '2029-01-01', null, [{ validFrom: '2029-01-01', unqualifiedMonthlyCents: 400_000 }]),
      ],
    };
    const periods = allowancePeriods(raised, { ...query, midCoursePassedOn: '2028-03-15' });
    expect(periods.map((p) => [p.year, p.from, p.to, p.minimumCents, p.midCoursePassed, p.belowMinimum, p.tables.socialMinimumWage])).toEqual([
      [1, '2027-09-01', '2028-03-14', 120_000, false, false, '2020-01-01'],
      [1, '2028-03-15', '2028-08-31', 150_000, true, true, '2020-01-01'],
      [2, '2028-09-01', '2028-12-31', 150_000, true, true, '2020-01-01'],
      [2, '2029-01-01', '2029-08-31', 200_000, true, true, '2029-01-01'],
      [3, '2029-09-01', '2030-08-31', 200_000, true, true, '2029-01-01'],
    ]);
    expect(periods[0]!.legalReference).toBe('allowance-rules 2020-01-01');

    const before = allowancePeriods(tables, { ...query, midCoursePassedOn: '2028-03-15' });
    expect(firstDifference(before, periods)).toBe('2029-01-01');
    expect(firstDifference(periods, periods)).toBeUndefined();
    expect(belowMinimumFrom(periods, '2029-01-01').map((p) => p.from)).toEqual(['2029-01-01', '2029-09-01']);
  });

  it('sees no difference in a new table version with the same numbers', () => {
    const same: AllowanceTables = {
      ...tables,
      rules: [version('allowance-rules', '2020-01-01', '2028-01-01', shares(4_000, 5_000)), version('allowance-rules', '2028-01-01', null, shares(4_000, 5_000))],
    };
    expect(firstDifference(allowancePeriods(tables, query), allowancePeriods(same, query))).toBeUndefined();
  });

  it('follows a last day moved by an agreed change: a longer contract gets a further year with its minimum, a shorter one nothing past its end', () => {
    const twoYears = { ...query, durationMonths: 24 };
    const before = allowancePeriods(tables, twoYears);
    const longer = allowancePeriods(tables, { ...twoYears, endDate: '2029-11-29' });
    expect(longer.map((p) => [p.year, p.from, p.to, p.minimumCents])).toEqual([
      [1, '2027-09-01', '2028-08-31', 120_000],
      [2, '2028-09-01', '2029-08-31', 120_000],
      [3, '2029-09-01', '2029-11-29', 120_000],
    ]);
    expect(firstDifference(before, longer)).toBe('2029-09-01');

    const shorter = allowancePeriods(tables, { ...twoYears, endDate: '2029-06-30' });
    expect(shorter.map((p) => [p.year, p.from, p.to])).toEqual([
      [1, '2027-09-01', '2028-08-31'],
      [2, '2028-09-01', '2029-06-30'],
    ]);
    expect(firstDifference(before, shorter)).toBe('2029-07-01');
    // A last day before the second year's first: no second year.
    expect(allowancePeriods(tables, { ...twoYears, endDate: '2028-05-31' }).map((p) => [p.year, p.to])).toEqual([[1, '2028-05-31']]);
  });

  it('differs from the old end on when the contract is extended', () => {
    expect(firstDifference(allowancePeriods(tables, query), allowancePeriods(tables, { ...query, durationMonths: 48 }))).toBe('2030-09-01');
  });
});
