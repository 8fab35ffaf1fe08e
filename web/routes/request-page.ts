import { randomUUID } from 'node:crypto';
import { Router, type Response } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { problemFor, valueOr } from '../../api/outcomes.js';
import { fromZodError } from '../../api/problem.js';
import { mayActAsEmployer } from '../../application/access.js';
import { submitRequest } from '../../application/submit-request.js';
import { caseRequestSchema } from '../../domain/case-request.js';
import { fieldErrorsOf, noErrors, type FieldErrors } from '../forms.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';
import { requestForm, requestFormChoices, requestFromForm, type RequestFormValues } from '../request-form.js';

/** The employer's new request: the API's schema and rules judge it, and the page shows each problem at its field. */
export function requestRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  async function showForm(response: Response, values: RequestFormValues, errors: FieldErrors, idempotencyKey: string, status = 200) {
    const context = pageContext(response);
    const { t } = context;
    if (!mayActAsEmployer(context.caller)) throw problemFor({ kind: 'forbidden', detail: 'Only the employer submits a cross-border apprenticeship request' });
    const form = requestForm(context, {
      action: '/cases/new',
      values,
      errors,
      choices: await requestFormChoices(dependencies.db),
      // Sent twice (a double click, a reload), the form makes one case.
      hidden: { idempotencyKey },
      submitLabel: t('request.submit'),
    });
    sendPage(response, page(context, t('request.title'), html`<p>${t('request.intro')}</p>${form}`), status);
  }

  router.get('/cases/new', (_request, response) => showForm(response, {}, noErrors, randomUUID()));

  router.post('/cases/new', async (request, response) => {
    const { idempotencyKey: postedKey, ...values } = (request.body ?? {}) as Record<string, string>;
    const idempotencyKey = typeof postedKey === 'string' && /^[0-9a-f-]{36}$/.test(postedKey) ? postedKey : randomUUID();
    const parsed = caseRequestSchema.safeParse(requestFromForm(values));
    if (!parsed.success) return showForm(response, values, fieldErrorsOf(fromZodError(parsed.error).errors), idempotencyKey, 400);
    const submitted = await submitRequest(dependencies, pageContext(response).caller, { request: parsed.data, idempotencyKey });
    if (submitted.kind === 'invalid') return showForm(response, values, fieldErrorsOf(problemFor(submitted).errors), idempotencyKey, 400);
    response.redirect(303, `/cases/${valueOr(submitted).case.id}`);
  });

  return router;
}
