import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The case workflow numbers the events it writes, in the order they happened in the case:
  // parallel writes can land in another order, and share a timestamp. Events written from
  // outside the workflow (assignments) and those written before this column have none.
  await db.schema.alterTable('events').addColumn('sequence', 'integer').execute();
  await db.schema
    .createIndex('events_case_sequence')
    .on('events')
    .columns(['case_id', 'sequence'])
    .unique()
    .where(sql.ref('sequence'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('events_case_sequence').execute();
  await db.schema.alterTable('events').dropColumn('sequence').execute();
}
