import { sql, type Kysely } from 'kysely';

/** Row counts of every table of the schema: what "nothing was written" is checked against. */
export async function tableCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const { rows } = await sql<{ table_name: string }>`
    select table_name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name: table } of rows) {
    const { rows: [row] } = await sql<{ count: string }>`select count(*) as count from ${sql.table(table)}`.execute(db);
    counts[table] = Number(row!.count);
  }
  return counts;
}

/**
 * The counts once the workflows started before have finished writing (their tasks, events,
 * mail records): two readings a while apart that agree.
 */
export async function settledTableCounts(db: Kysely<any>): Promise<Record<string, number>> {
  let last = await tableCounts(db);
  for (let attempt = 0; attempt < 60; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await tableCounts(db);
    if (JSON.stringify(now) === JSON.stringify(last)) return now;
    last = now;
  }
  throw new Error(`the tables kept changing: ${JSON.stringify(last)}`);
}
