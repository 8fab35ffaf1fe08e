import { sql, type Kysely } from 'kysely';

const organisationKinds = ['employer', 'adem', 'chamber', 'ministry', 'foreign_school'];

/** Replaces the check on organisations.kind with one allowing `kinds` (later migrations add kinds too). */
export async function allowOrganisationKinds(db: Kysely<any>, kinds: string[]): Promise<void> {
  await sql`alter table organisations drop constraint organisations_kind_check`.execute(db);
  await sql`alter table organisations add constraint organisations_kind_check check (kind in (${sql.join(kinds.map((kind) => sql.lit(kind)))}))`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  // The partner body of a cross-border agreement (France Compétences …): told when a contract ends.
  await allowOrganisationKinds(db, [...organisationKinds, 'foreign_authority']);
  // The course of a running contract: each change of circumstances, suspension and termination,
  // as the case workflow last recorded it. Keyed by the workflow's own id, so a retried write
  // lands on the same row.
  await db.schema
    .createTable('contract_course')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('tutor', 'weekly_rhythm', 'end_date', 'allowance', 'suspension', 'termination')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'accepted', 'rejected', 'withdrawn', 'lapsed')`))
    // What was proposed (the new tutor, rhythm, end date or allowance; a termination's kind).
    .addColumn('details', 'jsonb', (c) => c.notNull())
    .addColumn('effective_on', 'date', (c) => c.notNull())
    // A suspension's resumption; null while it lasts and for everything else.
    .addColumn('ends_on', 'date')
    .addColumn('proposed_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('proposed_by_organisation_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('agreeing_organisation_id', 'text', (c) => c.references('organisations.id'))
    .addColumn('task_id', 'text', (c) => c.references('tasks.id'))
    .addColumn('reasons', 'text')
    .addColumn('proposed_at', 'timestamptz', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz')
    // When its effective date came and the case followed (a suspension begun, a contract ended).
    .addColumn('took_effect_at', 'timestamptz')
    .addPrimaryKeyConstraint('contract_course_pkey', ['case_id', 'id'])
    .execute();
  await db.schema.createIndex('contract_course_task').on('contract_course').column('task_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('contract_course').execute();
  await db.deleteFrom('organisations').where('kind', '=', 'foreign_authority').execute();
  await allowOrganisationKinds(db, organisationKinds);
}
