import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The latest revision of a case's request, as amended (the first one is the submission). */
export function latestRevision(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_revisions')
    .select(['revision', 'changes', 'amended_at'])
    .where('case_id', '=', caseId)
    .orderBy('revision', 'desc')
    .limit(1)
    .executeTakeFirst();
}
