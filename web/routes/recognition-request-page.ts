import { Router, type Response } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { problemFor, valueOr } from '../../api/outcomes.js';
import { fromZodError } from '../../api/problem.js';
import { mayApplyForRecognition } from '../../application/access.js';
import { applyForRecognition } from '../../application/apply-for-recognition.js';
import { forbidden } from '../../application/outcome.js';
import { referenceVersions } from '../../db/reference-store.js';
import { languages } from '../../domain/language.js';
import { recognitionRequestSchema } from '../../domain/recognition.js';
import { checkboxField, errorSummary, fieldErrorsOf, inputField, nestedFields, noErrors, selectField, type FieldErrors } from '../forms.js';
import { html } from '../html.js';
import { page } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';

type FormValues = Record<string, string>;

/** The posted form as the body of POST /v1/recognitions; each part there, so a missing field is named, not its part. */
function requestFromForm(values: FormValues): Record<string, unknown> {
  const { europassSupplementExists, ...fields } = values;
  return { holder: {}, diploma: {}, ...nestedFields(fields), europassSupplementExists: europassSupplementExists === 'true' };
}

/** An applicant asks for the recognition of their diploma: the API's schema and rules judge the request. */
export function recognitionRequestRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  async function showForm(response: Response, values: FormValues, errors: FieldErrors, status = 200) {
    const context = pageContext(response);
    const { t, language } = context;
    if (!mayApplyForRecognition(context.caller)) throw problemFor(forbidden('Only an applicant asks for the recognition of a diploma, from their own account'));
    const [trades, fees] = await Promise.all([referenceVersions(dependencies.db, 'trades'), referenceVersions(dependencies.db, 'recognition-fees')]);
    const input = (name: string, label: string, type: 'text' | 'date' | 'email' = 'text') => inputField({ name, label, type, value: values[name], errors, required: true });
    const form = html`${errorSummary(t, errors)}
<form method="post" action="/recognitions/new" novalidate>
<fieldset><legend>${t('recognition.holder')}</legend>
${input('holder.givenName', t('recognition.givenName'))}
${input('holder.familyName', t('recognition.familyName'))}
${input('holder.birthDate', t('recognition.birthDate'), 'date')}
${input('holder.email', t('recognition.email'), 'email')}
${selectField({ name: 'holder.language', label: t('recognition.language'), value: values['holder.language'] ?? language, errors, required: true, options: languages.map((code) => ({ value: code, label: t(`recognition.languages.${code}`) })) })}
</fieldset>
<fieldset><legend>${t('recognition.diplomaPart')}</legend>
${selectField({ name: 'diploma.country', label: t('recognition.country'), value: values['diploma.country'], errors, required: true, placeholder: t('form.choose'), options: (fees[0]?.rows ?? []).map((fee) => ({ value: fee.country, label: fee.country })) })}
${input('diploma.title', t('recognition.title'))}
${input('diploma.programme', t('recognition.programme'))}
${input('awardedOn', t('recognition.awardedOn'), 'date')}
${input('schoolName', t('recognition.schoolName'))}
${selectField({ name: 'tradeCode', label: t('recognition.tradeCode'), value: values.tradeCode, errors, placeholder: t('recognition.noTrade'), options: (trades[0]?.rows ?? []).map((trade) => ({ value: trade.code, label: `${trade.names[language]} (${trade.code})` })) })}
${checkboxField({ name: 'europassSupplementExists', label: t('recognition.europass'), checked: values.europassSupplementExists === 'true', errors })}
</fieldset>
<p><button type="submit">${t('recognition.send')}</button></p></form>`;
    sendPage(response, page(context, t('recognition.newTitle'), html`<p>${t('recognition.newIntro')}</p>${form}`), status);
  }

  router.get('/recognitions/new', (_request, response) => showForm(response, {}, noErrors));

  router.post('/recognitions/new', async (request, response) => {
    const values = (request.body ?? {}) as FormValues;
    const parsed = recognitionRequestSchema.safeParse(requestFromForm(values));
    if (!parsed.success) return showForm(response, values, fieldErrorsOf(fromZodError(parsed.error).errors), 400);
    const applied = await applyForRecognition(dependencies, pageContext(response).caller, parsed.data);
    if (applied.kind === 'invalid') return showForm(response, values, fieldErrorsOf(problemFor(applied).errors), 400);
    response.redirect(303, `/recognitions/${valueOr(applied).id}`);
  });

  return router;
}
