import { Router } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { problemFor, valueOr } from '../../api/outcomes.js';
import { notFound } from '../../application/outcome.js';
import { downloadContract } from '../../application/view-contract.js';
import type { CaseDetail, CaseDocument, HistoryEvent, TaskSummary } from '../../api/responses.js';
import { sendFile } from '../../api/routes/documents.js';
import { downloadDocument, listDocuments } from '../../application/case-documents.js';
import { viewCase } from '../../application/view-case.js';
import { viewHistory } from '../../application/view-history.js';
import { mayActAsEmployer } from '../../application/access.js';
import { noErrors, textArea } from '../forms.js';
import { html, type Html } from '../html.js';
import { page, type PageContext } from '../layout.js';
import { euros } from '../money.js';
import { pageContext, sendPage } from '../pages.js';
import { requestFacts } from '../request-form.js';
import { withheld } from '../../domain/personal-data.js';

function answerOf(context: PageContext, task: TaskSummary): Html {
  const { t } = context;
  if (!task.answer) return html`<span class="muted">${task.status === 'open' ? t('case.notAnswered') : t(`status.${task.status}`)}</span>`;
  return html`<strong>${t(`outcome.${task.answer.outcome}`, { defaultValue: task.answer.outcome })}</strong>${task.answer.reasons && html`<br>${task.answer.reasons}`}${
    task.answer.comments && html`<ul>${task.answer.comments.map((comment) => html`<li><code>${comment.field}</code>: ${comment.comment}</li>`)}</ul>`
  }`;
}

function tasksTable(context: PageContext, tasks: TaskSummary[]): Html {
  const { t } = context;
  return html`<div class="table-wrap"><table><thead><tr><th scope="col">${t('inbox.kind')}</th><th scope="col">${t('case.organisation')}</th><th scope="col">${t('task.outcome')}</th><th scope="col">${t('inbox.due')}</th></tr></thead>
<tbody>${tasks.map(
    (task) => html`<tr><td>${task.organisation.id === context.caller.organisationId && task.status === 'open' ? html`<a href="/tasks/${encodeURIComponent(task.id)}">${t(`kind.${task.kind}`)}</a>` : t(`kind.${task.kind}`)}</td>
<td>${task.organisation.name}</td><td>${answerOf(context, task)}</td><td>${task.completedAt?.slice(0, 10) ?? task.dueOn ?? '—'}</td></tr>`,
  )}</tbody></table></div>`;
}

function allowanceTable(context: PageContext, detail: CaseDetail): Html | false {
  const { t, language } = context;
  const money = (cents: number | null | undefined) => (cents === null || cents === undefined ? '—' : euros(cents, language));
  const head = html`<thead><tr><th scope="col">${t('case.year')}</th><th scope="col">${t('case.from')}</th><th scope="col">${t('case.to')}</th><th scope="col">${t('case.minimum')}</th><th scope="col">${t('case.monthly')}</th></tr></thead>`;
  if (detail.allowance) {
    const periods = detail.allowance.years;
    return html`<div class="table-wrap"><table>${head}<tbody>${periods.map(
      (period) => html`<tr><td>${period.year}</td><td>${period.from}</td><td>${period.to}</td><td>${money(period.minimumCents)}</td><td>${money(period.paidCents)}</td></tr>`,
    )}</tbody></table></div>`;
  }
  if (detail.allowanceSchedule.length === 0) return false;
  return html`<div class="table-wrap"><table>${head}<tbody>${detail.allowanceSchedule.map(
    (year) => html`<tr><td>${year.year}</td><td>${year.from}</td><td>${year.to}</td><td>${money(year.minimumCents)}</td><td>${money(year.proposedCents)}</td></tr>`,
  )}</tbody></table></div>`;
}

function timeline(context: PageContext, events: HistoryEvent[]): Html {
  const { t } = context;
  return html`<ol class="timeline">${events.map((event) => {
    const changes = Array.isArray(event.data.changes) ? (event.data.changes as { field: string; before?: unknown; after?: unknown }[]) : [];
    return html`<li><time datetime="${event.at}">${event.at.slice(0, 16).replace('T', ' ')}</time> · <strong>${t(`event.${event.type}`, { defaultValue: event.type.replaceAll('_', ' ') })}</strong>${
      (event.user || event.organisation) && html` · ${event.user?.name ?? event.user?.id ?? ''}${event.organisation && html` (${event.organisation.name ?? event.organisation.id})`}`
    }${changes.length > 0 && html`<ul>${changes.map((change) => html`<li><code>${change.field}</code> ${t('case.changed')}: ${JSON.stringify(change.before ?? null)} → ${JSON.stringify(change.after ?? null)}</li>`)}</ul>`}</li>`;
  })}</ol>`;
}

