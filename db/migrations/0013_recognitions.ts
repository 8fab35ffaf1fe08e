import { sql, type Kysely } from 'kysely';
import { allowOrganisationKinds } from './0012_contract_course.js';

const organisationKinds = ['employer', 'adem', 'chamber', 'ministry', 'foreign_school', 'foreign_authority'];

export async function up(db: Kysely<any>): Promise<void> {
  // A person asking for recognition acts for an organisation of their own, so every caller has one.
  await allowOrganisationKinds(db, [...organisationKinds, 'applicant']);

  // A recognition as its workflow last recorded it. `request` holds personal data: the applicant
  // and the ministry's recognition staff read it, nobody else.
  await db.schema
    .createTable('recognitions')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('workflow_id', 'text', (c) => c.notNull().unique())
    // A graduate's recognition, started by the case's final exam: one per case.
    .addColumn('case_id', 'uuid', (c) => c.unique().references('cases.id'))
    .addColumn('applicant_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('applicant_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('request', 'jsonb', (c) => c.notNull())
    .addColumn('diploma_country', 'text', (c) => c.notNull())
    // The register's key of the diploma type (domain/recognition.ts diplomaTypeKey).
    .addColumn('diploma_key', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('awaiting_applicant', 'in_examination', 'awaiting_approval', 'recognised', 'refused')`))
    // The workflow's count of status changes: a write carrying an older one is ignored.
    .addColumn('status_sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('required_documents', 'jsonb', (c) => c.notNull())
    .addColumn('fee_cents', 'integer', (c) => c.notNull())
    .addColumn('payment', 'jsonb')
    .addColumn('payment_recorded_by', 'text', (c) => c.references('users.id'))
    // The last documents the ministry asked for again, while the request waits on the applicant.
    .addColumn('document_request', 'jsonb')
    .addColumn('proposal', 'jsonb')
    .addColumn('proposed_by', 'text', (c) => c.references('users.id'))
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('certificate_sha256', 'text')
    .addColumn('requested_at', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('recognitions_status').on('recognitions').columns(['status', 'requested_at']).execute();
  await db.schema.createIndex('recognitions_applicant').on('recognitions').column('applicant_organisation_id').execute();

  // A document of a recognition; its bytes are in the document store under its sha256.
  await db.schema
    .createTable('recognition_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('recognition_id', 'uuid', (c) => c.notNull().references('recognitions.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('diploma', 'transcript', 'identity_document', 'europass_supplement', 'translation')`))
    .addColumn('language', 'text', (c) => c.notNull().check(sql`language in ('fr', 'de', 'lb', 'en', 'other')`))
    .addColumn('translation_of', 'text', (c) => c.check(sql`translation_of in ('diploma', 'transcript', 'identity_document', 'europass_supplement')`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull().check(sql`media_type in ('application/pdf', 'image/png', 'image/jpeg')`))
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('recognition_documents_translation_check', sql`(kind = 'translation') = (translation_of is not null)`)
    // The same file sent again for the same kind is the same document (a retried upload).
    .addUniqueConstraint('recognition_documents_kind_sha256_key', ['recognition_id', 'kind', 'sha256'])
    .execute();

  // Each step a recognition spent waiting on someone, for its processing times. A step ends when
  // the next begins; the last ends with the decision.
  await db.schema
    .createTable('recognition_steps')
    .addColumn('recognition_id', 'uuid', (c) => c.notNull().references('recognitions.id'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('applicant', 'examination', 'approval')`))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addPrimaryKeyConstraint('recognition_steps_pkey', ['recognition_id', 'sequence'])
    .execute();

  // The register of decisions: each decision against the foreign diploma type it was about, so
  // the next request for the same type is proposed it. A revoked decision is no precedent.
  await db.schema
    .createTable('recognition_decisions')
    .addColumn('recognition_id', 'uuid', (c) => c.primaryKey().references('recognitions.id'))
    .addColumn('diploma_key', 'text', (c) => c.notNull())
    .addColumn('diploma', 'jsonb', (c) => c.notNull())
    .addColumn('decision', 'jsonb', (c) => c.notNull())
    // A refusal's reasons, or why an equivalence departs from its precedent.
    .addColumn('reasons', 'text')
    .addColumn('precedent_recognition_id', 'uuid', (c) => c.references('recognitions.id'))
    .addColumn('follows_precedent', 'boolean')
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('approved_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull())
    .addColumn('revoked_at', 'timestamptz')
    .addColumn('revoked_by', 'text', (c) => c.references('users.id'))
    .addColumn('revocation_reasons', 'text')
    .execute();
  await db.schema.createIndex('recognition_decisions_diploma').on('recognition_decisions').columns(['diploma_key', 'decided_at']).execute();

  // The credential issued for an equivalence: its id is the JWT's `jti`; its status is its decision's.
  await db.schema
    .createTable('recognition_credentials')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('recognition_id', 'uuid', (c) => c.notNull().unique().references('recognition_decisions.recognition_id'))
    .addColumn('jwt', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'timestamptz', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['recognition_credentials', 'recognition_decisions', 'recognition_steps', 'recognition_documents', 'recognitions']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`delete from users where organisation_id in (select id from organisations where kind = 'applicant')`.execute(db);
  await db.deleteFrom('organisations').where('kind', '=', 'applicant').execute();
  await allowOrganisationKinds(db, organisationKinds);
}
