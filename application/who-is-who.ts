import { findUserWithOrganisation, listOrganisations as organisationsOf, type OrganisationRow } from '../db/organisations.js';
import type { Caller } from '../domain/caller.js';
import type { OrganisationKind } from '../domain/parties.js';
import type { Me, Organisation } from '../api/responses.js';
import { isSupervisor } from './access.js';
import { ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

function organisationView(row: OrganisationRow): Organisation {
  return { id: row.id, kind: row.kind, name: row.name, country: row.country, region: row.region, languages: [row.language] };
}

/** Who the caller is: their organisation, their roles, their language. */
export async function viewMe({ db }: Services, caller: Caller): Promise<Outcome<Me>> {
  const row = await findUserWithOrganisation(db, caller.userId);
  return ok({
    id: row.user_id,
    name: row.user_name,
    organisation: organisationView(row),
    roles: [...(isSupervisor(row) ? (['supervisor'] as const) : []), ...caller.roles],
    language: row.user_language,
  });
}

/** The organisations a case can involve, so a user need not find a school's country by trial and error. */
export async function listOrganisations({ db }: Services, _caller: Caller, query: { kind?: OrganisationKind | undefined }): Promise<Outcome<{ items: Organisation[] }>> {
  return ok({ items: (await organisationsOf(db, query.kind)).map(organisationView) });
}
