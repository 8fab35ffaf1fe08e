import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { luxembourgPublicHolidays } from '../../db/seeds/public-holidays.js';
import { publicHolidaySchema } from '../../domain/reference-data.js';
import { easterSunday, publicHolidays, WorkingDayCalendar } from '../../domain/working-days.js';

const calendar = new WorkingDayCalendar(luxembourgPublicHolidays);

describe('Easter Sunday', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2038, '2038-04-25'], // the latest possible date
    [2285, '2285-03-22'], // the earliest possible date
  ])('falls in %i on %s', (year, date) => {
    expect(easterSunday(year)).toBe(date);
  });

  it('refuses a year that is not a whole number', () => {
    expect(() => easterSunday(2026.5)).toThrow(RangeError);
  });
});

describe("Luxembourg's public holidays", () => {
  it('are valid reference rows', () => {
    for (const row of luxembourgPublicHolidays) expect(publicHolidaySchema.safeParse(row).success, row.name).toBe(true);
  });

  it('in 2026, sorted by date', () => {
    expect(publicHolidays(2026, luxembourgPublicHolidays)).toEqual([
      { date: '2026-01-01', name: "New Year's Day" },
      { date: '2026-04-06', name: 'Easter Monday' },
      { date: '2026-05-01', name: 'Labour Day' },
      { date: '2026-05-09', name: 'Europe Day' },
      { date: '2026-05-14', name: 'Ascension Day' },
      { date: '2026-05-25', name: 'Whit Monday' },
      { date: '2026-06-23', name: 'National Day' },
      { date: '2026-08-15', name: 'Assumption' },
      { date: '2026-11-01', name: "All Saints' Day" },
      { date: '2026-12-25', name: 'Christmas Day' },
      { date: '2026-12-26', name: "St Stephen's Day" },
    ]);
  });

  it('come out sorted by date whatever the order of the rules', () => {
    const dates = publicHolidays(2026, [...luxembourgPublicHolidays].reverse()).map((h) => h.date);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toHaveLength(11);
  });

  it('lists both holidays when two fall on the same day (2024: Ascension on Europe Day)', () => {
    const may9 = publicHolidays(2024, luxembourgPublicHolidays).filter((h) => h.date === '2024-05-09');
    expect(may9.map((h) => h.name).sort()).toEqual(['Ascension Day', 'Europe Day']);
  });

  it('count Europe Day only from 2019 (law of 25 April 2019)', () => {
    expect(publicHolidays(2018, luxembourgPublicHolidays).map((h) => h.name)).not.toContain('Europe Day');
    expect(publicHolidays(2019, luxembourgPublicHolidays)).toContainEqual({ date: '2019-05-09', name: 'Europe Day' });
    expect(publicHolidays(2026, luxembourgPublicHolidays)).toContainEqual({ date: '2026-05-09', name: 'Europe Day' });
    expect(calendar.isWorkingDay('2018-05-09')).toBe(true); // a Wednesday, before the law
    expect(calendar.isWorkingDay('2025-05-09')).toBe(false); // a Friday, after it
  });

  it('skip a fixed day that does not exist that year', () => {
    const leapDay = [{ name: 'Leap Day', month: 2, day: 29, validFrom: '1900-01-01', validTo: null }];
    expect(publicHolidays(2024, leapDay)).toEqual([{ date: '2024-02-29', name: 'Leap Day' }]);
    expect(publicHolidays(2026, leapDay)).toEqual([]);
  });
});

