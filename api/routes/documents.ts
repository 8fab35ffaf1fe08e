import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { attachDocument, downloadDocument, listDocuments } from '../../application/case-documents.js';
import { documentKinds, documentMediaTypes } from '../../domain/documents.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { fileNameFrom } from '../file-name.js';
import { valueOr } from '../outcomes.js';
import { HttpProblem, parseOr400 } from '../problem.js';

export const documentUploadQuery = z.object({ kind: z.enum(documentKinds) });

const acceptedTypes = Object.keys(documentMediaTypes);

/** The routes whose body is a file, not JSON (the app lets their body through to them): a case's or a recognition's documents. */
export function isDocumentUpload(request: Request): boolean {
  return request.method === 'POST' && /^\/v1\/(cases|recognitions)\/[^/]+\/documents\/?$/i.test(request.path);
}

/** Reads a file body, once the caller is known; beyond DOCUMENT_MAX_BYTES it is answered 413. */
export const fileBody = (config: { DOCUMENT_MAX_BYTES: number }) => express.raw({ type: acceptedTypes, limit: config.DOCUMENT_MAX_BYTES });

/** The uploaded file: the type it was sent as, its bytes and its name; a body that is no file is refused. */
export function uploadedFile(request: Request): { sentAs: string; bytes: Buffer; fileName: string } {
  const sentAs = request.get('content-type')?.split(';')[0]!.trim().toLowerCase();
  if (!sentAs || !acceptedTypes.includes(sentAs)) {
    throw new HttpProblem(415, 'Unsupported media type', `Send the file itself as the body, as ${acceptedTypes.join(', ')}`);
  }
  const bytes = request.body as unknown;
  if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpProblem(400, 'Empty file', 'The body holds no file');
  return { sentAs, bytes, fileName: fileNameFrom(request.get('content-disposition')) };
}

/** A case's documents, under /v1/cases/:id/documents. */
export function documentRoutes(dependencies: ApiDependencies): Router {
  const router = Router({ mergeParams: true });

  router.post('/', fileBody(dependencies.config), async (request: Request<{ id: string }>, response) => {
    const { kind } = parseOr400(documentUploadQuery, request.query);
    const { sentAs, bytes, fileName } = uploadedFile(request);
    const { created, document } = valueOr(await attachDocument(dependencies, callerOf(response), { caseId: request.params.id, kind, fileName, sentAs, bytes }));
    response
      .status(created ? 201 : 200)
      .location(`/v1/cases/${request.params.id}/documents/${document.id}`)
      .json(document);
  });

  router.get('/', async (request: Request<{ id: string }>, response) => {
    response.json(valueOr(await listDocuments(dependencies, callerOf(response), request.params.id)));
  });

  router.get('/:documentId', async (request: Request<{ id: string; documentId: string }>, response) => {
    const { document, bytes } = valueOr(await downloadDocument(dependencies, callerOf(response), { caseId: request.params.id, documentId: request.params.documentId }));
    sendFile(response, { fileName: document.fileName, mediaType: document.mediaType, bytes });
  });

  return router;
}

/** Sends a file to download (a case's, a recognition's): as an attachment, as what its content is, cached by nobody else. */
export function sendFile(response: Response, file: { fileName: string; mediaType: string; bytes: Buffer }): void {
  // Encodes the name as RFC 6266 asks (quotes escaped, non-ASCII in filename*); a name is checked to be a plain one on upload.
  response.attachment(file.fileName);
  response.set({
    'Content-Type': file.mediaType,
    // Served as what its content is, never guessed at, never run in the API's origin.
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'; sandbox",
    // Personal data: kept by no shared cache.
    'Cache-Control': 'private, no-store',
  });
  response.send(file.bytes);
}
