import { rowInForce, type PublicHoliday } from './reference-data.js';

/**
 * Working days for deadlines: Monday to Friday, less the public holidays in force.
 *
 * Dates are calendar dates as ISO `YYYY-MM-DD` strings. Arithmetic is done on day
 * numbers (days since 1970-01-01) through UTC, so no time zone or clock is involved:
 * the same inputs give the same answer anywhere, including inside a Temporal workflow.
 */

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date; a RangeError for anything that is not a real calendar date. */
function dayNumber(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
    // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
    const day0 = new Date(0).setUTCFullYear(year, month - 1, day) / MS_PER_DAY;
    // Date rolls 2026-02-30 over to 2026-03-02; the round trip rejects it.
    if (isoDate(day0) === date) return day0;
  }
  throw new RangeError(`not a calendar date in YYYY-MM-DD form: ${JSON.stringify(date)}`);
}

function isoDate(dayNo: number): string {
  const d = new Date(dayNo * MS_PER_DAY);
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`date outside years 0000–9999 (day ${dayNo})`);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 0 || year > 9999) {
    throw new RangeError(`year must be an integer from 0 to 9999, got ${year}`);
  }
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The date a holiday rule falls on in `year`, or undefined if that day does not exist that year (29 February). */
function holidayDate(rule: PublicHoliday, year: number, easter: string): string | undefined {
  if (rule.easterOffsetDays !== undefined) return isoDate(dayNumber(easter) + rule.easterOffsetDays);
  const date = `${String(year).padStart(4, '0')}-${String(rule.month).padStart(2, '0')}-${String(rule.day).padStart(2, '0')}`;
  try {
    return isoDate(dayNumber(date));
  } catch {
    return undefined;
  }
}

/**
 * The public holidays of `year`: each rule's date that year, kept only if the rule is in
 * force on that very date (so a holiday created mid-year counts from its first occurrence).
 * Sorted by date; two holidays on the same day (Ascension on 1 May) are both listed.
 */
export function publicHolidays(year: number, rules: readonly PublicHoliday[]): { date: string; name: string }[] {
  const easter = easterSunday(year);
  const holidays: { date: string; name: string }[] = [];
  for (const rule of rules) {
    const date = holidayDate(rule, year, easter);
    if (date !== undefined && rowInForce(rule, date)) holidays.push({ date, name: rule.name });
  }
  return holidays.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/** Counting working days against one set of holiday rules. */
export class WorkingDayCalendar {
  private readonly rules: readonly PublicHoliday[];
  private readonly holidaysByYear = new Map<number, ReadonlySet<string>>();

  constructor(rules: readonly PublicHoliday[]) {
    this.rules = [...rules];
  }

  /** Monday to Friday and not a public holiday. */
  isWorkingDay(date: string): boolean {
    return this.isWorkingDayNumber(dayNumber(date));
  }

  /**
   * The date `n` working days after `date`; `date` itself never counts, so the result
   * for n ≥ 1 is always later than `date`.
   * n = 0 means "the first working day from `date` on": `date` itself if it is a working
   * day, else the next working day (a deadline that falls on a holiday moves forward).
   */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`the number of working days must be a non-negative integer, got ${n}`);
    let day = dayNumber(date);
    if (n === 0) {
      while (!this.isWorkingDayNumber(day)) day++;
      return isoDate(day);
    }
    for (let left = n; left > 0; ) {
      day++;
      if (this.isWorkingDayNumber(day)) left--;
    }
    return isoDate(day);
  }

  /** The number of working days d with from < d ≤ to (the days elapsed since `from`); 0 if to ≤ from. */
  workingDaysBetween(from: string, to: string): number {
    const first = dayNumber(from);
    const last = dayNumber(to);
    let count = 0;
    for (let day = first + 1; day <= last; day++) {
      if (this.isWorkingDayNumber(day)) count++;
    }
    return count;
  }

  private isWorkingDayNumber(dayNo: number): boolean {
    const date = new Date(dayNo * MS_PER_DAY);
    const weekday = date.getUTCDay(); // 0 Sunday … 6 Saturday
    if (weekday === 0 || weekday === 6) return false;
    return !this.holidaysOf(date.getUTCFullYear()).has(isoDate(dayNo));
  }

  private holidaysOf(year: number): ReadonlySet<string> {
    let holidays = this.holidaysByYear.get(year);
    if (holidays === undefined) {
      holidays = new Set(publicHolidays(year, this.rules).map((h) => h.date));
      this.holidaysByYear.set(year, holidays);
    }
    return holidays;
  }
}
