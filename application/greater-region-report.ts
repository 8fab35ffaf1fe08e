import { countCasesStartingBetween, type ReportDimension } from '../db/greater-region-report.js';
import { referenceVersions } from '../db/reference-store.js';
import type { Caller } from '../domain/caller.js';
import { noOutcomes, outcomeOf, requestOutcomes, type OutcomeCounts } from '../domain/request-outcome.js';
import { schoolYearDates, type SchoolYearDates } from '../domain/school-year.js';
import { versionInForce } from '../domain/validity.js';
import { mayReadReports } from './access.js';
import { forbidden, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/** One trade, country or chamber: how many cases, and where they stand. */
export interface ReportRow {
  key: string | null;
  /** The trade's name in the caller's language, or the chamber's; null for a country. */
  name: string | null;
  total: number;
  outcomes: OutcomeCounts;
}

export interface GreaterRegionReport extends SchoolYearDates {
  total: number;
  outcomes: OutcomeCounts;
  byTrade: ReportRow[];
  byResidenceCountry: ReportRow[];
  bySchoolCountry: ReportRow[];
  byChamber: ReportRow[];
}

/** The report's sections, in the order it shows them. */
export const reportSections = { byTrade: 'trade', byResidenceCountry: 'residenceCountry', bySchoolCountry: 'schoolCountry', byChamber: 'chamber' } as const satisfies Record<string, ReportDimension>;

/**
 * The ministry's yearly report to the Summit of the Greater Region: the cases whose contract
 * starts in a school year (a validated `2027-2028`), by trade, country of residence, school
 * country and chamber, each with its outcomes.
 */
export async function viewGreaterRegionReport({ db, config }: Services, caller: Caller, schoolYear: string): Promise<Outcome<GreaterRegionReport>> {
  if (!mayReadReports(caller, config)) return forbidden('Only the ministry reads the Greater Region report');
  const dates = schoolYearDates(schoolYear);
  const [counts, trades] = await Promise.all([countCasesStartingBetween(db, dates.from, dates.to), referenceVersions(db, 'trades')]);
  const tradeNames = new Map((versionInForce(trades, dates.from)?.rows ?? []).map((trade) => [trade.code, trade.names[caller.language]]));

  const sections = new Map<ReportDimension, Map<string | null, ReportRow>>();
  for (const { dimension, key, name, status, count } of counts) {
    const rows = sections.get(dimension) ?? sections.set(dimension, new Map()).get(dimension)!;
    const row = rows.get(key) ?? rows.set(key, { key, name: dimension === 'trade' ? (key && tradeNames.get(key)) || null : name, total: 0, outcomes: noOutcomes() }).get(key)!;
    row.total += count;
    row.outcomes[outcomeOf[status]] += count;
  }
  const section = (dimension: ReportDimension) =>
    [...(sections.get(dimension)?.values() ?? [])].sort((a, b) => b.total - a.total || (a.key ?? '').localeCompare(b.key ?? ''));

  // Every case has one trade: the trades add up to the whole.
  const byTrade = section('trade');
  const outcomes = noOutcomes();
  for (const row of byTrade) for (const outcome of requestOutcomes) outcomes[outcome] += row.outcomes[outcome];
  return ok({
    ...dates,
    total: byTrade.reduce((sum, row) => sum + row.total, 0),
    outcomes,
    byTrade,
    byResidenceCountry: section('residenceCountry'),
    bySchoolCountry: section('schoolCountry'),
    byChamber: section('chamber'),
  });
}
