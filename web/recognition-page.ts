import type { Response } from 'express';
import type { ApiDependencies } from '../api/dependencies.js';
import { valueOr } from '../api/outcomes.js';
import type { RecognitionDetail } from '../api/recognition-responses.js';
import { mayDecideRecognitions } from '../application/access.js';
import { viewRecognition } from '../application/view-recognition.js';
import { referenceVersions } from '../db/reference-store.js';
import { errorSummary } from './forms.js';
import { html, type Html } from './html.js';
import { page, type PageContext } from './layout.js';
import { pageContext, sendPage } from './pages.js';
import {
  approvalForm,
  claimForms,
  documentRequestForm,
  paymentForm,
  proposalForm,
  revocationForm,
  submissionForm,
  untouchedForms,
  uploadForms,
  type RecognitionForms,
} from './recognition-forms.js';
import { decisionSection, diplomaName, documentsSection, precedentSection, requestSection, stillNeededSection, summarySection } from './recognition-sections.js';

/** A refusal that belongs to no field (a conflict, the four-eyes rule): said at the top of the page, in the API's words. */
function alertOf(context: PageContext, alert: RecognitionForms['alert']): Html | false {
  if (!alert) return false;
  const { t } = context;
  const heading = alert.status === 403 ? t('error.forbidden') : alert.status === 409 ? t('error.conflict') : t('recognition.notDone');
  return html`<div class="error-summary" role="alert" data-status="${alert.status}"><p><strong>${heading}</strong></p><p>${alert.detail ?? alert.title}</p></div>`;
}

/** What the applicant does: upload while the ministry waits on them, then submit. */
function applicantPart(context: PageContext, detail: RecognitionDetail, forms: RecognitionForms): Html | false {
  const { t } = context;
  if (detail.status !== 'awaiting_applicant') return false;
  return html`${stillNeededSection(context, detail)}
<section aria-labelledby="upload"><h2 id="upload">${t('recognition.upload')}</h2>${uploadForms(context, detail, forms)}</section>
<section aria-labelledby="submission"><h2 id="submission">${t('recognition.submit')}</h2>${submissionForm(context, detail)}</section>`;
}

/** What an officer does, by where the request stands. */
async function officerPart(dependencies: ApiDependencies, context: PageContext, detail: RecognitionDetail, forms: RecognitionForms, back: string): Promise<Html> {
  const { t } = context;
  const open = detail.status !== 'recognised' && detail.status !== 'refused';
  const trades = detail.status === 'in_examination' ? ((await referenceVersions(dependencies.db, 'trades'))[0]?.rows ?? []) : [];
  return html`<p>${t('recognition.assignee')}: <span data-field="assignee">${detail.assignee ? (detail.assignee.name ?? detail.assignee.id) : t('recognition.nobody')}</span> ${claimForms(context, detail, back)}</p>
${detail.status === 'awaiting_applicant' && stillNeededSection(context, detail)}
${approvalForm(context, detail, forms)}
${open && !detail.fee.paid && paymentForm(context, detail, forms)}
${detail.status === 'in_examination' && html`${proposalForm(context, detail, trades, forms)}${documentRequestForm(context, detail, forms)}`}
${revocationForm(context, detail, forms)}`;
}

/**
 * A recognition's page, for its applicant or a recognition officer (anyone else gets the 404
 * of an unknown id), with the page's forms as posted and their problems when one was refused.
 */
export async function showRecognition(dependencies: ApiDependencies, response: Response, recognitionId: string, forms: RecognitionForms = untouchedForms, status = 200): Promise<void> {
  const context = pageContext(response);
  const { t, caller } = context;
  const detail = valueOr(await viewRecognition(dependencies, caller, recognitionId));
  const officer = mayDecideRecognitions(caller, dependencies.config);
  const body = html`${alertOf(context, forms.alert)}${errorSummary(t, forms.errors)}
${summarySection(context, detail)}
${precedentSection(context, detail)}
${officer ? await officerPart(dependencies, context, detail, forms, `/recognitions/${detail.id}`) : applicantPart(context, detail, forms)}
${decisionSection(context, detail)}
${documentsSection(context, detail)}
${requestSection(context, detail)}`;
  sendPage(response, page(context, t('recognition.pageTitle', { diploma: diplomaName(detail.request.diploma) }), body), status);
}
