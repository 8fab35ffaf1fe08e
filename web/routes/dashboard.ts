import { Router } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { valueOr } from '../../api/outcomes.js';
import { viewDashboard, type Dashboard } from '../../application/view-dashboard.js';
import type { CaseCount } from '../../db/dashboard.js';
import { barChart } from '../bar-chart.js';
import { html } from '../html.js';
import { page, type PageContext } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';

/** Counts of cases by one dimension: a bar chart and the table of its numbers. */
function caseCounts({ t }: PageContext, name: string, title: string, column: string, counts: CaseCount[], label: (key: string | null) => string) {
  return html`<section data-figure="${name}"><h3>${title}</h3>
${counts.length === 0 ? html`<p>${t('dashboard.noCases')}</p>` : barChart(t('report.chart', { title }), counts.map((count) => ({ label: label(count.key), value: count.count })))}
<table><thead><tr><th scope="col">${column}</th><th scope="col" class="count">${t('dashboard.count')}</th></tr></thead>
<tbody>${counts.map((count) => html`<tr data-key="${count.key ?? ''}"><th scope="row">${label(count.key)}</th><td class="count">${count.count}</td></tr>`)}</tbody></table></section>`;
}

function waitingSection({ t }: PageContext, dashboard: Dashboard) {
  return html`<section data-figure="waiting"><h2>${t('dashboard.waiting')}</h2>
${
  dashboard.waiting.length === 0
    ? html`<p>${t('dashboard.nothingWaiting')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t('dashboard.organisation')}</th><th scope="col">${t('dashboard.kind')}</th><th scope="col" class="count">${t('dashboard.open')}</th><th scope="col" class="count">${t('dashboard.overdue')}</th></tr></thead>
<tbody>${dashboard.waiting.map(
        (row) =>
          html`<tr data-organisation="${row.organisationId}" data-kind="${row.kind}"><td>${row.organisationName}</td><td>${t(`kind.${row.kind}`)}</td><td class="count">${row.open}</td><td class="count">${row.overdue > 0 ? html`<strong class="overdue">${row.overdue}</strong>` : row.overdue}</td></tr>`,
      )}</tbody></table></div>`
}</section>`;
}

function overdueSection({ t }: PageContext, dashboard: Dashboard) {
  const title = t('dashboard.overdueTitle');
  return html`<section data-figure="overdue"><h2>${title}</h2><p>${t('dashboard.overdueOn', { date: dashboard.on })}</p>
${
  dashboard.overdue.length === 0
    ? html`<p>${t('dashboard.noneOverdue')}</p>`
    : html`${barChart(t('report.chart', { title }), dashboard.overdue.map((row) => ({ label: row.organisationName, value: row.overdue })))}
<table><thead><tr><th scope="col">${t('dashboard.organisation')}</th><th scope="col" class="count">${t('dashboard.overdue')}</th></tr></thead>
<tbody>${dashboard.overdue.map((row) => html`<tr data-organisation="${row.organisationId}"><th scope="row">${row.organisationName}</th><td class="count">${row.overdue}</td></tr>`)}</tbody></table>`
}</section>`;
}

function processingTimesSection({ t }: PageContext, times: NonNullable<Dashboard['processingTimes']>) {
  const days = (value: number | null) => (value === null ? '—' : value.toFixed(1));
  return html`<section data-figure="processing-times"><h2>${t('dashboard.processingTimes')}</h2>
${
  times.items.length === 0
    ? html`<p>${t('dashboard.noRecognitions')}</p>`
    : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t('dashboard.month')}</th><th scope="col">${t('dashboard.country')}</th><th scope="col" class="count">${t('dashboard.decided')}</th><th scope="col" class="count">${t('dashboard.median')}</th><th scope="col" class="count">${t('dashboard.p90')}</th></tr></thead>
<tbody>${times.items.map((item) => html`<tr><td>${item.month}</td><td>${item.country}</td><td class="count">${item.decided}</td><td class="count">${days(item.processing.median)}</td><td class="count">${days(item.processing.p90)}</td></tr>`)}</tbody></table></div>`
}</section>`;
}

/** The ministry's dashboard: what waits on whom, what is late, the cases by trade, country and status. */
export function dashboardRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/dashboard', async (_request, response) => {
    const context = pageContext(response);
    const { t } = context;
    const dashboard = valueOr(await viewDashboard(dependencies, context.caller));
    const { byTrade, byResidenceCountry, byStatus } = dashboard.cases;
    const orNone = (key: string | null) => key ?? t('report.none');
    sendPage(
      response,
      page(
        context,
        t('dashboard.title'),
        html`<p><a href="/reports/greater-region">${t('report.nav')}</a></p>
${waitingSection(context, dashboard)}
${overdueSection(context, dashboard)}
<h2>${t('dashboard.cases')}</h2>
<div class="figures">
${caseCounts(context, 'cases-by-trade', t('dashboard.byTrade'), t('cases.trade'), byTrade, orNone)}
${caseCounts(context, 'cases-by-country', t('dashboard.byCountry'), t('dashboard.country'), byResidenceCountry, orNone)}
${caseCounts(context, 'cases-by-status', t('dashboard.byStatus'), t('cases.status'), byStatus, (key) => (key ? t(`status.${key}`) : t('report.none')))}
</div>
${dashboard.processingTimes && processingTimesSection(context, dashboard.processingTimes)}`,
      ),
    );
  });

  return router;
}
