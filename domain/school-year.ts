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

/** A school year as a client writes it: two consecutive years, the first at least 0001. */
export const schoolYear = () =>
  z
    .string()
    .regex(/^\d{4}-\d{4}$/, 'A school year as YYYY-YYYY, such as 2027-2028')
    .refine((year) => Number(year.slice(0, 4)) >= 1 && Number(year.slice(5)) === Number(year.slice(0, 4)) + 1, 'The second year follows the first, such as 2027-2028');

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
