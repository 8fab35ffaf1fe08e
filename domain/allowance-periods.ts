import { addMonths, allowanceSchedule, minimumAllowance, previousDay, type AllowanceTables } from './allowance.js';
import { addDays } from './contract-changes.js';
import { versionInForce, type Trade } from './reference-data.js';

/**
 * A contract's allowance as stored: each training year cut into periods wherever its minimum
 * changes (a new table, index point or social minimum wage, the mid-course project passed),
 * each with the paid amount and the table versions and legal reference its minimum comes from.
 * Pure, like `allowance.ts`: the workflow's activity stores what this computes.
 */
export interface AllowancePeriod {
  year: number;
  from: string;
  /** Inclusive. */
  to: string;
  /** null where no rule (or no index or minimum wage point) applies. */
  minimumCents: number | null;
  paidCents: number;
  belowMinimum: boolean;
  midCoursePassed: boolean;
  legalReference: string | null;
  /** The `validFrom` of each table version in force on `from`: which versions the minimum comes from. */
  tables: { allowanceRules: string | null; costOfLivingIndex: string | null; socialMinimumWage: string | null };
}

export interface AllowancePeriodsQuery {
  trade: Trade;
  startDate: string;
  durationMonths: number;
  /** The contract's last day where an agreed change or an extension moved it; by default the day before `startDate` + `durationMonths`. */
  endDate?: string | undefined;
  paidCents: number;
  /** Agreed changes of the allowance paid, each from its date on (domain/contract-changes.ts). */
  paidFrom?: readonly { from: string; cents: number }[] | undefined;
  /** From this date on the mid-course integrated project counts as passed. */
  midCoursePassedOn?: string | null | undefined;
}

/** Every date within the contract on which some table may change the minimum. */
function tableDates(tables: AllowanceTables): string[] {
  const series = [...tables.rules, ...tables.index, ...tables.socialMinimumWage];
  const rows = [...tables.index, ...tables.socialMinimumWage].flatMap((version) => version.rows.map((row) => row.validFrom));
  return [...series.map((version) => version.validFrom), ...rows];
}

export function allowancePeriods(tables: AllowanceTables, query: AllowancePeriodsQuery): AllowancePeriod[] {
  const { trade, startDate, durationMonths, paidCents: paidAtStart, paidFrom = [], midCoursePassedOn } = query;
  const paidOn = (date: string) => [...paidFrom].sort((a, b) => a.from.localeCompare(b.from)).filter((change) => change.from <= date).at(-1)?.cents ?? paidAtStart;
  const lastDay = query.endDate ?? previousDay(addMonths(startDate, durationMonths));
  // Every training year that begins by the last day, the last one ending on it (a later day gives a further year).
  let count = 0;
  while (addMonths(startDate, count * 12) <= lastDay) count++;
  const years = allowanceSchedule(tables, { trade, startDate, durationMonths: count * 12, proposedMonthlyCents: paidAtStart }).map((year) => (year.year === count ? { ...year, to: lastDay } : year));
  const cuts = [...tableDates(tables), ...(midCoursePassedOn ? [midCoursePassedOn] : []), ...paidFrom.map((change) => change.from)];
  const periods: AllowancePeriod[] = [];
  for (const year of years) {
    const starts = [...new Set([year.from, ...cuts.filter((date) => date > year.from && date <= year.to)])].sort();
    starts.forEach((from, i) => {
      const midCoursePassed = midCoursePassedOn != null && midCoursePassedOn <= from;
      const minimum = minimumAllowance(tables, { trade, date: from, year: year.year, midCoursePassed });
      const paidCents = paidOn(from);
      const period: AllowancePeriod = {
        year: year.year,
        from,
        to: i + 1 < starts.length ? previousDay(starts[i + 1]!) : year.to,
        minimumCents: minimum?.cents ?? null,
        paidCents,
        belowMinimum: minimum !== undefined && paidCents < minimum.cents,
        midCoursePassed,
        legalReference: minimum?.legalReference ?? versionInForce(tables.rules, from)?.legalReference ?? null,
        tables: {
          allowanceRules: versionInForce(tables.rules, from)?.validFrom ?? null,
          costOfLivingIndex: versionInForce(tables.index, from)?.validFrom ?? null,
          socialMinimumWage: versionInForce(tables.socialMinimumWage, from)?.validFrom ?? null,
        },
      };
      const last = periods.at(-1);
      // A cut where nothing changed (an index point repeating the last one) is no period of its own.
      if (last && last.year === period.year && sameTerms(last, period)) last.to = period.to;
      else periods.push(period);
    });
  }
  return periods;
}

function sameTerms(a: AllowancePeriod, b: AllowancePeriod): boolean {
  return a.minimumCents === b.minimumCents && a.paidCents === b.paidCents && a.midCoursePassed === b.midCoursePassed && a.legalReference === b.legalReference && JSON.stringify(a.tables) === JSON.stringify(b.tables);
}

/** The minimum on `date` according to `periods`; undefined outside them. */
function minimumOn(periods: readonly AllowancePeriod[], date: string): number | null | undefined {
  return periods.find((p) => p.from <= date && date <= p.to)?.minimumCents;
}

/**
 * The first date on which two schedules give a different minimum or paid amount; undefined
 * where they agree throughout (a new table version with the same numbers changes nothing).
 * The day after each period counts too: a shortened contract differs from its new end on.
 */
export function firstDifference(before: readonly AllowancePeriod[], after: readonly AllowancePeriod[]): string | undefined {
  const dates = [...new Set([...before, ...after].flatMap((p) => [p.from, addDays(p.to, 1)]))].sort();
  const paidOn = (periods: readonly AllowancePeriod[], date: string) => periods.find((p) => p.from <= date && date <= p.to)?.paidCents;
  return dates.find((date) => minimumOn(before, date) !== minimumOn(after, date) || paidOn(before, date) !== paidOn(after, date));
}

/** The periods, from `date` on, in which the paid amount is below the minimum. */
export function belowMinimumFrom(periods: readonly AllowancePeriod[], date: string): AllowancePeriod[] {
  return periods.filter((p) => p.to >= date && p.belowMinimum);
}
