import type { Language } from './language.js';
import type { OrganisationKind } from './parties.js';

/** `recognition_officer`: ministry staff who examine and decide diploma recognitions. */
export const userRoles = ['administrator', 'recognition_officer'] as const;
/** What a user may do beyond their organisation's part in a case. */
export type UserRole = (typeof userRoles)[number];

/** The authenticated user and the organisation they act for. */
export interface Caller {
  userId: string;
  organisationId: string;
  organisationKind: OrganisationKind;
  language: Language;
  roles: UserRole[];
}
