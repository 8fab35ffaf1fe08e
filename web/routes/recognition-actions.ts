import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ApiDependencies } from '../../api/dependencies.js';
import { problemFor } from '../../api/outcomes.js';
import { fromZodError, type HttpProblem } from '../../api/problem.js';
import { approvalBody, recognitionDocumentQuery } from '../../api/routes/recognitions.js';
import {
  approveRecognitionDecision,
  proposeRecognitionDecision,
  recordRecognitionPayment,
  requestRecognitionDocuments,
  submitRecognitionDocuments,
} from '../../application/decide-recognition.js';
import type { Failure, Outcome } from '../../application/outcome.js';
import { uploadRecognitionDocument } from '../../application/recognition-documents.js';
import { revokeRecognition } from '../../application/revoke-recognition.js';
import type { Caller } from '../../domain/caller.js';
import { documentRequestSchema, paymentSchema, recognitionDecisionSchema, recognitionDocumentKinds, revocationSchema } from '../../domain/recognition.js';
import { fileFormBody, fileFormOf } from '../file-form.js';
import { fieldErrorsOf, nestedFields, noErrors } from '../forms.js';
import { pageContext } from '../pages.js';
import { showRecognition } from '../recognition-page.js';
import { translatedKinds, underPrefix } from '../recognition-forms.js';

type FormValues = Record<string, string>;

/** An action a recognition's page posts: the form's fields as the API's body, judged by the API's schema, done by the API's function. */
interface RecognitionAction<C> {
  /** The form's prefix: its fields are `<prefix>.<field of the body>`. */
  prefix: string;
  body: (values: FormValues) => unknown;
  schema: z.ZodType<C>;
  run: (dependencies: ApiDependencies, caller: Caller, recognitionId: string, command: C) => Promise<Outcome<unknown>>;
  /** Where a problem at a field of the body belongs in the form, when the names differ. */
  place?: (field: string, values: FormValues) => string;
}

/** The fields posted under a form's prefix, as the nested object the body is. */
const fieldsUnder = (prefix: string, values: FormValues) => (nestedFields(values)[prefix] ?? {}) as Record<string, unknown>;

/** Euros as typed (`75`, `75.00`, `75,5`) to cents; anything else stays as typed, for the schema to name. */
function cents(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  return /^\d+([.,]\d{1,2})?$/.test(text.trim()) ? Math.round(Number(text.trim().replace(',', '.')) * 100) : text;
}

/** The kinds asked for, in the order the form lists them: a problem about the n-th belongs to its row. */
const askedKinds = (values: FormValues) => translatedKinds.filter((kind) => values[`documentRequest.${kind}.problem`]);

const submission: RecognitionAction<unknown> = {
  prefix: 'submission',
  body: () => ({}),
  schema: z.object({}),
  run: (dependencies, caller, id) => submitRecognitionDocuments(dependencies, caller, id),
};

const documentRequest: RecognitionAction<z.infer<typeof documentRequestSchema>> = {
  prefix: 'documentRequest',
  body: (values) => ({ documents: askedKinds(values).map((kind) => ({ kind, ...(fieldsUnder('documentRequest', values)[kind] as object) })) }),
  schema: documentRequestSchema,
  run: (dependencies, caller, recognitionId, request) => requestRecognitionDocuments(dependencies, caller, { recognitionId, request }),
  place: (field, values) => {
    const [, index, rest] = /^documents\.(\d+)\.?(.*)$/.exec(field) ?? [];
    if (index === undefined) return field === 'documents' ? '' : field;
    return [askedKinds(values)[Number(index)] ?? index, rest].filter(Boolean).join('.');
  },
};

const payment: RecognitionAction<z.infer<typeof paymentSchema>> = {
  prefix: 'payment',
  body: (values) => {
    const fields = fieldsUnder('payment', values);
    return { ...fields, amountCents: cents(fields.amountCents) };
  },
  schema: paymentSchema,
  run: (dependencies, caller, recognitionId, paid) => recordRecognitionPayment(dependencies, caller, { recognitionId, payment: paid }),
};

const decision: RecognitionAction<z.infer<typeof recognitionDecisionSchema>> = {
  prefix: 'decision',
  // Only the fields the chosen outcome takes: a refusal names no qualification.
  body: (values) => {
    const { outcome, qualification, tradeCode, reasons } = fieldsUnder('decision', values);
    return outcome === 'refusal' ? { outcome, reasons } : { outcome, qualification, tradeCode, reasons };
  },
  schema: recognitionDecisionSchema,
  run: (dependencies, caller, recognitionId, proposed) => proposeRecognitionDecision(dependencies, caller, { recognitionId, decision: proposed }),
};

