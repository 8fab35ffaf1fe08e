import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Each version of a registered contract's allowance schedule, from the date it takes effect:
  // stored when computed, never recomputed on read.
  await db.schema
    .createTable('allowance_schedules')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('effective_from', 'date', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull().check(sql`reason in ('registration', 'mid_course', 'table_change', 'change')`))
    .addColumn('mid_course_passed_on', 'date')
    // The contract's length the schedule covers: an extension after a failed final exam adds a year.
    .addColumn('duration_months', 'integer', (c) => c.notNull())
    .addColumn('years', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('allowance_schedules_pkey', ['case_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('allowance_schedules').execute();
}
