import { z } from 'zod';
import { attachDocument as recordDocument, caseDocuments, findCaseDocument, type DocumentRow } from '../db/documents.js';
import type { Caller } from '../domain/caller.js';
import { checkDocument, fileNameProblem, type DocumentKind } from '../domain/documents.js';
import type { CaseStatus } from '../domain/parties.js';
import type { CaseDocument } from '../api/responses.js';
import { mayAttachDocuments, mayReadDocuments } from './access.js';
import { conflict, forbidden, notFound, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { visibleCase, type VisibleCase } from './view-case.js';

/** A case no longer open takes no documents. */
const closedStatuses: readonly CaseStatus[] = ['refused', 'withdrawn', 'stuck'];

export interface AttachDocument {
  caseId: string;
  kind: DocumentKind;
  fileName: string;
  /** The type the file was sent as; its content must agree. */
  sentAs: string;
  bytes: Buffer;
}

function documentView(row: DocumentRow): CaseDocument {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by, name: row.uploaded_by_name },
    uploadedAt: row.uploaded_at.toISOString(),
  };
}

/** The case, if the caller may read its documents (its contract too); an outsider learns nothing of it. */
export async function caseWithDocuments(services: Services, caller: Caller, caseId: string): Promise<Outcome<VisibleCase>> {
  const row = await visibleCase(services, caller, caseId);
  if (!row) return notFound('case');
  if (!mayReadDocuments(caller, row.participants, services.config)) return forbidden('Only the current parties of the case see its documents');
  return ok(row);
}

/**
 * The employer attaches a document the request needs, checked by its content and kept once by
 * its SHA-256. The same file sent again for the same kind is the document already attached.
 */
export async function attachDocument(services: Services, caller: Caller, command: AttachDocument): Promise<Outcome<{ created: boolean; document: CaseDocument }>> {
  const row = await visibleCase(services, caller, command.caseId);
  if (!row) return notFound('case');
  if (!mayAttachDocuments(caller, row.participants)) return forbidden("Only the case's employer attaches documents to it");
  if (closedStatuses.includes(row.status)) return conflict('Case closed', `The case is ${row.status}: it takes no more documents`);
  const checked = fileNameProblem(command.fileName) ?? checkDocument(command.bytes, command.sentAs, command.fileName);
  if (typeof checked !== 'string') return { kind: 'file_refused', ...checked };
  const sha256 = await services.documents.put(command.bytes);
  const attached = await recordDocument(services.db, {
    caseId: row.id,
    kind: command.kind,
    fileName: command.fileName,
    mediaType: checked,
    size: command.bytes.length,
    sha256,
    userId: caller.userId,
    organisationId: caller.organisationId,
  });
  return ok({ created: attached.created, document: documentView(attached.row) });
}

/** The documents attached to a case, for its parties. */
export async function listDocuments(services: Services, caller: Caller, caseId: string): Promise<Outcome<{ items: CaseDocument[] }>> {
  const row = await caseWithDocuments(services, caller, caseId);
  if (row.kind !== 'ok') return row;
  return ok({ items: (await caseDocuments(services.db, row.value.id)).map(documentView) });
}

/** One document of a case with its bytes, for its parties. */
export async function downloadDocument(services: Services, caller: Caller, command: { caseId: string; documentId: string }): Promise<Outcome<{ document: CaseDocument; bytes: Buffer }>> {
  const row = await caseWithDocuments(services, caller, command.caseId);
  if (row.kind !== 'ok') return row;
  if (!z.uuid().safeParse(command.documentId).success) return notFound('document');
  const document = await findCaseDocument(services.db, row.value.id, command.documentId);
  if (!document) return notFound('document');
  return ok({ document: documentView(document), bytes: await storedBytes(services, document.sha256, `document ${document.id}`) });
}

/** The bytes a row names, which the store must hold: their absence is the store's fault, not the caller's. */
export async function storedBytes(services: Services, sha256: string, what: string): Promise<Buffer> {
  const bytes = await services.documents.get(sha256);
  if (!bytes) throw new Error(`${what}: the store holds no bytes for it`);
  return bytes;
}
