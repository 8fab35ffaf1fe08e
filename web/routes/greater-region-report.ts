import { Router, type Request, type Response } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { valueOr } from '../../api/outcomes.js';
import { parseOr400 } from '../../api/problem.js';
import { greaterRegionQuery, sendReportCsv } from '../../api/routes/reports.js';
import { reportSections, viewGreaterRegionReport, type GreaterRegionReport, type ReportRow } from '../../application/greater-region-report.js';
import { requestOutcomes } from '../../domain/request-outcome.js';
import { schoolYearOf } from '../../domain/school-year.js';
import { barChart } from '../bar-chart.js';
import { html } from '../html.js';
import { page, type PageContext } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';

type Section = keyof typeof reportSections;

/** The school years offered: the five before this one to the two after it, and the one shown. */
function schoolYearChoices(shown: string, now: Date): string[] {
  const current = Number(schoolYearOf(now).slice(0, 4));
  const years = Array.from({ length: 8 }, (_, i) => `${current - 5 + i}-${current - 4 + i}`);
  return years.includes(shown) ? years : [...years, shown].sort();
}

function rowLabel({ t }: PageContext, section: Section, row: ReportRow): string {
  if (section === 'byChamber') return row.name ?? t('report.noChamber');
  if (section === 'byTrade') return row.name ? `${row.name} (${row.key})` : (row.key ?? t('report.none'));
  return row.key ?? t('report.none');
}

function sectionFigure(context: PageContext, report: GreaterRegionReport, section: Section) {
  const { t } = context;
  const title = t(`report.${section}`);
  const rows = report[section];
  return html`<section data-section="${section}"><h2>${title}</h2>
${barChart(t('report.chart', { title }), rows.map((row) => ({ label: rowLabel(context, section, row), value: row.total })))}
<div class="table-wrap"><table><thead><tr><th scope="col">${t('report.group')}</th><th scope="col" class="count">${t('report.total')}</th>${requestOutcomes.map((outcome) => html`<th scope="col" class="count">${t(`status.${outcome}`)}</th>`)}</tr></thead>
<tbody>${rows.map(
    (row) => html`<tr data-key="${row.key ?? ''}"><th scope="row">${rowLabel(context, section, row)}</th><td class="count">${row.total}</td>${requestOutcomes.map((outcome) => html`<td class="count">${row.outcomes[outcome]}</td>`)}</tr>`,
  )}</tbody></table></div></section>`;
}

function reportPage(context: PageContext, report: GreaterRegionReport, now: Date) {
  const { t } = context;
  const query = `schoolYear=${encodeURIComponent(report.schoolYear)}`;
  return html`<form method="get" action="/reports/greater-region" class="filters"><label>${t('report.schoolYear')} <select name="schoolYear">${schoolYearChoices(report.schoolYear, now).map(
    (year) => html`<option value="${year}" ${year === report.schoolYear && html`selected`}>${year}</option>`,
  )}</select></label> <button type="submit">${t('report.show')}</button></form>
<p data-field="total">${t('report.period', { from: report.from, to: report.to, count: report.total })}</p>
<p><a href="/reports/greater-region.csv?${query}" download>${t('report.csv')}</a> · <a href="/reports/greater-region.json?${query}" download>${t('report.json')}</a></p>
${
  report.total === 0
    ? html`<p>${t('report.empty')}</p>`
    : html`<section data-section="byOutcome"><h2>${t('report.byOutcome')}</h2>
${barChart(t('report.chart', { title: t('report.byOutcome') }), requestOutcomes.map((outcome) => ({ label: t(`status.${outcome}`), value: report.outcomes[outcome] })))}
<div class="table-wrap"><table><tbody>${requestOutcomes.map((outcome) => html`<tr data-key="${outcome}"><th scope="row">${t(`status.${outcome}`)}</th><td class="count">${report.outcomes[outcome]}</td></tr>`)}</tbody></table></div></section>
${(Object.keys(reportSections) as Section[]).map((section) => sectionFigure(context, report, section))}`
}`;
}

/**
 * The Greater Region report for the ministry, in the browser: the page with its charts, and the
 * same report as CSV and JSON downloads (the API's need a bearer token, these the session).
 */
export function greaterRegionReportRoutes(dependencies: ApiDependencies): Router {
  const router = Router();
  const reportFor = async (request: Request, response: Response, now: Date) => {
    const { schoolYear } = parseOr400(greaterRegionQuery, { schoolYear: schoolYearOf(now), ...request.query });
    return valueOr(await viewGreaterRegionReport(dependencies, pageContext(response).caller, schoolYear));
  };

  router.get('/reports/greater-region', async (request, response) => {
    const context = pageContext(response);
    const now = new Date();
    const report = await reportFor(request, response, now);
    sendPage(response, page(context, context.t('report.title', { schoolYear: report.schoolYear }), reportPage(context, report, now)));
  });

  router.get('/reports/greater-region.csv', async (request, response) => {
    sendReportCsv(response, await reportFor(request, response, new Date()));
  });

  router.get('/reports/greater-region.json', async (request, response) => {
    const report = await reportFor(request, response, new Date());
    response.set({ 'Cache-Control': 'no-store', 'Content-Disposition': `attachment; filename="greater-region-${report.schoolYear}.json"` }).json(report);
  });

  return router;
}
