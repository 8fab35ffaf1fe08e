import type { AllowanceRule, ReferenceData, ReferenceVersion, Trade } from './reference-data.js';
import { versionInForce } from './validity.js';

/**
 * The minimum monthly apprenticeship allowance and the wage schedule of a contract.
 *
 * Pure and deterministic: no I/O, no clock, no Node built-ins (so it also runs inside Temporal
 * workflows). The numbers come from the versioned reference tables; the code holds only the two
 * legal methods:
 * - `index_100`: an amount at index 100 × the cost-of-living index in force / 100;
 * - `social_minimum_wage_share`: a share of the unqualified social minimum wage in force.
 *
 * Amounts are exact integer cents, rounded half up, computed in BigInt (no floating point).
 * Dates are `YYYY-MM-DD` strings, handled as calendar dates (UTC, no time zone).
 */

export interface AllowanceTables {
  rules: ReferenceVersion<'allowance-rules'>[];
  index: ReferenceVersion<'cost-of-living-index'>[];
  socialMinimumWage: ReferenceVersion<'social-minimum-wage'>[];
}

/** The three tables the minimum allowance is computed from. */
export function allowanceTablesFrom(reference: ReferenceData): AllowanceTables {
  return { rules: reference['allowance-rules'], index: reference['cost-of-living-index'], socialMinimumWage: reference['social-minimum-wage'] };
}

export type AllowanceMethod = AllowanceRule['method'];

export interface MinimumAllowance {
  cents: number;
  method: AllowanceMethod;
  /** The legal reference of the rules version used. */
  legalReference: string;
  /** The inputs of the computation, to show how the amount was obtained. */
  basis: {
    indexPointsHundredths?: number;
    socialMinimumWageCents?: number;
    amountAtIndex100Cents?: number;
    shareBasisPoints?: number;
  };
}

export interface MinimumAllowanceQuery {
  trade: Trade;
  date: string;
  /** Year of apprenticeship, from 1. */
  year: number;
  midCoursePassed: boolean;
}

export interface AllowanceYear {
  year: number;
  from: string;
  /** Inclusive. */
  to: string;
  /** The minimum while the mid-course project is not passed; null where no rule (or no index/SMW point) applies. */
  minimumCents: number | null;
  /** The minimum once the mid-course project is passed; only where it differs (DAP/DT). */
  minimumIfMidCoursePassedCents?: number;
  proposedCents: number;
  /** The proposed allowance is below `minimumCents` (false where no minimum is known). */
  belowMinimum: boolean;
  /** The proposed allowance is below the unqualified social minimum wage in force on `from` (false where none is known). */
  familyAllowanceEligible: boolean;
  /** The legal reference of the rules version in force on `from`; null where none is. */
  legalReference: string | null;
}

export interface ScheduleQuery {
  trade: Trade;
  startDate: string;
  durationMonths: number;
  proposedMonthlyCents: number;
}

// ---------------------------------------------------------------------------------------------
// Series and rules

/** The point of an effective-dated series in force on `date`: the latest `validFrom` ≤ `date`. */
function pointInForce<P extends { validFrom: string }>(points: readonly P[], date: string): P | undefined {
  let best: P | undefined;
  for (const p of points) {
    if (p.validFrom <= date && (best === undefined || p.validFrom > best.validFrom)) best = p;
  }
  return best;
}

function indexOn(tables: AllowanceTables, date: string): number | undefined {
  const version = versionInForce(tables.index, date);
  return version && pointInForce(version.rows, date)?.pointsHundredths;
}

/** The unqualified social minimum wage (monthly cents) in force on `date`. */
export function socialMinimumWageOn(tables: AllowanceTables, date: string): number | undefined {
  const version = versionInForce(tables.socialMinimumWage, date);
  return version && pointInForce(version.rows, date)?.unqualifiedMonthlyCents;
}

/**
 * The rule applying to a trade, year and mid-course state among the rows of one version.
 * Specificity: a rule naming the trade code beats one naming its qualification; then a rule for
 * the exact mid-course state beats an `any` rule. Among equally specific rules (which the data
 * should not contain) the first in row order wins, so the choice stays deterministic.
 */
