import { sql, type Kysely } from 'kysely';
import type { CaseStatus } from '../domain/parties.js';
import type { Database } from './schema.js';

/** What the Greater Region report counts cases by. */
export const reportDimensions = ['trade', 'residenceCountry', 'schoolCountry', 'chamber'] as const;
export type ReportDimension = (typeof reportDimensions)[number];

export interface ReportCount {
  dimension: ReportDimension;
  /** The trade code, a country code, the chamber's organisation id; null where the case has none. */
  key: string | null;
  /** The chamber's name; null for the other dimensions. */
  name: string | null;
  status: CaseStatus;
  count: number;
}

/**
 * The cases whose contract starts between `from` and `to` (YYYY-MM-DD, inclusive), counted per
 * status by trade, the apprentice's country of residence, the foreign school's country and the
 * chamber the case was routed to (none for a trade that no chamber covers). PostgreSQL groups;
 * only the counts come back. The start date is compared as ISO text, which orders as dates do.
 */
export async function countCasesStartingBetween(db: Kysely<Database>, from: string, to: string): Promise<ReportCount[]> {
  const { rows } = await sql<ReportCount>`
    with starting as (
      select cases.status, cases.trade_code,
        cases.request #>> '{apprentice,residenceCountry}' as residence_country,
        school.country as school_country,
        chamber.id as chamber_id, chamber.name as chamber_name
      from cases
      left join organisations school on school.id = cases.request #>> '{foreignSchool,organisationId}'
      left join organisations chamber on chamber.id = cases.participants ->> 'chamber'
      where cases.request ->> 'startDate' between ${from} and ${to}
    )
    select 'trade' as dimension, trade_code as key, null::text as name, status, count(*)::int as count from starting group by trade_code, status
    union all
    select 'residenceCountry', residence_country, null, status, count(*)::int from starting group by residence_country, status
    union all
    select 'schoolCountry', school_country, null, status, count(*)::int from starting group by school_country, status
    union all
    select 'chamber', chamber_id, chamber_name, status, count(*)::int from starting group by chamber_id, chamber_name, status`.execute(db);
  return rows;
}