describe('working days', () => {
  it('are Monday to Friday, less public holidays', () => {
    expect(calendar.isWorkingDay('2026-06-22')).toBe(true); // Monday
    expect(calendar.isWorkingDay('2026-06-23')).toBe(false); // Tuesday, National Day
    expect(calendar.isWorkingDay('2026-06-27')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-06-28')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-04-03')).toBe(true); // Good Friday is not a holiday in Luxembourg
  });

  it('skip Easter Monday, Ascension and Whit Monday', () => {
    expect(calendar.addWorkingDays('2026-04-03', 1)).toBe('2026-04-07'); // Fri → over the weekend and Easter Monday
    expect(calendar.addWorkingDays('2026-05-13', 1)).toBe('2026-05-15'); // Wed → over Ascension Thursday
    expect(calendar.addWorkingDays('2026-05-22', 1)).toBe('2026-05-26'); // Fri → over the weekend and Whit Monday
    expect(calendar.addWorkingDays('2026-06-22', 1)).toBe('2026-06-24'); // Mon → over National Day
  });

  it('for n = 0, give the date itself if it is a working day, else the next one', () => {
    expect(calendar.addWorkingDays('2026-04-07', 0)).toBe('2026-04-07');
    expect(calendar.addWorkingDays('2026-04-04', 0)).toBe('2026-04-07'); // Saturday → over Sunday and Easter Monday
  });

  it('carry a deadline over Christmas and New Year (2026)', () => {
    // From Friday 18 Dec 2026: 21, 22, 23, 24 Dec (4); 25 Dec holiday, 26–27 weekend;
    // 28, 29, 30, 31 Dec (8); 1 Jan holiday, 2–3 weekend; 4 Jan (9), Tuesday 5 Jan 2027 (10).
    expect(calendar.addWorkingDays('2026-12-18', 10)).toBe('2027-01-05');
    expect(calendar.workingDaysBetween('2026-12-18', '2027-01-05')).toBe(10);
    expect(calendar.workingDaysBetween('2026-12-24', '2026-12-28')).toBe(1); // only the 28th
  });

  it("skip St Stephen's Day when it falls on a weekday (2025)", () => {
    // From Friday 19 Dec 2025: 22, 23, 24 Dec (3); 25–26 Dec holidays (Thu–Fri), 27–28 weekend;
    // 29, 30, 31 Dec (6); 1 Jan holiday; 2 Jan (7); 3–4 weekend; 5, 6 (9), Wednesday 7 Jan 2026 (10).
    expect(calendar.addWorkingDays('2025-12-19', 10)).toBe('2026-01-07');
    expect(calendar.workingDaysBetween('2025-12-19', '2026-01-07')).toBe(10);
  });

  it('between: count the end but not the start, and 0 when the end is not later', () => {
    expect(calendar.workingDaysBetween('2026-06-22', '2026-06-24')).toBe(1); // 23rd is National Day
    expect(calendar.workingDaysBetween('2026-06-24', '2026-06-25')).toBe(1);
    expect(calendar.workingDaysBetween('2026-06-24', '2026-06-24')).toBe(0);
    expect(calendar.workingDaysBetween('2026-06-25', '2026-06-24')).toBe(0);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-6-1', '26-06-01', '2026-06-01T00:00:00Z', '', 'tomorrow'])(
    'refuse the malformed date %j',
    (bad) => {
      expect(() => calendar.isWorkingDay(bad)).toThrow(/not a calendar date/);
      expect(() => calendar.addWorkingDays(bad, 1)).toThrow(RangeError);
      expect(() => calendar.workingDaysBetween(bad, '2026-06-01')).toThrow(RangeError);
      expect(() => calendar.workingDaysBetween('2026-06-01', bad)).toThrow(RangeError);
    },
  );

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuse %s working days', (n) => {
    expect(() => calendar.addWorkingDays('2026-06-01', n)).toThrow(/non-negative integer/);
  });
});

describe('working days (properties)', () => {
  const DAY = 86_400_000;
  const anyDate = fc
    .integer({ min: 0, max: 365 * 100 })
    .map((i) => new Date(Date.UTC(2000, 0, 1) + i * DAY).toISOString().slice(0, 10));
  const anyWorkingDay = anyDate.filter((d) => calendar.isWorkingDay(d));
  const count = fc.integer({ min: 0, max: 300 });
  const runs = { numRuns: 200 };

  it('n ≥ 1 working days after any date is a working day, later than it', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 300 }), (d, n) => {
        const due = calendar.addWorkingDays(d, n);
        return calendar.isWorkingDay(due) && due > d;
      }),
      runs,
    );
  });

  it('counting back from n working days after a working day gives n', () => {
    fc.assert(
      fc.property(anyWorkingDay, count, (d, n) => calendar.workingDaysBetween(d, calendar.addWorkingDays(d, n)) === n),
      runs,
    );
  });

  it('more working days never give an earlier date, and from a working day always a later one', () => {
    fc.assert(
      fc.property(anyDate, count, count, (d, a, b) => {
        const [m, n] = a <= b ? [a, b] : [b, a];
        return calendar.addWorkingDays(d, m) <= calendar.addWorkingDays(d, n);
      }),
      runs,
    );
    fc.assert(
      fc.property(anyWorkingDay, count, count, (d, a, b) => {
        fc.pre(a !== b);
        const [m, n] = a < b ? [a, b] : [b, a];
        return calendar.addWorkingDays(d, m) < calendar.addWorkingDays(d, n);
      }),
      runs,
    );
  });
});
