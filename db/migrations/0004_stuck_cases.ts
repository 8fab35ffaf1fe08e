import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // A case that a failure retrying cannot fix has stopped says why (status `stuck`).
  await db.schema.alterTable('cases').addColumn('stuck_reason', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('stuck_reason').execute();
}
