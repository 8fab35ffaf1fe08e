import { z } from 'zod';
import { luxembourgDate } from './luxembourg-date.js';

/**
 * A school year, as the Greater Region's partners report on it: 1 September to 31 August,
 * written `2027-2028`.
 */
export interface SchoolYearDates {
  schoolYear: string;
  /** 1 September, YYYY-MM-DD. */
  from: string;
  /** 31 August of the next year, YYYY-MM-DD (inclusive). */
  to: string;
}

/** Whether `text` is a school year: two consecutive years, `YYYY-YYYY`, the first at least 0001. */
export function isSchoolYear(text: string): boolean {
  const match = /^(\d{4})-(\d{4})$/.exec(text);
  return match !== null && Number(match[1]) >= 1 && Number(match[2]) === Number(match[1]) + 1;
}

/** A school year as a client writes it: one problem, whatever is wrong with it. */
export const schoolYear = () => z.string().refine(isSchoolYear, 'A school year as two consecutive years, YYYY-YYYY, such as 2027-2028');

export function schoolYearDates(schoolYear: string): SchoolYearDates {
  const first = Number(schoolYear.slice(0, 4));
  const year = (n: number) => String(n).padStart(4, '0');
  return { schoolYear, from: `${year(first)}-09-01`, to: `${year(first + 1)}-08-31` };
}

/** The school year a day falls in (a Luxembourg day, for an instant). */
export function schoolYearOf(day: Date | string): string {
  const date = typeof day === 'string' ? day : luxembourgDate(day);
  const year = Number(date.slice(0, 4));
  const first = date.slice(5) >= '09-01' ? year : year - 1;
  return `${String(first).padStart(4, '0')}-${String(first + 1).padStart(4, '0')}`;
}
