import type { TFunction } from 'i18next';
import type { FieldProblem } from '../api/problem.js';
import { html, type Html } from './html.js';

/** The problems of a form by field: a field's name is its JSON pointer's path with dots (`apprentice.birthDate`). */
export type FieldErrors = ReadonlyMap<string, string>;

export const noErrors: FieldErrors = new Map();

/** The field-level problems the API would answer, keyed by the form's field names. */
export function fieldErrorsOf(problems: readonly FieldProblem[] | undefined): FieldErrors {
  const errors = new Map<string, string>();
  for (const { pointer, detail } of problems ?? []) {
    const name = pointer.replace(/^#\/?/, '').split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~')).join('.');
    errors.set(name, errors.has(name) ? `${errors.get(name)}; ${detail}` : detail);
  }
  return errors;
}

/** A form's posted fields as the nested object a command has: `apprentice.givenName` → `{ apprentice: { givenName } }`. Empty fields are left out. */
export function nestedFields(form: Record<string, unknown>): Record<string, unknown> {
  const nested: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(form)) {
    if (typeof value !== 'string' || value.trim() === '') continue;
    const path = name.split('.');
    let node = nested;
    for (const segment of path.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>;
    node[path.at(-1)!] = value;
  }
  return nested;
}

const fieldId = (name: string) => `field-${name.replaceAll('.', '-')}`;

/** Above the form, linking to each field in error, as the GOV.UK pattern does. */
export function errorSummary(t: TFunction, errors: FieldErrors, label: (name: string) => string = (name) => name): Html | false {
  if (errors.size === 0) return false;
  return html`<div class="error-summary" role="alert" tabindex="-1"><p>${t('form.errors', { count: errors.size })}</p>
<ul>${[...errors].map(([name, detail]) => html`<li><a href="#${fieldId(name)}">${name ? label(name) : '—'}</a>: ${detail}</li>`)}</ul></div>`;
}

interface Field {
  name: string;
  label: string;
  errors: FieldErrors;
  value?: string | undefined;
  required?: boolean;
}

function wrap(field: Field, control: (attributes: Html) => Html): Html {
  const error = field.errors.get(field.name);
  const id = fieldId(field.name);
  const attributes = html`id="${id}" name="${field.name}" ${field.required && html`required`} ${error !== undefined && html`aria-invalid="true" aria-describedby="${id}-error"`}`;
  return html`<div class="field${error !== undefined ? ' invalid' : ''}"><label for="${id}">${field.label}</label>
${control(attributes)}${error !== undefined && html`<p class="field-error" id="${id}-error">${error}</p>`}</div>`;
}

export function inputField(field: Field & { type?: 'text' | 'date' | 'email' | 'number'; step?: string }): Html {
  return wrap(field, (attributes) => html`<input type="${field.type ?? 'text'}" ${attributes} value="${field.value ?? ''}" ${field.step && html`step="${field.step}"`}>`);
}

/** A file to upload: its form posts `multipart/form-data`. */
export function fileField(field: Field & { accept: string }): Html {
  return wrap(field, (attributes) => html`<input type="file" ${attributes} accept="${field.accept}">`);
}

export function textArea(field: Field): Html {
  return wrap(field, (attributes) => html`<textarea ${attributes} rows="4">${field.value ?? ''}</textarea>`);
}

export function selectField(field: Field & { options: readonly { value: string; label: string }[]; placeholder?: string }): Html {
  return wrap(
    field,
    (attributes) => html`<select ${attributes}>${field.placeholder !== undefined && html`<option value="">${field.placeholder}</option>`}${field.options.map(
      (option) => html`<option value="${option.value}" ${option.value === field.value && html`selected`}>${option.label}</option>`,
    )}</select>`,
  );
}

export function checkboxField(field: Field & { checked: boolean }): Html {
  const error = field.errors.get(field.name);
  const id = fieldId(field.name);
  return html`<div class="field${error !== undefined ? ' invalid' : ''}"><label><input type="checkbox" id="${id}" name="${field.name}" value="true" ${field.checked && html`checked`}> ${field.label}</label>
${error !== undefined && html`<p class="field-error" id="${id}-error">${error}</p>`}</div>`;
}
