import type { Kysely } from 'kysely';
import type { Language } from '../domain/language.js';
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

/** Every user with their organisation's name, by organisation: the demonstration's sign-in list. */
export function listUsers(db: Kysely<Database>) {
  return db
    .selectFrom('users')
    .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['users.id', 'users.name', 'organisations.name as organisation_name', 'organisations.kind'])
    .orderBy('organisations.kind')
    .orderBy('organisations.name')
    .orderBy('users.name')
    .execute();
}

/** The users of one organisation, by name: whom a supervisor may give a task to. */
export function organisationUsers(db: Kysely<Database>, organisationId: string) {
  return db.selectFrom('users').select(['id', 'name']).where('organisation_id', '=', organisationId).orderBy('name').execute();
}

export async function setUserLanguage(db: Kysely<Database>, userId: string, language: Language): Promise<void> {
  await db.updateTable('users').set({ language }).where('id', '=', userId).execute();
}