function documentsList(context: PageContext, caseId: string, documents: CaseDocument[]): Html {
  if (documents.length === 0) return html`<p class="muted">${context.t('case.noDocuments')}</p>`;
  return html`<ul>${documents.map((document) => html`<li><a href="/cases/${caseId}/documents/${document.id}">${document.fileName}</a> <span class="muted">(${document.kind}, ${Math.ceil(document.size / 1024)} KB)</span></li>`)}</ul>`;
}

/** Until the contract is signed the employer may withdraw (DOMAIN.md); the workflow refuses it after, with 409. */
const withdrawable = new Set(['in_review', 'changes_requested', 'awaiting_decision', 'authorised', 'awaiting_signatures']);

/** What the employer can do with its case from its page: amend it when asked to, withdraw it. */
function employerActions(context: PageContext, detail: CaseDetail): Html | false {
  const { t, caller } = context;
  if (!mayActAsEmployer(caller)) return false;
  const amendment = detail.tasks.some((task) => task.kind === 'amendment' && task.status === 'open');
  if (!amendment && !withdrawable.has(detail.status)) return false;
  return html`<section aria-labelledby="actions"><h2 id="actions">${t('inbox.actions')}</h2>
${amendment && html`<p><a href="/cases/${detail.id}/amendment">${t('amendment.link')}</a></p>`}
${withdrawable.has(detail.status) && html`<details><summary>${t('amendment.withdraw')}</summary><form method="post" action="/cases/${detail.id}/withdrawal"><p>${t('amendment.withdrawHint')}</p>
${textArea({ name: 'reason', label: t('amendment.withdrawReason'), errors: noErrors })}<p><button type="submit">${t('amendment.withdraw')}</button></p></form></details>`}</section>`;
}

/** A case as its reader may see it: the request, every answer, whose turn it is, its history, allowance and documents. */
export function caseRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/cases/:id', async (request, response, next) => {
    if (request.params.id === 'new') return next();
    const context = pageContext(response);
    const { t } = context;
    const detail = valueOr(await viewCase(dependencies, context.caller, request.params.id));
    const [history, documents] = await Promise.all([viewHistory(dependencies, context.caller, detail.id), listDocuments(dependencies, context.caller, detail.id)]);
    const waitingOn = detail.waitingOn.length > 0 ? detail.waitingOn.map((party) => t(`party.${party}`, { defaultValue: party })).join(', ') : t('case.nobody');
    const apprentice = detail.apprentice ? `${detail.apprentice.givenName} ${detail.apprentice.familyName}` : '—';
    const allowance = allowanceTable(context, detail);
    sendPage(
      response,
      page(
        context,
        t('case.title', { reference: detail.reference }),
        html`<section aria-labelledby="summary"><h2 id="summary">${t('case.summary')}</h2><dl class="facts">
<dt>${t('case.status')}</dt><dd data-field="status">${t(`status.${detail.status}`)}</dd>
<dt>${t('case.waitingOn')}</dt><dd data-field="waiting-on">${waitingOn}</dd>
<dt>${t('case.employer')}</dt><dd>${detail.employer.name}</dd>
<dt>${t('case.trade')}</dt><dd>${detail.tradeCode}</dd>
<dt>${t('case.apprentice')}</dt><dd>${apprentice}</dd>
<dt>${t('case.startDate')}</dt><dd>${detail.startDate ?? '—'}</dd></dl></section>
${employerActions(context, detail)}
<section aria-labelledby="answers"><h2 id="answers">${t('case.answers')}</h2>${tasksTable(context, detail.tasks)}</section>
<section aria-labelledby="request"><h2 id="request">${t('case.request')}</h2><dl class="facts">${requestFacts(context, detail.request).map(
          ([label, value]) => html`<dt>${label}</dt><dd>${value === withheld ? html`<span class="muted">${t('case.withheld')}</span>` : value}</dd>`,
        )}</dl></section>
${allowance && html`<section aria-labelledby="allowance"><h2 id="allowance">${t('case.allowance')}</h2>${allowance}</section>`}
<section aria-labelledby="documents"><h2 id="documents">${t('case.documents')}</h2>${documentsList(context, detail.id, documents.kind === 'ok' ? documents.value.items : [])}</section>
<section aria-labelledby="timeline"><h2 id="timeline">${t('case.timeline')}</h2>${history.kind === 'ok' && timeline(context, history.value.items)}</section>`,
      ),
    );
  });

  router.get('/cases/:id/documents/:documentId', async (request, response) => {
    const { document, bytes } = valueOr(await downloadDocument(dependencies, pageContext(response).caller, { caseId: request.params.id, documentId: request.params.documentId }));
    sendFile(response, { fileName: document.fileName, mediaType: document.mediaType, bytes });
  });

  router.get('/cases/:id/contract/versions/:version/document', async (request, response) => {
    const version = Number(request.params.version);
    if (!Number.isInteger(version) || version < 1) throw problemFor(notFound('contract'));
    const contract = valueOr(await downloadContract(dependencies, pageContext(response).caller, { caseId: request.params.id, version }));
    sendFile(response, { ...contract, mediaType: 'application/pdf' });
  });

  return router;
}
