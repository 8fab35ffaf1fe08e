import type { RecognitionDetail } from '../api/recognition-responses.js';
import type { RegisteredDecision } from '../domain/recognition.js';
import { html, type Html } from './html.js';
import type { PageContext } from './layout.js';
import { euros } from './money.js';

/**
 * What the applicant and the recognition officers read of a recognition: its summary, its
 * documents, what is still needed, the register's precedent and the decision with its
 * certificate and credential. The forms that act on it are in recognition-forms.ts.
 */

const day = (instant: string) => instant.slice(0, 10);

/** The diploma as the applicant wrote it: its title, programme and country. */
export function diplomaName(diploma: { title: string; programme: string; country: string }): string {
  return `${diploma.title}, ${diploma.programme} (${diploma.country})`;
}

export function decisionText(context: PageContext, decision: RegisteredDecision): string {
  const { t } = context;
  if (decision.outcome === 'refusal') return t('recognition.refusal');
  return `${t('recognition.equivalenceTo', { qualification: decision.qualification, level: decision.level })}${decision.tradeCode ? ` · ${t('recognition.inTrade', { trade: decision.tradeCode })}` : ''}`;
}

function feeText(context: PageContext, fee: RecognitionDetail['fee']): string {
  const { t, language } = context;
  const amount = euros(fee.amountCents, language);
  if (fee.payment) return t('recognition.feePaid', { amount, date: fee.payment.paidOn, reference: fee.payment.reference });
  return fee.paid ? amount : t('recognition.feeDue', { amount });
}

export function summarySection(context: PageContext, detail: RecognitionDetail): Html {
  const { t } = context;
  const { request, processing } = detail;
  return html`<section aria-labelledby="summary"><h2 id="summary">${t('recognition.summary')}</h2><dl class="facts">
<dt>${t('recognition.status')}</dt><dd data-field="status">${t(`recognition.statuses.${detail.status}`)}</dd>
<dt>${t('recognition.diploma')}</dt><dd>${diplomaName(request.diploma)}</dd>
<dt>${t('recognition.school')}</dt><dd>${request.schoolName}</dd>
<dt>${t('recognition.awardedOn')}</dt><dd>${request.awardedOn}</dd>
<dt>${t('recognition.requested')}</dt><dd>${day(detail.requestedAt)}</dd>
<dt>${t('recognition.fee')}</dt><dd data-field="fee">${feeText(context, detail.fee)}</dd>
<dt>${t('recognition.processing')}</dt><dd>${t('recognition.processingText', { ministry: processing.ministryDays, applicant: processing.applicantDays })}</dd>
</dl></section>`;
}

/** The request's personal data: only the applicant and the recognition staff see a recognition at all. */
export function requestSection(context: PageContext, detail: RecognitionDetail): Html {
  const { t } = context;
  const { holder, tradeCode, europassSupplementExists } = detail.request;
  return html`<section aria-labelledby="request"><h2 id="request">${t('recognition.request')}</h2><dl class="facts">
<dt>${t('recognition.holder')}</dt><dd>${holder.givenName} ${holder.familyName}</dd>
<dt>${t('recognition.birthDate')}</dt><dd>${holder.birthDate}</dd>
<dt>${t('recognition.email')}</dt><dd>${holder.email}</dd>
<dt>${t('recognition.language')}</dt><dd>${t(`recognition.languages.${holder.language}`)}</dd>
<dt>${t('recognition.tradeCode')}</dt><dd>${tradeCode ?? '—'}</dd>
<dt>${t('recognition.europassExists')}</dt><dd>${europassSupplementExists ? t('form.yes') : t('form.no')}</dd>
</dl></section>`;
}

export function documentsSection(context: PageContext, detail: RecognitionDetail): Html {
  const { t } = context;
  const list =
    detail.documents.length === 0
      ? html`<p class="muted">${t('recognition.noDocuments')}</p>`
      : html`<ul>${detail.documents.map(
          (document) => html`<li><a href="/recognitions/${detail.id}/documents/${document.id}">${document.fileName}</a> <span class="muted">(${t(`recognition.kinds.${document.kind}`)}${
            document.translationOf && html` → ${t(`recognition.kinds.${document.translationOf}`)}`
          }, ${t(`recognition.languages.${document.language}`)}, ${Math.ceil(document.size / 1024)} KB, ${day(document.uploadedAt)})</span></li>`,
        )}</ul>`;
  return html`<section aria-labelledby="documents"><h2 id="documents">${t('recognition.documents')}</h2>${list}</section>`;
}

/** While the request waits on the applicant: what is still missing, and what the ministry asked for again and why. */
export function stillNeededSection(context: PageContext, detail: RecognitionDetail): Html {
  const { t } = context;
  const asked = detail.documentRequest?.documents ?? [];
  return html`<section aria-labelledby="still-needed"><h2 id="still-needed">${t('recognition.stillNeeded')}</h2>
${
  detail.missingDocuments.length === 0
    ? html`<p class="notice">${t('recognition.nothingMissing')}</p>`
    : html`<ul data-field="missing">${detail.missingDocuments.map((missing) => html`<li>${t(`recognition.kinds.${missing.kind}`)}: ${t(`recognition.problems.${missing.problem}`)}</li>`)}</ul>`
}
${asked.length > 0 && html`<p>${t('recognition.askedAgain')}</p><ul data-field="asked-again">${asked.map(
    (document) => html`<li><strong>${t(`recognition.kinds.${document.kind}`)}</strong>: ${t(`recognition.problems.${document.problem}`)}${document.comment && html` — ${document.comment}`}</li>`,
  )}</ul>`}</section>`;
}

/** The register's latest decision about the same diploma type: what the officers propose unless they say why not. */
export function precedentSection(context: PageContext, detail: RecognitionDetail): Html | false {
  const { t } = context;
  const { precedent } = detail;
  if (!precedent) return false;
  return html`<section aria-labelledby="precedent"><h2 id="precedent">${t('recognition.precedent')}</h2>
<p>${t('recognition.precedentIntro', { date: day(precedent.decidedAt) })} <strong data-field="precedent">${decisionText(context, precedent.decision)}</strong></p>
${precedent.recognitionId && html`<p><a href="/recognitions/${precedent.recognitionId}">${t('recognition.precedentOf')}</a></p>`}</section>`;
}

/** The decision once issued, with the certificate to download and the credential to copy. */
export function decisionSection(context: PageContext, detail: RecognitionDetail): Html | false {
  const { t } = context;
  const { decision } = detail;
  if (!decision) return false;
  return html`<section aria-labelledby="decision"><h2 id="decision">${t('recognition.decision')}</h2>
<p data-field="decision"><strong>${decisionText(context, decision)}</strong></p>
${decision.reasons && html`<p>${t('recognition.reasons')}: ${decision.reasons}</p>`}
<p>${t('recognition.decidedOn', { date: day(decision.decidedAt) })}</p>
${decision.revokedAt && html`<p class="error-summary" data-field="revoked">${t('recognition.revokedOn', { date: day(decision.revokedAt) })}${decision.revocationReasons && html` — ${decision.revocationReasons}`}</p>`}
${detail.certificate && html`<p><a href="/recognitions/${detail.id}/certificate" data-field="certificate">${t('recognition.certificate')}</a></p>`}
${detail.credential && html`<h3>${t('recognition.credential')}</h3><p>${t('recognition.credentialIntro')}</p>
<textarea readonly rows="6" cols="80" aria-label="${t('recognition.credential')}" data-field="credential">${detail.credential.jwt}</textarea>`}</section>`;
}
