import type { HttpProblem } from '../api/problem.js';
import type { RecognitionDetail, RecognitionSummary } from '../api/recognition-responses.js';
import type { Trade } from '../domain/reference-data.js';
import {
  documentLanguages,
  documentProblems,
  luxembourgQualificationLevels,
  luxembourgQualifications,
  recognitionDocumentKinds,
  registeredDecision,
  type TranslatedKind,
} from '../domain/recognition.js';
import { fileField, inputField, noErrors, selectField, textArea, type FieldErrors } from './forms.js';
import { html, type Html } from './html.js';
import type { PageContext } from './layout.js';
import { decisionText } from './recognition-sections.js';

/**
 * The forms of a recognition's page. Each form's fields are named under its own prefix
 * (`payment.paidOn`, `decision.reasons`), so that a problem the API names in one form is shown
 * at that form's field and nowhere else on the page.
 */

/** What the page's forms show: the values posted, each problem at its field, and a refusal that belongs to no field. */
export interface RecognitionForms {
  values: Record<string, string>;
  errors: FieldErrors;
  alert?: HttpProblem | undefined;
}

export const untouchedForms: RecognitionForms = { values: {}, errors: noErrors };

/** A command's problems (keyed by its own field names) as the fields of the form posted under `prefix`. */
export function underPrefix(prefix: string, errors: FieldErrors): FieldErrors {
  return new Map([...errors].map(([name, detail]) => [name === '' ? prefix : `${prefix}.${name}`, detail]));
}

export const translatedKinds = recognitionDocumentKinds.filter((kind): kind is TranslatedKind => kind !== 'translation');

const fileTypes = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

/** An applicant's upload form for each document the request needs, and one for a translation. */
export function uploadForms(context: PageContext, detail: RecognitionDetail, { values, errors }: RecognitionForms): Html {
  const { t } = context;
  const kindOptions = (kinds: readonly string[]) => kinds.map((kind) => ({ value: kind, label: t(`recognition.kinds.${kind}`) }));
  const languageOptions = documentLanguages.map((language) => ({ value: language, label: t(`recognition.languages.${language}`) }));
  return html`<p>${t('recognition.uploadIntro')}</p>
${[...detail.requiredDocuments, 'translation' as const].map(
  (kind) => html`<form method="post" action="/recognitions/${detail.id}/documents" enctype="multipart/form-data" novalidate data-kind="${kind}">
<fieldset><legend>${t(`recognition.kinds.${kind}`)}</legend><input type="hidden" name="kind" value="${kind}">
${kind === 'translation' && selectField({ name: 'translation.translationOf', label: t('recognition.translationOf'), value: values['translation.translationOf'], errors, required: true, placeholder: t('form.choose'), options: kindOptions(detail.requiredDocuments) })}
${selectField({ name: `${kind}.language`, label: t('recognition.writtenIn'), value: values[`${kind}.language`], errors, required: true, placeholder: t('form.choose'), options: languageOptions })}
${fileField({ name: `${kind}.file`, label: t('recognition.file'), accept: fileTypes, errors, required: true })}
<button type="submit">${t('recognition.upload')}</button></fieldset></form>`,
)}`;
}

export function submissionForm(context: PageContext, detail: RecognitionDetail): Html {
  const { t } = context;
  return html`<form method="post" action="/recognitions/${detail.id}/submission"><p>${t('recognition.submitIntro')}</p><p><button type="submit">${t('recognition.submit')}</button></p></form>`;
}

/** Claim a recognition nobody holds; put back one the caller holds (or, for a supervisor, anyone's). */
export function claimForms(context: PageContext, recognition: RecognitionSummary, back: string): Html | false {
  const { t, caller, me } = context;
  if (recognition.status === 'recognised' || recognition.status === 'refused') return false;
  const action = (verb: 'claim' | 'unclaim', label: string) =>
    html`<form method="post" action="/recognitions/${recognition.id}/${verb}" class="inline"><input type="hidden" name="back" value="${back}"><button type="submit">${label}</button></form>`;
  if (recognition.assignee === null) return action('claim', t('recognition.claim'));
  if (recognition.assignee.id === caller.userId || me.roles.includes('supervisor')) return action('unclaim', t('recognition.unclaim'));
  return false;
}

/** Ask the applicant again for documents: for each kind, the problem (none: not asked) and a comment. */
export function documentRequestForm(context: PageContext, detail: RecognitionDetail, { values, errors }: RecognitionForms): Html {
  const { t } = context;
  const whole = errors.get('documentRequest');
  return html`<form method="post" action="/recognitions/${detail.id}/document-request" novalidate>
<fieldset id="field-documentRequest"><legend>${t('recognition.askAgain')}</legend>
${whole !== undefined && html`<p class="field-error">${whole}</p>`}
${translatedKinds.map(
  (kind) => html`${selectField({
    name: `documentRequest.${kind}.problem`,
    label: `${t(`recognition.kinds.${kind}`)}: ${t('recognition.problem')}`,
    value: values[`documentRequest.${kind}.problem`],
    errors,
    placeholder: t('recognition.notAsked'),
    options: documentProblems.map((problem) => ({ value: problem, label: t(`recognition.problems.${problem}`) })),
  })}
${inputField({ name: `documentRequest.${kind}.comment`, label: `${t(`recognition.kinds.${kind}`)}: ${t('recognition.comment')}`, value: values[`documentRequest.${kind}.comment`], errors })}`,
)}
<button type="submit">${t('recognition.askAgainSend')}</button></fieldset></form>`;
}