const approval: RecognitionAction<z.infer<typeof approvalBody>> = {
  prefix: 'approval',
  // The button pressed says whether it is approved.
  body: (values) => ({ approved: values.approved === 'true' ? true : values.approved === 'false' ? false : undefined, ...fieldsUnder('approval', values) }),
  schema: approvalBody,
  run: (dependencies, caller, recognitionId, { approved, reasons }) => approveRecognitionDecision(dependencies, caller, { recognitionId, approved, reasons }),
};

const revocation: RecognitionAction<z.infer<typeof revocationSchema>> = {
  prefix: 'revocation',
  body: (values) => fieldsUnder('revocation', values),
  schema: revocationSchema,
  run: (dependencies, caller, recognitionId, revoked) => revokeRecognition(dependencies, caller, recognitionId, revoked),
};

const actions = { submission, 'document-request': documentRequest, payment, decision, approval, revocation };

/** The actions on a recognition's page: each redirects to the page when done, or shows it again with what was refused and the API's status. */
export function recognitionActionRoutes(dependencies: ApiDependencies): Router {
  const router = Router();
  const { config } = dependencies;

  /** The page again: problems at the fields of the form posted, a refusal at no field (four eyes, a conflict) at the top. */
  function refused(response: Response, recognitionId: string, values: FormValues, problem: HttpProblem, place: (field: string) => string = (field) => field) {
    if (problem.status === 404) throw problem;
    const errors = fieldErrorsOf(problem.errors);
    const forms = errors.size > 0 ? { values, errors: new Map([...errors].map(([field, detail]) => [place(field), detail])) } : { values, errors: noErrors, alert: problem };
    return showRecognition(dependencies, response, recognitionId, forms, problem.status);
  }

  for (const [path, action] of Object.entries(actions) as [string, RecognitionAction<unknown>][]) {
    router.post(`/recognitions/:id/${path}`, async (request, response) => {
      const { caller } = pageContext(response);
      const values = (request.body ?? {}) as FormValues;
      const place = (field: string) => {
        const placed = action.place ? action.place(field, values) : field;
        return placed === '' ? action.prefix : `${action.prefix}.${placed}`;
      };
      const parsed = action.schema.safeParse(action.body(values));
      if (!parsed.success) return refused(response, request.params.id, values, fromZodError(parsed.error), place);
      const done = await action.run(dependencies, caller, request.params.id, parsed.data);
      if (done.kind !== 'ok') return refused(response, request.params.id, values, problemFor(done as Failure), place);
      response.redirect(303, `/recognitions/${request.params.id}`);
    });
  }

  router.post('/recognitions/:id/documents', fileFormBody(config), async (request: Request<{ id: string }>, response) => {
    const { t, caller } = pageContext(response);
    const recognitionId = request.params.id;
    const { fields, file } = await fileFormOf(request);
    const kind = (recognitionDocumentKinds as readonly string[]).includes(fields.kind ?? '') ? fields.kind! : 'upload';
    const fileProblem = (detail: string, status: number) => showRecognition(dependencies, response, recognitionId, { values: fields, errors: underPrefix(kind, new Map([['file', detail]])) }, status);
    const query = recognitionDocumentQuery.safeParse({
      kind: fields.kind,
      language: fields[`${kind}.language`] || undefined,
      translationOf: kind === 'translation' ? fields['translation.translationOf'] || undefined : undefined,
    });
    if (!query.success) return refused(response, recognitionId, fields, fromZodError(query.error), (field) => `${kind}.${field}`);
    if (!file) return fileProblem(t('recognition.noFile'), 400);
    if (file.bytes.length > config.DOCUMENT_MAX_BYTES) return fileProblem(t('recognition.tooLarge', { megabytes: Math.floor(config.DOCUMENT_MAX_BYTES / 1_000_000) }), 413);
    // The API's own checks: the file judged by its content and name, kept once by its SHA-256.
    const uploaded = await uploadRecognitionDocument(dependencies, caller, { recognitionId, ...query.data, fileName: file.name, sentAs: file.sentAs, bytes: file.bytes });
    if (uploaded.kind === 'file_refused') return fileProblem(uploaded.detail, problemFor(uploaded).status);
    if (uploaded.kind !== 'ok') return refused(response, recognitionId, fields, problemFor(uploaded), (field) => `${kind}.${field}`);
    response.redirect(303, `/recognitions/${recognitionId}`);
  });

  return router;
}
