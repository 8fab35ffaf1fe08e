import { sql, type Kysely } from 'kysely';
import {
  referenceTableNames,
  type ReferenceRow,
  type ReferenceTableName,
  type ReferenceVersion,
} from '../domain/reference-data.js';
import type { Database } from './schema.js';

export interface PublishedVersion<T extends ReferenceTableName = ReferenceTableName> extends ReferenceVersion<T> {
  publishedBy: string | null;
  publishedAt: string;
}

export class VersionConflict extends Error {}

function fromRow<T extends ReferenceTableName>(row: {
  table_name: string;
  valid_from: string;
  valid_to: string | null;
  legal_reference: string;
  sample: boolean;
  rows: unknown;
  published_by: string | null;
  published_at: Date;
}): PublishedVersion<T> {
  return {
    table: row.table_name as T,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    legalReference: row.legal_reference,
    sample: row.sample,
    rows: row.rows as ReferenceRow<T>[],
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  };
}

const versionColumns = ['table_name', 'valid_from', 'valid_to', 'legal_reference', 'sample', 'rows', 'published_by', 'published_at'] as const;

/** A table's versions, newest first. */
export async function referenceVersions<T extends ReferenceTableName>(db: Kysely<Database>, table: T): Promise<PublishedVersion<T>[]> {
  const rows = await db
    .selectFrom('reference_versions')
    .select(versionColumns)
    .where('table_name', '=', table)
    .orderBy('valid_from', 'desc')
    .execute();
  return rows.map((row) => fromRow<T>(row));
}

export async function loadReferenceData(db: Kysely<Database>): Promise<{ [T in ReferenceTableName]: PublishedVersion<T>[] }> {
  const rows = await db.selectFrom('reference_versions').select(versionColumns).orderBy('valid_from', 'desc').execute();
  const data = Object.fromEntries(referenceTableNames.map((name) => [name, [] as PublishedVersion[]])) as Record<string, PublishedVersion[]>;
  for (const row of rows) data[row.table_name]?.push(fromRow(row));
  return data as unknown as { [T in ReferenceTableName]: PublishedVersion<T>[] };
}

/**
 * Publishes a new version of a table from `validFrom`, closing the version before it.
 * Nobody edits a past version: a new one must start after the latest one does.
 */
export async function publishReferenceVersion<T extends ReferenceTableName>(
  db: Kysely<Database>,
  version: Omit<ReferenceVersion<T>, 'validTo'> & { publishedBy: string | null },
): Promise<PublishedVersion<T>> {
  return db.transaction().execute(async (trx) => {
    // One publication per table at a time, so two cannot both close the same version.
    await sql`select pg_advisory_xact_lock(hashtext(${`reference:${version.table}`}))`.execute(trx);
    const latest = await trx
      .selectFrom('reference_versions')
      .select('valid_from')
      .where('table_name', '=', version.table)
      .orderBy('valid_from', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (latest && latest.valid_from >= version.validFrom) {
      throw new VersionConflict(
        `The latest version of ${version.table} starts on ${latest.valid_from}; a new version must start after it`,
      );
    }
    await trx
      .updateTable('reference_versions')
      .set({ valid_to: version.validFrom })
      .where('table_name', '=', version.table)
      .where('valid_to', 'is', null)
      .execute();
    const inserted = await trx
      .insertInto('reference_versions')
      .values({
        table_name: version.table,
        valid_from: version.validFrom,
        legal_reference: version.legalReference,
        sample: version.sample,
        rows: JSON.stringify(version.rows),
        published_by: version.publishedBy,
      })
      .returning(versionColumns)
      .executeTakeFirstOrThrow();
    return fromRow<T>(inserted);
  });
}
