import { Router, type Response } from 'express';
import type { ApiDependencies } from '../../api/dependencies.js';
import { problemFor, valueOr } from '../../api/outcomes.js';
import { fromZodError } from '../../api/problem.js';
import type { TaskDetail } from '../../api/responses.js';
import { answerableTask, completeTask } from '../../application/complete-task.js';
import { viewContract } from '../../application/view-contract.js';
import { viewTask } from '../../application/view-task.js';
import { requestFields } from '../../domain/amendment-policy.js';
import { answerSchemas, isAnswerable, type AnswerableKind } from '../../domain/answers.js';
import { errorSummary, fieldErrorsOf, inputField, noErrors, selectField, textArea, type FieldErrors } from '../forms.js';
import { html, type Html } from '../html.js';
import { page, type PageContext } from '../layout.js';
import { pageContext, sendPage } from '../pages.js';

/** A field an answer takes beside its outcome and reasons. */
interface AnswerField {
  name: string;
  type: 'date' | 'text' | 'yes-no';
}

/** What each kind of task's form asks: the outcomes its answer schema takes, and any further fields. */
const answerForms: Record<AnswerableKind, { outcomes: readonly string[]; fields?: readonly AnswerField[]; reasons?: false; comments?: true }> = {
  opinion: { outcomes: ['favourable', 'unfavourable', 'changes_requested'], comments: true },
  enrolment: { outcomes: ['confirmed', 'declined', 'changes_requested'], comments: true },
  decision: { outcomes: ['authorised', 'refused', 'changes_requested'], comments: true },
  signature: { outcomes: ['signed'], reasons: false },
  scan_review: { outcomes: ['accepted', 'rejected'] },
  registration: { outcomes: ['registered'], reasons: false },
  change_agreement: { outcomes: ['accepted', 'rejected'] },
  termination_agreement: { outcomes: ['agreed', 'refused'] },
  school_year_result: { outcomes: ['passed', 'failed'], fields: [{ name: 'midCourseProjectPassed', type: 'yes-no' }, { name: 'midCourseProjectPassedOn', type: 'date' }] },
  final_exam: { outcomes: ['passed', 'failed'], fields: [{ name: 'diplomaTitle', type: 'text' }, { name: 'diplomaDate', type: 'date' }] },
  social_security: { outcomes: ['confirmed'], fields: [{ name: 'affiliationNumber', type: 'text' }, { name: 'affiliatedOn', type: 'date' }], reasons: false },
  medical_examination: { outcomes: ['examined'], fields: [{ name: 'examinedOn', type: 'date' }], reasons: false },
};

const commentField = (field: string) => `comment:${field}`;

/** The posted form as the answer the API takes: empty fields left out, a comment per field requesting a change. */
function answerFromForm(kind: AnswerableKind, form: Record<string, unknown>): { answer: Record<string, unknown>; commentNames: string[] } {
  const text = (name: string) => (typeof form[name] === 'string' && (form[name] as string).trim() !== '' ? (form[name] as string) : undefined);
  const answer: Record<string, unknown> = { outcome: text('outcome') };
  if (text('reasons') !== undefined) answer.reasons = text('reasons');
  if (text('documentSha256') !== undefined) answer.documentSha256 = text('documentSha256');
  for (const field of answerForms[kind].fields ?? []) {
    const value = text(field.name);
    if (value !== undefined) answer[field.name] = field.type === 'yes-no' ? value === 'yes' : value;
  }
  const commentNames: string[] = [];
  if (answer.outcome === 'changes_requested') {
    answer.comments = requestFields.flatMap((field) => {
      const comment = text(commentField(field));
      if (comment === undefined) return [];
      commentNames.push(commentField(field));
      return [{ field, comment }];
    });
  }
  return { answer, commentNames };
}

/** A problem about the n-th comment belongs next to the field it comments on. */
function placeCommentErrors(errors: FieldErrors, commentNames: string[]): FieldErrors {
  return new Map([...errors].map(([name, detail]) => [/^comments\.(\d+)/.test(name) ? (commentNames[Number(/^comments\.(\d+)/.exec(name)![1])] ?? name) : name, detail]));
}

