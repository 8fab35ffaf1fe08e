import { previousDay } from './allowance.js';
import { endOfLuxembourgDay, luxembourgDate } from './luxembourg-date.js';

/**
 * When a date of the contract (an anniversary, the end of the trial period) comes, as an
 * instant the workflow can sleep until. In production that is midnight in Luxembourg; with
 * `dayMs` set (demonstrations, tests) a contract's days pass that fast from `origin`, its
 * first day, so a three-year apprenticeship runs in seconds.
 */
export interface ContractCalendar {
  /** The contract's first day, which begins at `originAt` when days are compressed. */
  startDate: string;
  originAt: string;
  dayMs?: number | undefined;
}

const dayMs = 86_400_000;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** The instant (epoch ms) the calendar day `date` begins. */
export function instantOf(calendar: ContractCalendar, date: string): number {
  if (calendar.dayMs !== undefined) return Date.parse(calendar.originAt) + daysBetween(calendar.startDate, date) * calendar.dayMs;
  return Date.parse(endOfLuxembourgDay(previousDay(date))) + 1;
}

export function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
}

/** The instant (epoch ms) the calendar day `date` is over: when the next one begins. */
export function endOf(calendar: ContractCalendar, date: string): number {
  return instantOf(calendar, dayAfter(date));
}

/** The contract's date at an instant: the inverse of `instantOf`, to the day. */
export function dateAt(calendar: ContractCalendar, instant: number): string {
  if (calendar.dayMs === undefined) return luxembourgDate(new Date(instant));
  const days = Math.floor((instant - Date.parse(calendar.originAt)) / calendar.dayMs);
  return new Date(Date.parse(`${calendar.startDate}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}
