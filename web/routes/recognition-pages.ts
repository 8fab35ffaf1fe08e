import { Router } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { valueOr } from '../../api/outcomes.js';
import { parseOr400 } from '../../api/problem.js';
import type { RecognitionSummary } from '../../api/recognition-responses.js';
import { sendFile } from '../../api/routes/documents.js';
import { recognitionListQuery } from '../../api/routes/recognitions.js';
import { mayDecideRecognitions } from '../../application/access.js';
import { claimRecognition, unclaimRecognition } from '../../application/recognition-assignment.js';
import { downloadCertificate, downloadRecognitionDocument } from '../../application/recognition-documents.js';
import { listRecognitions } from '../../application/view-recognition.js';
import { decodeCursor } from '../../db/keyset-cursor.js';
import { html } from '../html.js';
import { page, type PageContext } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';
import { claimForms } from '../recognition-forms.js';
import { showRecognition } from '../recognition-page.js';
import { diplomaName } from '../recognition-sections.js';
import { localPath } from '../session.js';
import { recognitionActionRoutes } from './recognition-actions.js';
import { recognitionRequestRoutes } from './recognition-request-page.js';

const queueFilters = [
  { key: 'all', assignee: undefined },
  { key: 'me', assignee: 'me' },
  { key: 'unassigned', assignee: 'unassigned' },
] as const;

function recognitionRow(context: PageContext, recognition: RecognitionSummary, officer: boolean, back: string) {
  const { t } = context;
  return html`<tr><td><a href="/recognitions/${recognition.id}">${diplomaName(recognition.diploma)}</a></td>
<td>${t(`recognition.statuses.${recognition.status}`)}</td><td>${recognition.requestedAt.slice(0, 10)}</td><td>${recognition.waitingSince.slice(0, 10)}</td>
${officer && html`<td>${recognition.assignee ? (recognition.assignee.name ?? recognition.assignee.id) : html`<span class="muted">${t('recognition.nobody')}</span>`}</td><td>${claimForms(context, recognition, back)}</td>`}</tr>`;
}

/**
 * Diploma recognition in the browser: an applicant's requests, the form to ask, each request's
 * page; the recognition officers' queue and their work on a request. Every page and action calls
 * the application functions the JSON API calls.
 */
export function recognitionPageRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  router.get('/recognitions', async (request, response) => {
    const context = pageContext(response);
    const { t, caller } = context;
    const { cursor, ...query } = parseOr400(recognitionListQuery, request.query);
    const recognitions = valueOr(await listRecognitions(dependencies, caller, { ...query, after: cursor === undefined ? undefined : decodeCursor(cursor) }));
    const officer = mayDecideRecognitions(caller, dependencies.config);
    const filterQuery = { ...(query.assignee ? { assignee: query.assignee } : {}), ...(query.status ? { status: query.status } : {}) };
    const next = recognitions.nextCursor ? `/recognitions?${new URLSearchParams({ ...filterQuery, cursor: recognitions.nextCursor })}` : undefined;
    const filters = html`<nav class="filters" aria-label="${t('recognition.filters')}">${t('recognition.filters')}: ${queueFilters.map(
      ({ key, assignee }) => html`<a href="/recognitions${assignee ? `?assignee=${assignee}` : ''}" ${assignee === query.assignee && html`aria-current="page"`}>${t(`recognition.${key}`)}</a>`,
    )}</nav>`;
    const table =
      recognitions.items.length === 0
        ? html`<p>${t('recognition.empty')}</p>`
        : html`<div class="table-wrap"><table><thead><tr><th scope="col">${t('recognition.diploma')}</th><th scope="col">${t('recognition.status')}</th><th scope="col">${t('recognition.requested')}</th><th scope="col">${t('recognition.waitingSince')}</th>${
            officer && html`<th scope="col">${t('recognition.assignee')}</th><th scope="col">${t('recognition.actions')}</th>`
          }</tr></thead>
<tbody>${recognitions.items.map((recognition) => recognitionRow(context, recognition, officer, request.originalUrl))}</tbody></table></div>`;
    sendPage(
      response,
      page(
        context,
        officer ? t('recognition.queueTitle') : t('recognition.ownTitle'),
        html`${officer ? filters : html`<p><a href="/recognitions/new">${t('recognition.ask')}</a></p>`}
${table}
${next && html`<p><a href="${next}">${t('recognition.more')}</a></p>`}`,
      ),
    );
  });

  router.use(recognitionRequestRoutes(dependencies));

  router.get('/recognitions/:id', (request, response) => showRecognition(dependencies, response, request.params.id));

  router.get('/recognitions/:id/documents/:documentId', async (request, response) => {
    const { document, bytes } = valueOr(await downloadRecognitionDocument(dependencies, pageContext(response).caller, { recognitionId: request.params.id, documentId: request.params.documentId }));
    sendFile(response, { fileName: document.fileName, mediaType: document.mediaType, bytes });
  });

  router.get('/recognitions/:id/certificate', async (request, response) => {
    sendFile(response, valueOr(await downloadCertificate(dependencies, pageContext(response).caller, request.params.id)));
  });

  router.post('/recognitions/:id/claim', async (request, response) => {
    valueOr(await claimRecognition(dependencies, pageContext(response).caller, request.params.id));
    response.redirect(303, localPath(request.body?.back));
  });

  router.post('/recognitions/:id/unclaim', async (request, response) => {
    valueOr(await unclaimRecognition(dependencies, pageContext(response).caller, request.params.id));
    response.redirect(303, localPath(request.body?.back));
  });

  router.use(recognitionActionRoutes(dependencies));
  return router;
}
