import type { Language } from '../domain/language.js';

const locales: Record<Language, string> = { fr: 'fr-LU', de: 'de-LU', en: 'en-GB' };

/** Cents as euros in the reader's way of writing them. */
export function euros(cents: number, language: Language): string {
  return new Intl.NumberFormat(locales[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}
