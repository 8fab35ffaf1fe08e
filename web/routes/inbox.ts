import { Router } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { valueOr } from '../../api/outcomes.js';
import { parseOr400 } from '../../api/problem.js';
import type { TaskSummary } from '../../api/responses.js';
import { taskAssignmentBody, taskListQuery } from '../../api/routes/task-queue.js';
import { assignTask, claimTask, unclaimTask } from '../../application/task-assignment.js';
import { listTasks } from '../../application/view-task.js';
import { decodeCursor } from '../../db/keyset-cursor.js';
import { organisationUsers } from '../../db/organisations.js';
import { taskScopes } from '../../db/task-queue.js';
import { caseReference } from '../../domain/case-reference.js';
import { luxembourgDate } from '../../domain/luxembourg-date.js';
import { html } from '../html.js';
import { page, type PageContext } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';
import { localPath } from '../session.js';

/** Past its due time, or (without one) due before today in Luxembourg: as the dashboard counts it. */
export function overdue(task: TaskSummary, now: Date): boolean {
  if (task.status !== 'open') return false;
  if (task.dueAt) return new Date(task.dueAt) < now;
  return task.dueOn !== null && task.dueOn < luxembourgDate(now);
}

function taskRow(context: PageContext, task: TaskSummary, back: string, colleagues: { id: string; name: string }[] | undefined, now: Date) {
  const { t, caller } = context;
  const mine = task.assignee?.id === caller.userId;
  const action = (verb: 'claim' | 'unclaim', label: string) =>
    html`<form method="post" action="/tasks/${encodeURIComponent(task.id)}/${verb}" class="inline"><input type="hidden" name="back" value="${back}"><button type="submit">${label}</button></form>`;
  return html`<tr>
<td><a href="/cases/${task.caseId}">${caseReference(task.caseId)}</a></td>
<td><a href="/tasks/${encodeURIComponent(task.id)}">${t(`kind.${task.kind}`)}</a></td>
<td>${task.dueOn ?? '—'}${overdue(task, now) && html` <strong class="overdue">${t('inbox.overdue')}</strong>`}</td>
<td>${task.assignee ? (task.assignee.name ?? task.assignee.id) : html`<span class="muted">${t('inbox.nobody')}</span>`}</td>
<td>${task.status === 'open' && html`${task.assignee === null && action('claim', t('inbox.claim'))}${(mine || (task.assignee !== null && colleagues)) && action('unclaim', t('inbox.unclaim'))}${colleagues && html`
<form method="post" action="/tasks/${encodeURIComponent(task.id)}/assign" class="inline"><input type="hidden" name="back" value="${back}"><label>${t('inbox.assign')} <select name="userId">${colleagues.map(
  (user) => html`<option value="${user.id}" ${user.id === task.assignee?.id && html`selected`}>${user.name}</option>`,
)}</select></label> <button type="submit">${t('inbox.assign')}</button></form>`}`}</td>
</tr>`;
}

/** The organisation's inbox: its tasks with case, kind, due date and holder; claim, unclaim, assign. */
export function inboxRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/inbox', async (request, response) => {
    const context = pageContext(response);
    const { t, caller, me } = context;
    const { cursor, ...query } = parseOr400(taskListQuery, request.query);
    const tasks = valueOr(await listTasks(dependencies, caller, { ...query, after: cursor === undefined ? undefined : decodeCursor(cursor) }));
    const supervisor = me.roles.includes('supervisor');
    const colleagues = supervisor ? await organisationUsers(dependencies.db, caller.organisationId) : undefined;
    const back = request.originalUrl;
    const now = new Date();
    const filterLink = (scope: (typeof taskScopes)[number]) =>
      html`<a href="/inbox?scope=${scope}" ${scope === query.scope && html`aria-current="page"`}>${t(`inbox.${scope}`)}</a>`;
    const next = tasks.nextCursor ? `/inbox?${new URLSearchParams({ scope: query.scope, cursor: tasks.nextCursor })}` : undefined;
    // The export reads the same filters, every page of them.
    const exported = new URLSearchParams(Object.entries(query).flatMap(([name, value]) => (value === undefined || name === 'limit' ? [] : [[name, String(value)]])));
    sendPage(
      response,
      page(
        context,
        t('inbox.title', { organisation: me.organisation.name }),
        html`<nav class="filters" aria-label="${t('inbox.filters')}">${t('inbox.filters')}: ${taskScopes.map(filterLink)}</nav>
<p><a href="/inbox.csv?${exported.toString()}" download>${t('report.exportCsv')}</a></p>
${
  tasks.items.length === 0
    ? html`<p>${t('inbox.empty')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t('inbox.case')}</th><th scope="col">${t('inbox.kind')}</th><th scope="col">${t('inbox.due')}</th><th scope="col">${t('inbox.assignee')}</th><th scope="col">${t('inbox.actions')}</th></tr></thead>
<tbody>${tasks.items.map((task) => taskRow(context, task, back, colleagues, now))}</tbody></table></div>`
}
${next && html`<p><a href="${next}">${t('inbox.more')}</a></p>`}`,
      ),
    );
  });

  router.post('/tasks/:id/claim', async (request, response) => {
    valueOr(await claimTask(dependencies, pageContext(response).caller, request.params.id));
    response.redirect(303, localPath(request.body?.back));
  });

  router.post('/tasks/:id/unclaim', async (request, response) => {
    valueOr(await unclaimTask(dependencies, pageContext(response).caller, request.params.id));
    response.redirect(303, localPath(request.body?.back));
  });

  router.post('/tasks/:id/assign', async (request, response) => {
    const { userId } = parseOr400(taskAssignmentBody, { userId: request.body?.userId });
    valueOr(await assignTask(dependencies, pageContext(response).caller, { taskId: request.params.id, userId }));
    response.redirect(303, localPath(request.body?.back));
  });

  return router;
}
