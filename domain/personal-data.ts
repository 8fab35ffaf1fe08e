import type { PartyKind } from './parties.js';
import type { FieldChange } from './request-changes.js';

/**
 * Who needs each piece of the apprentice's personal data: the others see that it
 * exists, not what it is. The name is shared: every party must know whom a case is about.
 */
export const personalFields = {
  '/apprentice/birthDate': ['employer', 'adem', 'foreign_school', 'ministry'],
  '/apprentice/admRegistrationNumber': ['employer', 'adem', 'ministry'],
  '/apprentice/email': ['employer', 'foreign_school', 'ministry'],
  '/socialSecurity/affiliationNumber': ['employer', 'ministry'],
  '/legalRepresentative/email': ['employer', 'ministry'],
} as const satisfies Record<string, readonly PartyKind[]>;

export const withheld = '[withheld]';

export function mayKnow(field: string, party: PartyKind): boolean {
  const parties = (personalFields as Record<string, readonly PartyKind[]>)[field];
  return !parties || parties.includes(party);
}

/** The request as `party` may see it. */
export function requestFor<T extends { apprentice: object; legalRepresentative?: object | undefined }>(request: T, party: PartyKind): T {
  const withholding = (name: 'apprentice' | 'legalRepresentative', person: object) => {
    const fields: Record<string, unknown> = { ...person };
    for (const key of Object.keys(fields)) {
      if (!mayKnow(`/${name}/${key}`, party)) fields[key] = withheld;
    }
    return fields;
  };
  const { legalRepresentative } = request;
  return { ...request, apprentice: withholding('apprentice', request.apprentice), ...(legalRepresentative ? { legalRepresentative: withholding('legalRepresentative', legalRepresentative) } : {}) };
}

/** Amended fields as `party` may see them: that a withheld field changed, not its values. */
export function changesFor(changes: readonly FieldChange[], party: PartyKind): FieldChange[] {
  return changes.map((change) => (mayKnow(change.field, party) ? change : { field: change.field, before: withheld, after: withheld }));
}
