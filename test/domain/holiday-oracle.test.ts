import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { sampleReferenceData } from '../../db/seeds/reference-data.js';
import type { PublicHoliday } from '../../domain/reference-data.js';
import { publicHolidays } from '../../domain/working-days.js';

/**
 * An independent oracle: the public holidays our reference rules give for Luxembourg,
 * year by year, against the `date-holidays` library's (public holidays only; its Good
 * Friday and Easter Sunday are observances, not jours fériés légaux).
 *
 * Compared as sets of dates: two holidays on one day (Ascension on 1 May in 2008, 2086
 * and 2097; on Europe Day in 2024) make one day without work, listed once by the library
 * and twice by us. Neither has substitute days: a holiday on a Sunday, or twice on one
 * day, gives each employee a compensatory day off to take within three months (Code du
 * travail, art. L.232-3 and L.232-6; law of 8 February 2024), not a public holiday on a
 * fixed date. Europe Day (9 May) counts from 2019 (law of 25 April 2019).
 */
const rules = sampleReferenceData.filter((version) => version.table === 'public-holidays').flatMap((version) => version.rows as PublicHoliday[]);
const oracle = new Holidays('LU');

const ours = (year: number) => [...new Set(publicHolidays(year, rules).map((holiday) => holiday.date))].sort();
const theirs = (year: number) => [...new Set(oracle.getHolidays(year).filter((holiday) => holiday.type === 'public').map((holiday) => holiday.date.slice(0, 10)))].sort();

describe('Luxembourg public holidays against date-holidays', () => {
  it('are the same dates every year from 2000 to 2100', () => {
    const differences: Record<number, { onlyOurs: string[]; onlyTheirs: string[] }> = {};
    for (let year = 2000; year <= 2100; year++) {
      const [a, b] = [ours(year), theirs(year)];
      if (a.join() !== b.join()) differences[year] = { onlyOurs: a.filter((d) => !b.includes(d)), onlyTheirs: b.filter((d) => !a.includes(d)) };
    }
    expect(differences).toEqual({});
  });

  it('agree on the years Europe Day starts and coincides with Ascension', () => {
    expect(ours(2018)).not.toContain('2018-05-09');
    expect(theirs(2018)).not.toContain('2018-05-09');
    expect(ours(2019)).toContain('2019-05-09');
    expect(publicHolidays(2024, rules).filter((holiday) => holiday.date === '2024-05-09')).toHaveLength(2);
    expect(theirs(2024)).toContain('2024-05-09');
  });
});
