import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The case list pages newest first on (submitted_at, id): without this index every page
  // scanned and sorted all cases (73 ms at the median with 20,000 cases, bench/ read section).
  await sql`create index cases_newest on cases (submitted_at desc, id desc)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('cases_newest').execute();
}
