import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DocumentKind, DocumentMediaType } from '../domain/documents.js';
import { appendEvent } from './events.js';
import type { Database } from './schema.js';

export interface NewDocument {
  caseId: string;
  kind: DocumentKind;
  fileName: string;
  mediaType: DocumentMediaType;
  size: number;
  sha256: string;
  userId: string;
  organisationId: string;
}

function selectDocuments(db: Kysely<Database>) {
  return db
    .selectFrom('documents')
    .innerJoin('users', 'users.id', 'documents.uploaded_by')
    .select([
      'documents.id',
      'documents.case_id',
      'documents.kind',
      'documents.file_name',
      'documents.media_type',
      'documents.size',
      'documents.sha256',
      'documents.uploaded_by',
      'users.name as uploaded_by_name',
      'documents.uploaded_at',
    ]);
}

export type DocumentRow = Awaited<ReturnType<ReturnType<typeof selectDocuments>['execute']>>[number];

/**
 * Attaches a file to a case and logs it in the case's history, together. The same file sent
 * again for the same case and kind is the document already attached (`created` false).
 */
export async function attachDocument(db: Kysely<Database>, document: NewDocument): Promise<{ created: boolean; row: DocumentRow }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('documents')
      .values({
        id: randomUUID(),
        case_id: document.caseId,
        kind: document.kind,
        file_name: document.fileName,
        media_type: document.mediaType,
        size: document.size,
        sha256: document.sha256,
        uploaded_by: document.userId,
        uploaded_by_organisation_id: document.organisationId,
      })
      .onConflict((c) => c.columns(['case_id', 'kind', 'sha256']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await appendEvent(trx, {
        key: `${inserted.id}.attached`,
        caseId: document.caseId,
        at: new Date().toISOString(),
        userId: document.userId,
        organisationId: document.organisationId,
        type: 'document_attached',
        // The file name may name the apprentice: the history keeps only what identifies the file.
        data: { documentId: inserted.id, kind: document.kind, sha256: document.sha256 },
      });
    }
    const row = await selectDocuments(trx)
      .where('documents.case_id', '=', document.caseId)
      .where('documents.kind', '=', document.kind)
      .where('documents.sha256', '=', document.sha256)
      .executeTakeFirstOrThrow();
    return { created: inserted !== undefined, row };
  });
}

/** A case's documents, in the order they were attached. */
export function caseDocuments(db: Kysely<Database>, caseId: string) {
  return selectDocuments(db).where('documents.case_id', '=', caseId).orderBy('documents.uploaded_at').orderBy('documents.id').execute();
}

export function findCaseDocument(db: Kysely<Database>, caseId: string, documentId: string) {
  return selectDocuments(db).where('documents.case_id', '=', caseId).where('documents.id', '=', documentId).executeTakeFirst();
}
