import { Router } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { valueOr } from '../../api/outcomes.js';
import { parseOr400 } from '../../api/problem.js';
import { caseListQuery } from '../../api/routes/cases.js';
import { listCases, type CaseListQuery } from '../../application/list-cases.js';
import { decodeCursor } from '../../db/keyset-cursor.js';
import { caseStatuses } from '../../domain/parties.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';

/** A form's filter left empty is no filter. */
function withoutEmpty(query: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
}

/**
 * The case list's filters as its form and links send them: the command for listCases, and the
 * filters given (for the next page's link and the CSV export's).
 */
export function caseListFilters(query: Record<string, unknown>): { command: CaseListQuery; filters: Record<string, string> } {
  const { status, trade, country, school, reference, limit, cursor } = parseOr400(caseListQuery, withoutEmpty(query));
  return {
    command: { status, tradeCode: trade, residenceCountry: country, schoolOrganisationId: school, reference, limit, after: cursor === undefined ? undefined : decodeCursor(cursor) },
    filters: Object.fromEntries(Object.entries({ status, trade, country, school, reference }).filter(([, value]) => value !== undefined)) as Record<string, string>,
  };
}

/** The cases the user's organisation sees, newest first, filtered as the API filters them. */
export function caseListRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/cases', async (request, response) => {
    const context = pageContext(response);
    const { t } = context;
    const { command, filters } = caseListFilters(request.query);
    const { status, trade, reference } = filters;
    const cases = valueOr(await listCases(dependencies, context.caller, command));
    const next = cases.nextCursor ? `/cases?${new URLSearchParams({ ...filters, cursor: cases.nextCursor })}` : undefined;
    sendPage(
      response,
      page(
        context,
        t('cases.title'),
        html`<form method="get" action="/cases" class="filters"><label>${t('cases.status')} <select name="status"><option value="">—</option>${caseStatuses.map(
          (value) => html`<option value="${value}" ${value === status && html`selected`}>${t(`status.${value}`)}</option>`,
        )}</select></label>
<label>${t('cases.reference')} <input name="reference" value="${reference ?? ''}" size="10"></label>
<label>${t('cases.trade')} <input name="trade" value="${trade ?? ''}" size="16"></label>
<button type="submit">${t('inbox.filters')}</button></form>
<p><a href="/cases.csv?${new URLSearchParams(filters).toString()}" download>${t('report.exportCsv')}</a></p>
${
  cases.items.length === 0
    ? html`<p>${t('cases.empty')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t('cases.reference')}</th><th scope="col">${t('cases.status')}</th><th scope="col">${t('cases.waitingOn')}</th><th scope="col">${t('cases.trade')}</th><th scope="col">${t('cases.apprentice')}</th><th scope="col">${t('case.employer')}</th><th scope="col">${t('cases.submitted')}</th></tr></thead>
<tbody>${cases.items.map(
        (item) => html`<tr><td><a href="/cases/${item.id}">${item.reference}</a></td><td>${t(`status.${item.status}`)}</td><td>${item.waitingOn.map((party) => t(`party.${party}`, { defaultValue: party })).join(', ')}</td><td>${item.tradeCode}</td><td>${item.apprentice ? `${item.apprentice.givenName} ${item.apprentice.familyName}` : '—'}</td><td>${item.employer.name}</td><td>${item.submittedAt.slice(0, 10)}</td></tr>`,
      )}</tbody></table></div>`
}
${next && html`<p><a href="${next}">${t('inbox.more')}</a></p>`}`,
      ),
    );
  });

  return router;
}
