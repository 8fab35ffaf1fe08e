import type { TFunction } from 'i18next';
import type { Language } from '../domain/language.js';
import { translations } from '../infra/translations.js';
import { de } from './locales/de.js';
import { en } from './locales/en.js';
import { fr } from './locales/fr.js';

/** The message texts in one recipient's language. */
export const messagesIn: (language: Language) => TFunction = await translations({ en, fr, de });
