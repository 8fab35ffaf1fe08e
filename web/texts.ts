import i18next, { type TFunction } from 'i18next';
import type { Language } from '../domain/language.js';
import { de } from './texts/de.js';
import { en } from './texts/en.js';
import { fr } from './texts/fr.js';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr }, de: { translation: de } },
  fallbackLng: 'en',
  showSupportNotice: false,
  // The pages' `html` template escapes every value it is given; escaping here too would show entities.
  interpolation: { escapeValue: false },
});

/** The pages' texts in one user's language. */
export function pageTexts(language: Language): TFunction {
  return i18n.getFixedT(language);
}
