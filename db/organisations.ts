import type { Kysely } from 'kysely';
import type { OrganisationKind } from '../domain/parties.js';
import type { Database } from './schema.js';

const organisationColumns = ['organisations.id', 'organisations.kind', 'organisations.name', 'organisations.country', 'organisations.region', 'organisations.language'] as const;

/** The organisations that take part in cases, by name; of one kind if asked. */
/** The organisations of the directory, of one kind if asked; never an applicant, who is a person. */
export function listOrganisations(db: Kysely<Database>, kind?: OrganisationKind) {
  let select = db.selectFrom('organisations').select(organisationColumns).where('organisations.kind', '<>', 'applicant');
  if (kind) select = select.where('organisations.kind', '=', kind);
  return select.orderBy('organisations.name').orderBy('organisations.id').execute();
}

export type OrganisationRow = Awaited<ReturnType<typeof listOrganisations>>[number];

/** A user with the organisation they act for. */
export function findUserWithOrganisation(db: Kysely<Database>, userId: string) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select([...organisationColumns, 'users.id as user_id', 'users.name as user_name', 'users.language as user_language', 'users.is_supervisor'])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
}
