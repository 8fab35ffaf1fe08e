import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DocumentMediaType } from '../domain/documents.js';
import type { DocumentLanguage, RecognitionDocumentKind, TranslatedKind } from '../domain/recognition.js';
import type { Database } from './schema.js';

export interface NewRecognitionDocument {
  recognitionId: string;
  kind: RecognitionDocumentKind;
  language: DocumentLanguage;
  translationOf: TranslatedKind | undefined;
  fileName: string;
  mediaType: DocumentMediaType;
  size: number;
  sha256: string;
  userId: string;
}

function selectDocuments(db: Kysely<Database>) {
  return db
    .selectFrom('recognition_documents')
    .innerJoin('users', 'users.id', 'recognition_documents.uploaded_by')
    .selectAll('recognition_documents')
    .select('users.name as uploaded_by_name');
}

export type RecognitionDocumentRow = Awaited<ReturnType<ReturnType<typeof selectDocuments>['execute']>>[number];

/** Adds a document; the same file sent again for the same kind is the document already there (`created` false). */
export async function addRecognitionDocument(db: Kysely<Database>, document: NewRecognitionDocument): Promise<{ created: boolean; row: RecognitionDocumentRow }> {
  const inserted = await db
    .insertInto('recognition_documents')
    .values({
      id: randomUUID(),
      recognition_id: document.recognitionId,
      kind: document.kind,
      language: document.language,
      translation_of: document.translationOf ?? null,
      file_name: document.fileName,
      media_type: document.mediaType,
      size: document.size,
      sha256: document.sha256,
      uploaded_by: document.userId,
    })
    .onConflict((c) => c.columns(['recognition_id', 'kind', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  const row = await selectDocuments(db)
    .where('recognition_documents.recognition_id', '=', document.recognitionId)
    .where('recognition_documents.kind', '=', document.kind)
    .where('recognition_documents.sha256', '=', document.sha256)
    .executeTakeFirstOrThrow();
  return { created: inserted !== undefined, row };
}

/** A recognition's documents, in the order they came. */
export async function recognitionDocuments(db: Kysely<Database>, recognitionId: string): Promise<RecognitionDocumentRow[]> {
  return selectDocuments(db).where('recognition_documents.recognition_id', '=', recognitionId).orderBy('recognition_documents.uploaded_at').orderBy('recognition_documents.id').execute();
}

export async function findRecognitionDocument(db: Kysely<Database>, recognitionId: string, documentId: string): Promise<RecognitionDocumentRow | undefined> {
  return selectDocuments(db).where('recognition_documents.recognition_id', '=', recognitionId).where('recognition_documents.id', '=', documentId).executeTakeFirst();
}