function selectRule(rows: readonly AllowanceRule[], trade: Trade, year: number, midCoursePassed: boolean): AllowanceRule | undefined {
  const state = midCoursePassed ? 'passed' : 'not_passed';
  let best: AllowanceRule | undefined;
  let bestScore = -1;
  for (const rule of rows) {
    if (rule.year !== year) continue;
    if (rule.midCourse !== 'any' && rule.midCourse !== state) continue;
    let score: number;
    if (rule.tradeCode !== undefined) {
      if (rule.tradeCode !== trade.code) continue;
      score = 2;
    } else if (rule.qualification !== undefined && rule.qualification === trade.qualification) {
      score = 1;
    } else {
      continue;
    }
    score = score * 2 + (rule.midCourse === 'any' ? 0 : 1);
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

const TEN_THOUSAND = 10_000n;

/** `a × b / 10 000`, rounded half up, for non-negative safe integers; exact (BigInt). */
export function mulDiv10000HalfUp(a: number, b: number): number {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || a < 0 || b < 0) {
    throw new RangeError(`expected non-negative safe integers, got ${a} and ${b}`);
  }
  const product = BigInt(a) * BigInt(b);
  const rounded = (product + TEN_THOUSAND / 2n) / TEN_THOUSAND;
  const result = Number(rounded);
  if (!Number.isSafeInteger(result)) throw new RangeError(`amount out of range: ${rounded}`);
  return result;
}

/** The minimum monthly allowance on `date`; undefined where no rule, index or SMW point applies. */
export function minimumAllowance(tables: AllowanceTables, query: MinimumAllowanceQuery): MinimumAllowance | undefined {
  const { trade, date, year, midCoursePassed } = query;
  const version = versionInForce(tables.rules, date);
  if (!version) return undefined;
  const rule = selectRule(version.rows, trade, year, midCoursePassed);
  if (!rule) return undefined;
  const legalReference = version.legalReference;
  switch (rule.method) {
    case 'index_100': {
      const points = indexOn(tables, date);
      if (points === undefined) return undefined;
      return {
        cents: mulDiv10000HalfUp(rule.amountAtIndex100Cents, points),
        method: rule.method,
        legalReference,
        basis: { amountAtIndex100Cents: rule.amountAtIndex100Cents, indexPointsHundredths: points },
      };
    }
    case 'social_minimum_wage_share': {
      const smw = socialMinimumWageOn(tables, date);
      if (smw === undefined) return undefined;
      return {
        cents: mulDiv10000HalfUp(smw, rule.shareBasisPoints),
        method: rule.method,
        legalReference,
        basis: { socialMinimumWageCents: smw, shareBasisPoints: rule.shareBasisPoints },
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar dates (YYYY-MM-DD), without Date: plain integer arithmetic

interface Ymd {
  y: number;
  m: number; // 1..12
  d: number;
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function parseDate(date: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m)) throw new RangeError(`not a calendar date: ${date}`);
  return ymd;
}

function formatDate({ y, m, d }: Ymd): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * `date` + `months` calendar months. Where the target month has no such day (29 February in a
 * common year, the 31st of a 30-day month) the result is the last day of that month, as for
 * time limits expressed in months (European Convention on the Calculation of Time-Limits, art. 4).
 * So the anniversary of a contract starting on 29 February is 28 February in common years (and
 * 29 February again in leap years: every anniversary is computed from the start date, never
 * from the previous anniversary).
 */
export function addMonths(date: string, months: number): string {
  const { y, m, d } = parseDate(date);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12 + 1;
  return formatDate({ y: ty, m: tm, d: Math.min(d, daysInMonth(ty, tm)) });
}

/** The day before `date`. */
export function previousDay(date: string): string {
  const { y, m, d } = parseDate(date);
  if (d > 1) return formatDate({ y, m, d: d - 1 });
  if (m > 1) return formatDate({ y, m: m - 1, d: daysInMonth(y, m - 1) });
  return formatDate({ y: y - 1, m: 12, d: 31 });
}

// ---------------------------------------------------------------------------------------------
// Schedule

/**
 * The wage schedule of a contract: one entry per year of apprenticeship, year n running from the
 * (n-1)th anniversary of `startDate` to the day before the nth anniversary, the last year ending
 * the day before `startDate + durationMonths`. Each year's minimum uses the tables in force on
 * that year's `from` date, so a table version taking effect later changes only the years that
 * start on or after it.
 */
export function allowanceSchedule(tables: AllowanceTables, query: ScheduleQuery): AllowanceYear[] {
  const { trade, startDate, durationMonths, proposedMonthlyCents } = query;
  if (!Number.isSafeInteger(durationMonths) || durationMonths < 0) throw new RangeError(`invalid duration: ${durationMonths}`);
  parseDate(startDate);
  const end = addMonths(startDate, durationMonths); // exclusive
  const years: AllowanceYear[] = [];
  for (let year = 1; (year - 1) * 12 < durationMonths; year++) {
    const from = addMonths(startDate, (year - 1) * 12);
    const next = year * 12 < durationMonths ? addMonths(startDate, year * 12) : end;
    const notPassed = minimumAllowance(tables, { trade, date: from, year, midCoursePassed: false });
    const passed = minimumAllowance(tables, { trade, date: from, year, midCoursePassed: true });
    const smw = socialMinimumWageOn(tables, from);
    const minimumCents = notPassed?.cents ?? null;
    const entry: AllowanceYear = {
      year,
      from,
      to: previousDay(next),
      minimumCents,
      proposedCents: proposedMonthlyCents,
      belowMinimum: minimumCents !== null && proposedMonthlyCents < minimumCents,
      familyAllowanceEligible: smw !== undefined && proposedMonthlyCents < smw,
      legalReference: versionInForce(tables.rules, from)?.legalReference ?? null,
    };
    if (passed !== undefined && passed.cents !== minimumCents) entry.minimumIfMidCoursePassedCents = passed.cents;
    years.push(entry);
  }
  return years;
}
