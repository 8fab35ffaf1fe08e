import { Router, type Response } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { problemFor, valueOr } from '../../api/outcomes.js';
import { fromZodError, parseOr400 } from '../../api/problem.js';
import type { CaseDetail } from '../../api/responses.js';
import { withdrawalBody } from '../../api/routes/cases.js';
import { mayActAsEmployer } from '../../application/access.js';
import { amendRequest } from '../../application/amend-request.js';
import { viewCase } from '../../application/view-case.js';
import { withdrawCase } from '../../application/withdraw-case.js';
import { caseRequestSchema, type CaseRequest } from '../../domain/case-request.js';
import { fieldErrorsOf, noErrors, type FieldErrors } from '../forms.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';
import { formFromRequest, requestForm, requestFormChoices, requestFromForm, type RequestFormValues } from '../request-form.js';

/** The employer amends its request with every request for changes in front of it, or withdraws it. */
export function amendmentRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  async function showForm(response: Response, detail: CaseDetail, values: RequestFormValues, errors: FieldErrors, status = 200) {
    const context = pageContext(response);
    const { t } = context;
    const form = requestForm(context, {
      action: `/cases/${detail.id}/amendment`,
      values,
      errors,
      choices: await requestFormChoices(dependencies.db),
      // The revision read: an amendment made meanwhile by a colleague is not overwritten unseen (412).
      hidden: { revision: String(detail.revision) },
      submitLabel: t('amendment.submit'),
    });
    const requests = detail.changeRequests.flatMap((task) => (task.answer?.comments ?? []).map((comment) => ({ organisation: task.organisation.name, ...comment })));
    sendPage(
      response,
      page(
        context,
        t('amendment.title', { reference: detail.reference }),
        html`${requests.length > 0 && html`<section><h2>${t('case.changeRequests')}</h2><ul>${requests.map((request) => html`<li><code>${request.field}</code> (${request.organisation}): ${request.comment}</li>`)}</ul></section>`}${form}`,
      ),
      status,
    );
  }

  async function employerCase(response: Response, caseId: string): Promise<CaseDetail> {
    const { caller } = pageContext(response);
    const detail = valueOr(await viewCase(dependencies, caller, caseId));
    if (!mayActAsEmployer(caller)) throw problemFor({ kind: 'forbidden', detail: 'Only the employer amends its request' });
    return detail;
  }

  router.get('/cases/:id/amendment', async (request, response) => {
    const detail = await employerCase(response, request.params.id);
    await showForm(response, detail, formFromRequest(detail.request as CaseRequest), noErrors);
  });

  router.post('/cases/:id/amendment', async (request, response) => {
    const detail = await employerCase(response, request.params.id);
    const { revision, ...values } = (request.body ?? {}) as Record<string, string>;
    const parsed = caseRequestSchema.safeParse(requestFromForm(values));
    if (!parsed.success) return showForm(response, detail, values, fieldErrorsOf(fromZodError(parsed.error).errors), 400);
    const expectedRevision = /^\d+$/.test(revision ?? '') ? Number(revision) : undefined;
    const amended = await amendRequest(dependencies, pageContext(response).caller, { caseId: detail.id, expectedRevision, request: parsed.data });
    if (amended.kind === 'invalid') return showForm(response, detail, values, fieldErrorsOf(problemFor(amended).errors), 400);
    response.redirect(303, `/cases/${valueOr(amended).id}`);
  });

  router.post('/cases/:id/withdrawal', async (request, response) => {
    const reason = typeof request.body?.reason === 'string' && request.body.reason.trim() !== '' ? request.body.reason : undefined;
    const body = parseOr400(withdrawalBody, reason === undefined ? {} : { reason });
    const withdrawn = valueOr(await withdrawCase(dependencies, pageContext(response).caller, { caseId: request.params.id, reason: body.reason }));
    response.redirect(303, `/cases/${withdrawn.id}`);
  });

  return router;
}
