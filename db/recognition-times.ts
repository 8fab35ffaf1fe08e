import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';

export interface RecognitionTimesFilter {
  /** First and last month of decision, YYYY-MM, on the Luxembourg calendar; inclusive. */
  fromMonth?: string | undefined;
  toMonth?: string | undefined;
  /** Issuing country of the diploma. */
  country?: string | undefined;
}

/** The median and 90th percentile of one duration, in seconds; null where no recognition had it. */
export interface Spread {
  median: number | null;
  p90: number | null;
}

export interface RecognitionTimesRow {
  month: string;
  country: string;
  decided: number;
  /** How many of them waited on the applicant at least once. */
  waitedOnApplicant: number;
  processing: Spread;
  applicantWaiting: Spread;
  examination: Spread & { count: number };
  approval: Spread & { count: number };
}

/**
 * Processing times of decided recognitions, by month of decision (Luxembourg) and issuing country.
 * Each recognition's time in a step is the sum of its stretches there (a request sent back to the
 * applicant is examined again); an open stretch of a decided recognition ends with the decision.
 * The ministry's processing time is the whole span less the applicant's waiting: the ministry's
 * clock stops while documents are missing. A step's figures are over the recognitions that went
 * through it; applicant waiting counts 0 for one that never waited.
 */
export async function recognitionTimes(db: Kysely<Database>, filter: RecognitionTimesFilter): Promise<RecognitionTimesRow[]> {
  const conditions = [sql`r.decided_at is not null`];
  // Bounds as instants, so an index on decided_at would serve them.
  if (filter.fromMonth) conditions.push(sql`r.decided_at >= (${`${filter.fromMonth}-01`}::date)::timestamp at time zone 'Europe/Luxembourg'`);
  if (filter.toMonth) conditions.push(sql`r.decided_at < (${`${filter.toMonth}-01`}::date + interval '1 month')::timestamp at time zone 'Europe/Luxembourg'`);
  if (filter.country) conditions.push(sql`r.diploma_country = ${filter.country}`);

  const stepSeconds = (step: string) =>
    sql`sum(extract(epoch from coalesce(s.ended_at, r.decided_at) - s.started_at)) filter (where s.step = ${step})`;
  const spread = (column: string) => sql.raw(`
    percentile_cont(0.5) within group (order by ${column}) as ${column}_median,
    percentile_cont(0.9) within group (order by ${column}) as ${column}_p90`);

  const { rows } = await sql<Record<string, string | number | null>>`
    with decided as (
      select r.diploma_country as country,
        to_char(r.decided_at at time zone 'Europe/Luxembourg', 'YYYY-MM') as month,
        extract(epoch from r.decided_at - r.requested_at)::float8
          - coalesce(${stepSeconds('applicant')}, 0)::float8 as processing,
        coalesce(${stepSeconds('applicant')}, 0)::float8 as applicant,
        ${stepSeconds('examination')}::float8 as examination,
        ${stepSeconds('approval')}::float8 as approval,
        bool_or(s.step = 'applicant') as waited
      from recognitions r
      left join recognition_steps s on s.recognition_id = r.id
      where ${sql.join(conditions, sql` and `)}
      group by r.id
    )
    select month, country, count(*)::int as decided,
      count(*) filter (where waited)::int as waited_on_applicant,
      count(examination)::int as examination_count,
      count(approval)::int as approval_count,
      ${spread('processing')}, ${spread('applicant')}, ${spread('examination')}, ${spread('approval')}
    from decided
    group by month, country
    order by month, country`.execute(db);

  const spreadOf = (row: Record<string, string | number | null>, column: string): Spread => ({
    median: row[`${column}_median`] as number | null,
    p90: row[`${column}_p90`] as number | null,
  });
  return rows.map((row) => ({
    month: row.month as string,
    country: row.country as string,
    decided: row.decided as number,
    waitedOnApplicant: row.waited_on_applicant as number,
    processing: spreadOf(row, 'processing'),
    applicantWaiting: spreadOf(row, 'applicant'),
    examination: { count: row.examination_count as number, ...spreadOf(row, 'examination') },
    approval: { count: row.approval_count as number, ...spreadOf(row, 'approval') },
  }));
}
