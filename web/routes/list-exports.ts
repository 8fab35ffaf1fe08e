import { Router } from 'express';
import { sendCsvPages, type CsvCell } from '../../api/csv.js';
import type { ApiDependencies } from '../../api/dependencies.js';
import { valueOr } from '../../api/outcomes.js';
import { parseOr400 } from '../../api/problem.js';
import { taskListQuery } from '../../api/routes/task-queue.js';
import type { Outcome } from '../../application/outcome.js';
import { listCases } from '../../application/list-cases.js';
import { listTasks } from '../../application/view-task.js';
import { decodeCursor, type KeysetCursor } from '../../db/keyset-cursor.js';
import { caseReference } from '../../domain/case-reference.js';
import { luxembourgDate } from '../../domain/luxembourg-date.js';
import { pageContext } from '../pages.js';
import { caseListFilters } from './case-list.js';
import { overdue } from './inbox.js';

/** An export reads its list in pages of the largest size the list allows. */
const exportPageSize = 200;

/** The rows of every page of a list, from the first: what the list's pages show one after the other. */
async function* everyRow<T>(readPage: (after: KeysetCursor | undefined) => Promise<Outcome<{ items: T[]; nextCursor: string | null }>>, row: (item: T) => CsvCell[]): AsyncGenerator<CsvCell[][]> {
  let after: KeysetCursor | undefined;
  for (;;) {
    const page = valueOr(await readPage(after));
    yield page.items.map(row);
    after = page.nextCursor === null ? undefined : decodeCursor(page.nextCursor);
    if (!after) return;
  }
}

/**
 * The inbox and the case list as CSV files (`/inbox.csv?scope=…`, `/cases.csv?status=…`): the
 * same filters, the same application functions and so the same access as the pages, every page
 * of them, in the user's language.
 */
export function listExportRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/inbox.csv', async (request, response) => {
    const { t, caller } = pageContext(response);
    const { cursor: _cursor, ...query } = parseOr400(taskListQuery, request.query);
    const now = new Date();
    const header = [t('inbox.case'), t('inbox.kind'), t('cases.status'), t('inbox.due'), t('inbox.overdue'), t('inbox.assignee')];
    await sendCsvPages(
      response,
      `inbox-${luxembourgDate(now)}.csv`,
      header,
      everyRow(
        (after) => listTasks(dependencies, caller, { ...query, limit: exportPageSize, after }),
        (task) => [caseReference(task.caseId), t(`kind.${task.kind}`), t(`status.${task.status}`), task.dueOn, overdue(task, now) ? t('inbox.overdue') : null, task.assignee && (task.assignee.name ?? task.assignee.id)],
      ),
    );
  });

  router.get('/cases.csv', async (request, response) => {
    const { t, caller } = pageContext(response);
    const { command } = caseListFilters(request.query);
    const header = [t('cases.reference'), t('cases.status'), t('cases.waitingOn'), t('cases.trade'), t('cases.apprentice'), t('case.employer'), t('cases.submitted')];
    await sendCsvPages(
      response,
      `cases-${luxembourgDate(new Date())}.csv`,
      header,
      everyRow(
        (after) => listCases(dependencies, caller, { ...command, limit: exportPageSize, after }),
        (item) => [
          item.reference,
          t(`status.${item.status}`),
          item.waitingOn.map((party) => t(`party.${party}`, { defaultValue: party })).join(', '),
          item.tradeCode,
          item.apprentice && `${item.apprentice.givenName} ${item.apprentice.familyName}`,
          item.employer.name,
          item.submittedAt.slice(0, 10),
        ],
      ),
    );
  });

  return router;
}
