import { listCasePage, type CaseListFilter } from '../db/case-list.js';
import type { KeysetCursor } from '../db/keyset-cursor.js';
import type { Caller } from '../domain/caller.js';
import type { CaseSummary } from '../api/responses.js';
import { caseScope } from './access.js';
import { ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { caseSummary } from './views.js';

export type CaseListQuery = Omit<CaseListFilter, 'scope' | 'after'> & { after?: KeysetCursor | undefined };

/** The cases the caller takes part in, newest first, a page at a time. */
export async function listCases({ db, config }: Services, caller: Caller, query: CaseListQuery): Promise<Outcome<{ items: CaseSummary[]; nextCursor: string | null }>> {
  const { rows, nextCursor } = await listCasePage(db, { ...query, scope: caseScope(caller, config) });
  return ok({ items: rows.map(caseSummary), nextCursor });
}
