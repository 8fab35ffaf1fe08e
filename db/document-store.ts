import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DocumentStore } from '../application/document-store.js';
import type { Database } from './schema.js';

/** The document store in PostgreSQL: one `bytea` row per distinct file. */
export function postgresDocumentStore(db: Kysely<Database>): DocumentStore {
  return {
    async put(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      // Bytes already kept are not sent to the database again.
      const kept = await db.selectFrom('document_blobs').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
      if (!kept) {
        await db.insertInto('document_blobs').values({ sha256, bytes }).onConflict((c) => c.column('sha256').doNothing()).execute();
      }
      return sha256;
    },
    async get(sha256) {
      const row = await db.selectFrom('document_blobs').select('bytes').where('sha256', '=', sha256).executeTakeFirst();
      return row?.bytes;
    },
  };
}
