import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Every registration number given, per registrar and year: the ledger the next number is counted
  // from, and what makes giving one idempotent (one number per contract version, however often asked).
  await db.schema
    .createTable('contract_registrations')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('contract_version', 'integer', (c) => c.notNull())
    .addColumn('registrar_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull().check(sql`serial >= 1`))
    .addColumn('registration_number', 'text', (c) => c.notNull().unique())
    .addColumn('registered_at', 'timestamptz', (c) => c.notNull())
    .addColumn('registered_by', 'text', (c) => c.notNull().references('users.id'))
    .addPrimaryKeyConstraint('contract_registrations_pkey', ['case_id', 'contract_version'])
    .addUniqueConstraint('contract_registrations_serial_key', ['registrar_organisation_id', 'year', 'serial'])
    .execute();
  // The apprentice's social security affiliation as the employer confirmed it: personal data, kept
  // here for the parties who may see it, never in the event log or a mail.
  await db.schema
    .createTable('social_security_affiliations')
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('cases.id'))
    .addColumn('affiliation_number', 'text', (c) => c.notNull())
    .addColumn('affiliated_on', 'date', (c) => c.notNull())
    .addColumn('confirmed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('confirmed_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('social_security_affiliations').execute();
  await db.schema.dropTable('contract_registrations').execute();
}
