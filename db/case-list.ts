import { sql, type Kysely } from 'kysely';
import type { CaseStatus } from '../domain/parties.js';
import { selectCases, visibleTo, type CaseListRow, type CaseScope } from './case-queries.js';
import { encodeCursor, microsecondInstant, type KeysetCursor } from './keyset-cursor.js';
import type { Database } from './schema.js';

export interface CaseListFilter {
  scope: CaseScope;
  status?: CaseStatus | undefined;
  tradeCode?: string | undefined;
  /** The apprentice's country of residence. */
  residenceCountry?: string | undefined;
  schoolOrganisationId?: string | undefined;
  /** The start of a case reference (the case id's first characters), any case. */
  reference?: string | undefined;
  limit: number;
  after?: KeysetCursor | undefined;
}

/** One page of the cases in a scope, newest first, keyset-paginated on (submitted_at, id). */
export async function listCasePage(db: Kysely<Database>, filter: CaseListFilter): Promise<{ rows: CaseListRow[]; nextCursor: string | null }> {
  let select = selectCases(db)
    .select(sql<string>`${sql.raw(microsecondInstant('cases.submitted_at'))}`.as('position_submitted_at'))
    .where(visibleTo(filter.scope));
  if (filter.status) select = select.where('cases.status', '=', filter.status);
  if (filter.tradeCode) select = select.where('cases.trade_code', '=', filter.tradeCode);
  if (filter.residenceCountry) select = select.where(sql<boolean>`cases.request #>> '{apprentice,residenceCountry}' = ${filter.residenceCountry}`);
  if (filter.schoolOrganisationId) select = select.where(sql<boolean>`cases.request #>> '{foreignSchool,organisationId}' = ${filter.schoolOrganisationId}`);
  if (filter.reference) select = select.where(sql<boolean>`cases.id::text like ${`${filter.reference.toLowerCase()}%`}`);
  if (filter.after) {
    const { at, id } = filter.after;
    // Spelt so the index on (submitted_at, id) bounds the scan; a uuid orders as its text does.
    select = select.where(sql<boolean>`cases.submitted_at <= ${at}::timestamptz and (cases.submitted_at < ${at}::timestamptz or cases.id::text < ${id})`);
  }
  // One more than asked tells whether another page follows.
  const found = await select.orderBy('cases.submitted_at', 'desc').orderBy('cases.id', 'desc').limit(filter.limit + 1).execute();
  const page = found.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = found.length > filter.limit && last ? encodeCursor({ at: last.position_submitted_at, id: last.id }) : null;
  return { rows: page.map(({ position_submitted_at: _position, ...row }) => row), nextCursor };
}
