import type { Language } from './language.js';
import type { OrganisationKind } from './parties.js';

/** The authenticated user and the organisation they act for. */
export interface Caller {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  language: Language;
}
