import type { TFunction } from 'i18next';
import type { Language } from '../domain/language.js';
import { translations } from '../infra/translations.js';
import { de } from './texts/de.js';
import { en } from './texts/en.js';
import { fr } from './texts/fr.js';

/** The pages' texts in one user's language. */
export const pageTexts: (language: Language) => TFunction = await translations({ en, fr, de });