/** The fee's payment as the ministry's account shows it; the amount in euros, as the fee is written. */
export function paymentForm(context: PageContext, detail: RecognitionDetail, { values, errors }: RecognitionForms): Html {
  const { t } = context;
  return html`<form method="post" action="/recognitions/${detail.id}/payment" novalidate>
<fieldset><legend>${t('recognition.payment')}</legend>
${inputField({ name: 'payment.amountCents', label: t('recognition.amount'), value: values['payment.amountCents'] ?? (detail.fee.amountCents / 100).toFixed(2), errors, required: true })}
${inputField({ name: 'payment.paidOn', label: t('recognition.paidOn'), type: 'date', value: values['payment.paidOn'], errors, required: true })}
${inputField({ name: 'payment.reference', label: t('recognition.reference'), value: values['payment.reference'], errors, required: true })}
<button type="submit">${t('recognition.recordPayment')}</button></fieldset></form>`;
}

/** A proposed decision, drawn up from the register's precedent when there is one. */
export function proposalForm(context: PageContext, detail: RecognitionDetail, trades: readonly Trade[], { values, errors }: RecognitionForms): Html {
  const { t, language } = context;
  const precedent = detail.precedent?.decision;
  const suggested: Record<string, string | undefined> = {
    'decision.outcome': precedent?.outcome,
    'decision.qualification': precedent?.outcome === 'equivalence' ? precedent.qualification : undefined,
    'decision.tradeCode': precedent ? (precedent.outcome === 'equivalence' ? precedent.tradeCode : undefined) : detail.request.tradeCode,
  };
  const posted = Object.keys(values).some((name) => name.startsWith('decision.'));
  const value = (name: string) => (posted ? values[name] : suggested[name]);
  return html`<form method="post" action="/recognitions/${detail.id}/decision" novalidate>
<fieldset><legend>${t('recognition.propose')}</legend>
${selectField({ name: 'decision.outcome', label: t('recognition.outcome'), value: value('decision.outcome'), errors, required: true, placeholder: t('form.choose'), options: [{ value: 'equivalence', label: t('recognition.equivalence') }, { value: 'refusal', label: t('recognition.refusal') }] })}
${selectField({
  name: 'decision.qualification',
  label: t('recognition.qualification'),
  value: value('decision.qualification'),
  errors,
  placeholder: '—',
  options: luxembourgQualifications.map((qualification) => ({ value: qualification, label: `${qualification} (${luxembourgQualificationLevels[qualification]})` })),
})}
${selectField({ name: 'decision.tradeCode', label: t('recognition.trade'), value: value('decision.tradeCode'), errors, placeholder: t('recognition.noTrade'), options: trades.map((trade) => ({ value: trade.code, label: `${trade.names[language]} (${trade.code})` })) })}
${textArea({ name: 'decision.reasons', label: t('recognition.proposalReasons'), value: values['decision.reasons'], errors })}
<button type="submit">${t('recognition.proposeSend')}</button></fieldset></form>`;
}

/**
 * The decision waiting for a second officer, and the form that approves it or sends it back.
 * Shown to its proposer too: the API's four-eyes refusal is then said on the page, not hidden.
 */
export function approvalForm(context: PageContext, detail: RecognitionDetail, { values, errors }: RecognitionForms): Html | false {
  const { t, caller } = context;
  const { proposal } = detail;
  if (!proposal) return false;
  return html`<section aria-labelledby="proposal"><h2 id="proposal">${t('recognition.proposal')}</h2>
<p data-field="proposal"><strong>${decisionText(context, registeredDecision(proposal.decision))}</strong>${proposal.decision.reasons && html`<br>${t('recognition.reasons')}: ${proposal.decision.reasons}`}</p>
<p>${t('recognition.proposedBy', { name: proposal.proposedBy.name ?? proposal.proposedBy.id })}${proposal.proposedBy.id === caller.userId && html` — <strong>${t('recognition.ownProposal')}</strong>`}</p>
<form method="post" action="/recognitions/${detail.id}/approval" novalidate>
<fieldset><legend>${t('recognition.approval')}</legend>
${textArea({ name: 'approval.reasons', label: t('recognition.sendBackReasons'), value: values['approval.reasons'], errors })}
<button type="submit" name="approved" value="true">${t('recognition.approve')}</button> <button type="submit" name="approved" value="false">${t('recognition.sendBack')}</button></fieldset></form></section>`;
}

export function revocationForm(context: PageContext, detail: RecognitionDetail, { values, errors }: RecognitionForms): Html | false {
  const { t } = context;
  if (!detail.decision || detail.decision.revokedAt) return false;
  return html`<form method="post" action="/recognitions/${detail.id}/revocation" novalidate>
<fieldset><legend>${t('recognition.revoke')}</legend>
${textArea({ name: 'revocation.reasons', label: t('recognition.revocationReasons'), value: values['revocation.reasons'], errors, required: true })}
<button type="submit">${t('recognition.revokeSend')}</button></fieldset></form>`;
}
