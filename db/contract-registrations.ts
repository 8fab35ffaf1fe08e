import { sql, type Kysely } from 'kysely';
import { luxembourgDate } from '../domain/luxembourg-date.js';
import { registrationNumber } from '../domain/registration-number.js';
import type { Database } from './schema.js';

export interface ContractRegistration {
  caseId: string;
  contractVersion: number;
  registrarOrganisationId: string;
  registeredBy: string;
  /** When the registrar completed its task. */
  registeredAt: string;
}

/**
 * Gives a contract version its registration number, the next of its registrar's year; asked
 * again (a retried activity), returns the number it already has. The contract version's own
 * row, once drawn up, carries the number too.
 */
export async function registerContract(db: Kysely<Database>, registration: ContractRegistration): Promise<string> {
  const { caseId, contractVersion, registrarOrganisationId, registeredBy, registeredAt } = registration;
  const year = Number(luxembourgDate(registeredAt).slice(0, 4));
  return db.transaction().execute(async (trx) => {
    // One registration at a time counts each registrar's year: no two contracts get one number.
    await sql`select pg_advisory_xact_lock(hashtext(${`registration/${registrarOrganisationId}/${year}`}))`.execute(trx);
    const given = await trx
      .selectFrom('contract_registrations')
      .select('registration_number')
      .where('case_id', '=', caseId)
      .where('contract_version', '=', contractVersion)
      .executeTakeFirst();
    let number = given?.registration_number;
    if (!number) {
      const { last } = await trx
        .selectFrom('contract_registrations')
        .select(sql<number>`coalesce(max(serial), 0)`.as('last'))
        .where('registrar_organisation_id', '=', registrarOrganisationId)
        .where('year', '=', year)
        .executeTakeFirstOrThrow();
      const serial = Number(last) + 1;
      number = registrationNumber(registrarOrganisationId, year, serial);
      await trx
        .insertInto('contract_registrations')
        .values({ case_id: caseId, contract_version: contractVersion, registrar_organisation_id: registrarOrganisationId, year, serial, registration_number: number, registered_at: registeredAt, registered_by: registeredBy })
        .execute();
    }
    await trx
      .updateTable('contracts')
      .set({ registration_number: number, registered_at: registeredAt, registered_by: registeredBy, status: 'registered' })
      .where('case_id', '=', caseId)
      .where('version', '=', contractVersion)
      .execute();
    return number;
  });
}

/** The case's registered contract: its number, when and by whom; undefined until registered. */
export async function registrationOf(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('contract_registrations')
    .innerJoin('organisations', 'organisations.id', 'contract_registrations.registrar_organisation_id')
    .select(['contract_version', 'registration_number', 'registered_at', 'organisations.id as registrar_id', 'organisations.name as registrar_name'])
    .where('case_id', '=', caseId)
    .orderBy('contract_version', 'desc')
    .executeTakeFirst();
}

export interface Affiliation {
  caseId: string;
  affiliationNumber: string;
  affiliatedOn: string;
  confirmedBy: string;
  confirmedAt: string;
}

/** Keeps the affiliation the employer confirmed; a retried write keeps the first. */
export async function recordAffiliation(db: Kysely<Database>, affiliation: Affiliation): Promise<void> {
  await db
    .insertInto('social_security_affiliations')
    .values({
      case_id: affiliation.caseId,
      affiliation_number: affiliation.affiliationNumber,
      affiliated_on: affiliation.affiliatedOn,
      confirmed_by: affiliation.confirmedBy,
      confirmed_at: affiliation.confirmedAt,
    })
    .onConflict((conflict) => conflict.column('case_id').doNothing())
    .execute();
}

export async function affiliationOf(db: Kysely<Database>, caseId: string) {
  return db.selectFrom('social_security_affiliations').select(['affiliation_number', 'affiliated_on', 'confirmed_at']).where('case_id', '=', caseId).executeTakeFirst();
}
