import i18next, { type TFunction } from 'i18next';
import type { Language } from '../domain/language.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, fr: { translation: fr }, de: { translation: de } },
  fallbackLng: 'en',
  showSupportNotice: false,
  // Plain-text mail: nothing to escape.
  interpolation: { escapeValue: false },
});

/** The message texts in one recipient's language. */
export function messagesIn(language: Language): TFunction {
  return i18n.getFixedT(language);
}
