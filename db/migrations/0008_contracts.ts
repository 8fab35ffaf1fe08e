import { sql, type Kysely } from 'kysely';

const reviewTaskKinds = ['opinion', 'enrolment', 'decision', 'amendment'];
const contractTaskKinds = [
  ...reviewTaskKinds,
  'signature',
  'scan_review',
  'registration',
  'social_security',
  'medical_examination',
  'change_agreement',
  'termination_agreement',
  'school_year_result',
  'final_exam',
];

async function allowTaskKinds(db: Kysely<any>, kinds: string[]): Promise<void> {
  await sql`alter table tasks drop constraint tasks_kind_check`.execute(db);
  await sql`alter table tasks add constraint tasks_kind_check check (kind in (${sql.join(kinds.map((kind) => sql.lit(kind)))}))`.execute(db);
}

const requestDocumentKinds = ['school_report', 'enrolment_proof', 'representative_identity'];

async function allowDocumentKinds(db: Kysely<any>, kinds: string[]): Promise<void> {
  await sql`alter table documents drop constraint documents_kind_check`.execute(db);
  await sql`alter table documents add constraint documents_kind_check check (kind in (${sql.join(kinds.map((kind) => sql.lit(kind)))}))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await allowTaskKinds(db, contractTaskKinds);
  // A contract signed on paper, scanned and uploaded for the chamber to accept.
  await allowDocumentKinds(db, [...requestDocumentKinds, 'signed_contract']);
  // Each version of a case's apprenticeship contract: the PDF (by its SHA-256 in the document
  // store) and the terms it was drawn up from. A new version voids the signatures on the old.
  await db.schema
    .createTable('contracts')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('fr', 'de', 'en')`))
    .addColumn('terms', 'jsonb', (c) => c.notNull())
    .addColumn('drawn_up_at', 'timestamptz', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('awaiting_signatures').check(sql`status in ('awaiting_signatures', 'signed', 'registered', 'void')`))
    .addColumn('registration_number', 'text', (c) => c.unique())
    .addColumn('registered_at', 'timestamptz')
    .addColumn('registered_by', 'text', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('contracts_pkey', ['case_id', 'version'])
    .execute();
  // Who signed which version, when, and the hash of the document they signed.
  await db.schema
    .createTable('signatures')
    .addColumn('case_id', 'uuid', (c) => c.notNull())
    .addColumn('contract_version', 'integer', (c) => c.notNull())
    .addColumn('signer', 'text', (c) => c.notNull().check(sql`signer in ('employer', 'apprentice', 'legal_representative')`))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('online', 'scan')`))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('signed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().check(sql`sha256 ~ '^[0-9a-f]{64}$'`))
    .addColumn('scan_document_id', 'uuid', (c) => c.references('documents.id'))
    .addColumn('voided_at', 'timestamptz')
    .addPrimaryKeyConstraint('signatures_pkey', ['case_id', 'contract_version', 'signer'])
    .addForeignKeyConstraint('signatures_contract_fkey', ['case_id', 'contract_version'], 'contracts', ['case_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('signatures').execute();
  await db.schema.dropTable('contracts').execute();
  await allowTaskKinds(db, reviewTaskKinds);
  await allowDocumentKinds(db, requestDocumentKinds);
}
