import i18next, { type TFunction } from 'i18next';
import type { Language } from '../domain/language.js';

type Texts = Record<string, unknown>;

/**
 * One set of texts in the three languages, English where a text is missing. Nothing is
 * escaped here: mail is plain text, and the pages' `html` template escapes what it is given.
 */
export async function translations(texts: Record<Language, Texts>): Promise<(language: Language) => TFunction> {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: { en: { translation: texts.en }, fr: { translation: texts.fr }, de: { translation: texts.de } },
    fallbackLng: 'en',
    showSupportNotice: false,
    interpolation: { escapeValue: false },
  });
  return (language) => i18n.getFixedT(language);
}
