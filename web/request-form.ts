import type { Kysely } from 'kysely';
import { listOrganisations } from '../db/organisations.js';
import { referenceVersions } from '../db/reference-store.js';
import type { Database } from '../db/schema.js';
import { requestFields } from '../domain/amendment-policy.js';
import { residenceCountries, type CaseRequest } from '../domain/case-request.js';
import { checkboxField, errorSummary, inputField, nestedFields, selectField, type FieldErrors } from './forms.js';
import { html, type Html } from './html.js';
import type { PageContext } from './layout.js';
import { euros } from './money.js';

/** The request's fields as the form posts them: dot paths, every value a string. */
export type RequestFormValues = Record<string, string>;

const numberFields = ['durationMonths', 'weeklyRhythm.schoolDays', 'weeklyRhythm.companyDays'];
const allowanceField = 'proposedMonthlyAllowanceCents';

/**
 * The posted form as the body the API takes, so the same schema and rules judge it: numbers
 * as numbers (a word stays a word, for the schema to name), the allowance from euros to cents.
 */
export function requestFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const strings = Object.fromEntries(Object.entries(form).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
  const { exceptional, [allowanceField]: allowance, ...fields } = strings;
  // Each part the request must have is there, so a missing field is named, not its whole part.
  const request: Record<string, unknown> = { apprentice: {}, foreignSchool: {}, tutor: {}, weeklyRhythm: {}, ...nestedFields(fields) };
  const number = (text: string) => (/^-?\d+([.,]\d+)?$/.test(text.trim()) ? Number(text.trim().replace(',', '.')) : text);
  for (const path of numberFields) {
    const [head, tail] = path.split('.') as [string, string | undefined];
    const holder = tail ? (request[head] as Record<string, unknown> | undefined) : request;
    const key = tail ?? head;
    if (holder && typeof holder[key] === 'string') holder[key] = number(holder[key] as string);
  }
  if (allowance?.trim()) {
    const euros = number(allowance);
    request[allowanceField] = typeof euros === 'number' ? Math.round(euros * 100) : euros;
  }
  if (exceptional === 'true') request.exceptional = true;
  return request;
}

/** A request as the form shows it, to amend it. */
export function formFromRequest(request: CaseRequest): RequestFormValues {
  const values: RequestFormValues = {};
  const walk = (value: unknown, path: string) => {
    if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, path ? `${path}.${key}` : key);
    else if (value !== undefined) values[path] = String(value);
  };
  walk(request, '');
  values[allowanceField] = (request.proposedMonthlyAllowanceCents / 100).toFixed(2);
  return values;
}

/** What the form's choices are drawn from: the trades in force and the foreign schools. */
export async function requestFormChoices(db: Kysely<Database>) {
  const [trades, schools] = await Promise.all([referenceVersions(db, 'trades'), listOrganisations(db, 'foreign_school')]);
  return { trades: trades[0]?.rows ?? [], schools };
}

export type RequestFormChoices = Awaited<ReturnType<typeof requestFormChoices>>;

/** The request form, new or to amend, with each problem next to its field. */
export function requestForm(
  context: PageContext,
  options: { action: string; values: RequestFormValues; errors: FieldErrors; choices: RequestFormChoices; hidden: Record<string, string>; submitLabel: string },
): Html {
  const { t, language } = context;
  const { values, errors } = options;
  const input = (name: string, label: string, type: 'text' | 'date' | 'email' | 'number' = 'text', required = true, step?: string) =>
    inputField({ name, label, type, value: values[name], errors, required, ...(step ? { step } : {}) });
  return html`${errorSummary(t, errors, (name) => requestFieldLabel(t, name))}
<form method="post" action="${options.action}" novalidate>
${Object.entries(options.hidden).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`)}
<fieldset><legend>${t('request.apprentice')}</legend>
${input('apprentice.givenName', t('request.givenName'))}
${input('apprentice.familyName', t('request.familyName'))}
${input('apprentice.birthDate', t('request.birthDate'), 'date')}
${selectField({ name: 'apprentice.residenceCountry', label: t('request.residenceCountry'), value: values['apprentice.residenceCountry'], errors, required: true, placeholder: t('form.choose'), options: residenceCountries.map((country) => ({ value: country, label: country })) })}
${input('apprentice.admRegistrationNumber', t('request.admRegistrationNumber'), 'text', false)}
${input('apprentice.email', t('request.email'), 'email')}
</fieldset>
<fieldset><legend>${t('request.legalRepresentative')}</legend>
${input('legalRepresentative.givenName', t('request.givenName'), 'text', false)}
${input('legalRepresentative.familyName', t('request.familyName'), 'text', false)}
${input('legalRepresentative.email', t('request.email'), 'email', false)}
</fieldset>
<fieldset><legend>${t('request.training')}</legend>
${selectField({ name: 'tradeCode', label: t('request.tradeCode'), value: values.tradeCode, errors, required: true, placeholder: t('form.choose'), options: options.choices.trades.map((trade) => ({ value: trade.code, label: `${trade.names[language]} (${trade.code})` })) })}
${selectField({ name: 'foreignSchool.organisationId', label: t('request.school'), value: values['foreignSchool.organisationId'], errors, required: true, placeholder: t('form.choose'), options: options.choices.schools.map((school) => ({ value: school.id, label: `${school.name} (${school.country})` })) })}
${input('foreignSchool.programme', t('request.programme'))}
${input('startDate', t('request.startDate'), 'date')}
${input('durationMonths', t('request.durationMonths'), 'number')}
${input('weeklyRhythm.schoolDays', t('request.schoolDays'), 'number')}
${input('weeklyRhythm.companyDays', t('request.companyDays'), 'number')}
${input(allowanceField, t('request.allowance'), 'number', true, '0.01')}
${checkboxField({ name: 'exceptional', label: t('request.exceptional'), checked: values.exceptional === 'true', errors })}
</fieldset>
<fieldset><legend>${t('request.tutor')}</legend>
${input('tutor.name', t('request.tutorName'))}
${input('tutor.email', t('request.email'), 'email', false)}
</fieldset>
<p><button type="submit">${options.submitLabel}</button></p>
</form>`;
}

const groupOf: Record<string, string> = { apprentice: 'request.apprentice', legalRepresentative: 'request.legalRepresentative', tutor: 'request.tutor' };
const labelOf: Record<string, string> = {
  'foreignSchool.organisationId': 'request.school',
  'foreignSchool.programme': 'request.programme',
  'tutor.name': 'request.tutorName',
  'weeklyRhythm.schoolDays': 'request.schoolDays',
  'weeklyRhythm.companyDays': 'request.companyDays',
  [allowanceField]: 'request.allowance',
};

/** A request field's name as the form labels it, with its part: "The apprentice: Birth date". */
export function requestFieldLabel(t: PageContext['t'], path: string): string {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const label = t(labelOf[path] ?? `request.${tail ?? head}`);
  return groupOf[head] && tail ? `${t(groupOf[head])}: ${label}` : label;
}

/** The request's fields in the form's order, as the reader reads them: euros for the allowance, yes or no for a flag. */
export function requestFacts(context: PageContext, request: Record<string, unknown>): [string, string][] {
  const { t, language } = context;
  return requestFields.flatMap((pointer): [string, string][] => {
    const path = pointer.slice(1).replaceAll('/', '.');
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], request);
    if (value === undefined || value === null) return [];
    const shown = path === allowanceField && typeof value === 'number' ? euros(value, language) : typeof value === 'boolean' ? t(value ? 'form.yes' : 'form.no') : String(value);
    return [[requestFieldLabel(t, path), shown]];
  });
}
