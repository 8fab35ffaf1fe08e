import { z } from 'zod';
import { addRecognitionDocument, findRecognitionDocument, recognitionDocuments } from '../db/recognition-documents.js';
import type { Caller } from '../domain/caller.js';
import { checkDocument, fileNameProblem } from '../domain/documents.js';
import type { DocumentLanguage, RecognitionDocumentKind, TranslatedKind } from '../domain/recognition.js';
import type { RecognitionDocumentView } from '../api/recognition-responses.js';
import { storedBytes } from './case-documents.js';
import { conflict, forbidden, invalid, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { recognitionDocumentView, visibleRecognition } from './view-recognition.js';

export interface UploadRecognitionDocument {
  recognitionId: string;
  kind: RecognitionDocumentKind;
  language: DocumentLanguage;
  /** For a translation (and only for one): the kind of document it translates. */
  translationOf?: TranslatedKind | undefined;
  fileName: string;
  /** The type the file was sent as; its content must agree. */
  sentAs: string;
  bytes: Buffer;
}

/**
 * The applicant uploads a document while the request waits on them, checked by its content and
 * kept once by its SHA-256. The same file sent again for the same kind is the document already there.
 */
export async function uploadRecognitionDocument(services: Services, caller: Caller, command: UploadRecognitionDocument): Promise<Outcome<{ created: boolean; document: RecognitionDocumentView }>> {
  const visible = await visibleRecognition(services, caller, command.recognitionId);
  if (visible.kind !== 'ok') return visible;
  const { row, standing } = visible.value;
  if (standing !== 'applicant') return forbidden('Only the applicant uploads the documents of a recognition');
  if ((command.kind === 'translation') !== (command.translationOf !== undefined)) {
    return invalid([{ path: ['translationOf'], detail: command.kind === 'translation' ? 'Name the kind of document this translates' : 'Only a translation translates another document' }]);
  }
  if (row.status !== 'awaiting_applicant') return conflict('Documents already submitted', `The recognition is ${row.status}: documents are added only while it waits on the applicant`);
  const checked = fileNameProblem(command.fileName) ?? checkDocument(command.bytes, command.sentAs, command.fileName);
  if (typeof checked !== 'string') return { kind: 'file_refused', ...checked };
  const sha256 = await services.documents.put(command.bytes);
  const added = await addRecognitionDocument(services.db, {
    recognitionId: row.id,
    kind: command.kind,
    language: command.language,
    translationOf: command.translationOf,
    fileName: command.fileName,
    mediaType: checked,
    size: command.bytes.length,
    sha256,
    userId: caller.userId,
  });
  return ok({ created: added.created, document: recognitionDocumentView(added.row) });
}

/** The documents of a recognition, for its applicant and the recognition staff. */
export async function listRecognitionDocuments(services: Services, caller: Caller, recognitionId: string): Promise<Outcome<{ items: RecognitionDocumentView[] }>> {
  const visible = await visibleRecognition(services, caller, recognitionId);
  if (visible.kind !== 'ok') return visible;
  return ok({ items: (await recognitionDocuments(services.db, visible.value.row.id)).map(recognitionDocumentView) });
}

/** One document of a recognition with its bytes. */
export async function downloadRecognitionDocument(services: Services, caller: Caller, command: { recognitionId: string; documentId: string }): Promise<Outcome<{ document: RecognitionDocumentView; bytes: Buffer }>> {
  const visible = await visibleRecognition(services, caller, command.recognitionId);
  if (visible.kind !== 'ok') return visible;
  if (!z.uuid().safeParse(command.documentId).success) return notFound('document');
  const document = await findRecognitionDocument(services.db, visible.value.row.id, command.documentId);
  if (!document) return notFound('document');
  return ok({ document: recognitionDocumentView(document), bytes: await storedBytes(services, document.sha256, `recognition document ${document.id}`) });
}

/** The certificate of a decided recognition, as a PDF. */
export async function downloadCertificate(services: Services, caller: Caller, recognitionId: string): Promise<Outcome<{ fileName: string; mediaType: 'application/pdf'; bytes: Buffer }>> {
  const visible = await visibleRecognition(services, caller, recognitionId);
  if (visible.kind !== 'ok') return visible;
  const { row } = visible.value;
  if (!row.certificate_sha256) return notFound('certificate');
  return ok({ fileName: `recognition-${row.id.slice(0, 8)}.pdf`, mediaType: 'application/pdf', bytes: await storedBytes(services, row.certificate_sha256, `certificate of recognition ${row.id}`) });
}
