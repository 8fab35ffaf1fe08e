import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Supervisors assign tasks and hear of the ones missed.
  await db.schema.alterTable('users').addColumn('is_supervisor', 'boolean', (c) => c.notNull().defaultTo(false)).execute();

  await db.schema
    .alterTable('tasks')
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', 'timestamptz')
    // Per-field comments of a request for changes.
    .addColumn('comments', 'jsonb')
    .execute();
  // The employer's amendment is a task too.
  await sql`alter table tasks drop constraint tasks_kind_check`.execute(db);
  await sql`alter table tasks add constraint tasks_kind_check check (kind in ('opinion', 'enrolment', 'decision', 'amendment'))`.execute(db);
  await db.schema.createIndex('tasks_assignee').on('tasks').columns(['assignee_user_id', 'status']).execute();

  await db.schema.alterTable('cases').addColumn('request_revision', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  // Every revision of a request as the employer submitted it, with what changed from the one before.
  await db.schema
    .createTable('case_revisions')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('request', 'jsonb', (c) => c.notNull())
    .addColumn('changes', 'jsonb', (c) => c.notNull())
    .addColumn('amended_by', 'text', (c) => c.references('users.id'))
    .addColumn('amended_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_revisions_pk', ['case_id', 'revision'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('case_revisions').execute();
  await db.schema.alterTable('cases').dropColumn('request_revision').execute();
  await sql`alter table tasks drop constraint tasks_kind_check`.execute(db);
  await sql`alter table tasks add constraint tasks_kind_check check (kind in ('opinion', 'enrolment', 'decision'))`.execute(db);
  await db.schema.alterTable('tasks').dropColumn('comments').dropColumn('due_at').dropColumn('assignee_user_id').execute();
  await db.schema.alterTable('users').dropColumn('is_supervisor').execute();
}
