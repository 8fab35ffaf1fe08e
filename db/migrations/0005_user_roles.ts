import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // What a user may do beyond their organisation's part in a case: `administrator` reads Temporal's payloads.
  await db.schema.alterTable('users').addColumn('roles', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`)).execute();
}
