import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row per published version of a reference table; its rows travel together, as
  // they were published. A version is never edited: the next one closes it.
  await db.schema
    .createTable('reference_versions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('table_name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('legal_reference', 'text', (c) => c.notNull())
    .addColumn('sample', 'boolean', (c) => c.notNull())
    .addColumn('rows', 'jsonb', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('reference_versions_table_valid_from', ['table_name', 'valid_from'])
    .addCheckConstraint('reference_versions_period', sql`valid_to is null or valid_to > valid_from`)
    .execute();

  await db.schema.alterTable('organisations').addColumn('region', 'text').execute();
  // The eligibility check as the workflow recorded it at submission.
  await db.schema.alterTable('cases').addColumn('eligibility', 'jsonb').execute();
  await db.schema.alterTable('tasks').addColumn('due_on', 'date').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('due_on').execute();
  await db.schema.alterTable('cases').dropColumn('eligibility').execute();
  await db.schema.alterTable('organisations').dropColumn('region').execute();
  await db.schema.dropTable('reference_versions').execute();
}