function answerForm(context: PageContext, task: TaskDetail, kind: AnswerableKind, values: Record<string, string>, errors: FieldErrors, contract: { sha256: string; document: string } | undefined): Html {
  const { t } = context;
  const form = answerForms[kind];
  const fieldLabel = (name: string) => t(`field.${name}`, { defaultValue: name });
  return html`${errorSummary(t, errors)}
<form method="post" action="/tasks/${encodeURIComponent(task.id)}" novalidate>
${contract && html`<p><a href="${contract.document}">${t('task.contract')}</a> <code>${contract.sha256}</code></p><input type="hidden" name="documentSha256" value="${contract.sha256}">`}
${selectField({ name: 'outcome', label: t('task.outcome'), value: values.outcome ?? (form.outcomes.length === 1 ? form.outcomes[0] : undefined), errors, required: true, placeholder: t('form.choose'), options: form.outcomes.map((outcome) => ({ value: outcome, label: t(`outcome.${outcome}`) })) })}
${(form.fields ?? []).map((field) =>
  field.type === 'yes-no'
    ? selectField({ name: field.name, label: fieldLabel(field.name), value: values[field.name], errors, placeholder: '—', options: [{ value: 'yes', label: t('form.yes') }, { value: 'no', label: t('form.no') }] })
    : inputField({ name: field.name, label: fieldLabel(field.name), type: field.type, value: values[field.name], errors }),
)}
${form.reasons !== false && textArea({ name: 'reasons', label: t('task.reasons'), value: values.reasons, errors })}
${form.comments && html`<details ${[...errors.keys()].some((name) => name.startsWith('comment')) && html`open`}><summary>${t('outcome.changes_requested')}</summary><p>${t('task.commentsHint')}</p>
${requestFields.map((field) => inputField({ name: commentField(field), label: t('task.comment', { field }), value: values[commentField(field)], errors }))}</details>`}
<p><button type="submit">${t('task.send')}</button></p></form>`;
}

function taskContext(context: PageContext, task: TaskDetail): Html {
  const { t } = context;
  const answered = (task.answers ?? []).concat(task.changeRequests ?? []);
  return html`<p><a href="/cases/${task.caseId}">${t('case.title', { reference: task.case.reference })}</a> · ${t(`status.${task.case.status}`)} · ${task.case.tradeCode}${
    task.dueOn && html` · ${t('inbox.due')} ${task.dueOn}`
  }</p>
${task.lastAmendment && html`<section><h2>${t('task.lastAmendment')}</h2><ul>${task.lastAmendment.changes.map((change) => html`<li><code>${change.field}</code>: ${JSON.stringify(change.before ?? null)} → ${JSON.stringify(change.after ?? null)}</li>`)}</ul></section>`}
${answered.length > 0 && html`<section><h2>${t('case.answers')}</h2><ul>${answered.map(
    (other) => html`<li>${other.organisation.name}: ${other.answer ? html`<strong>${t(`outcome.${other.answer.outcome}`)}</strong>${other.answer.reasons && html` — ${other.answer.reasons}`}` : t('case.notAnswered')}</li>`,
  )}</ul></section>`}`;
}

/** A task of the user's organisation, and the form that answers it with the API's own schema and rules. */
export function taskRoutes(dependencies: ApiDependencies): Router {
  const router = Router();

  async function showTask(response: Response, taskId: string, values: Record<string, string>, errors: FieldErrors, status = 200) {
    const context = pageContext(response);
    const { t } = context;
    const task = valueOr(await viewTask(dependencies, context.caller, taskId));
    let body: Html;
    if (task.status !== 'open') body = html`<p>${t('task.done', { status: t(`status.${task.status}`) })}</p>`;
    else if (!isAnswerable(task.kind)) body = html`<p><a href="/cases/${task.caseId}/amendment">${t('amendment.link')}</a></p>`;
    else {
      const contract = task.kind === 'signature' ? await currentContract(context, task.caseId) : undefined;
      body = html`<h2>${t('task.answer')}</h2>${answerForm(context, task, task.kind, values, errors, contract)}`;
    }
    sendPage(response, page(context, t('task.title', { kind: t(`kind.${task.kind}`), reference: task.case.reference }), html`${taskContext(context, task)}${body}`), status);
  }

  /** The version the employer signs: its PDF to read and the SHA-256 the signature names. */
  async function currentContract(context: PageContext, caseId: string) {
    const contract = await viewContract(dependencies, context.caller, caseId);
    return contract.kind === 'ok' ? { sha256: contract.value.versions.at(-1)!.sha256, document: `/cases/${caseId}/contract/versions/${contract.value.currentVersion}/document` } : undefined;
  }

  router.get('/tasks/:id', (request, response) => showTask(response, request.params.id, {}, noErrors));

  router.post('/tasks/:id', async (request, response) => {
    const caller = pageContext(response).caller;
    const values = (request.body ?? {}) as Record<string, string>;
    const { kind } = valueOr(await answerableTask(dependencies, caller, request.params.id));
    const { answer, commentNames } = answerFromForm(kind, values);
    const parsed = answerSchemas[kind].safeParse(answer);
    if (!parsed.success) return showTask(response, request.params.id, values, placeCommentErrors(fieldErrorsOf(fromZodError(parsed.error).errors), commentNames), 400);
    const completed = await completeTask(dependencies, caller, { taskId: request.params.id, answer: parsed.data });
    if (completed.kind === 'invalid') return showTask(response, request.params.id, values, fieldErrorsOf(problemFor(completed).errors), 400);
    response.redirect(303, `/cases/${valueOr(completed).caseId}`);
  });

  return router;
}
