import express, { type Request, type RequestHandler } from 'express';
import { HttpProblem } from '../api/problem.js';

/** Room beside the file for the form's other fields and the multipart framing. */
const framingBytes = 64 * 1024;

/**
 * Reads a form that carries a file (`multipart/form-data`) as raw bytes, at most
 * DOCUMENT_MAX_BYTES of file and its framing: a larger body is answered 413, as the API's upload is.
 */
export const fileFormBody = (config: { DOCUMENT_MAX_BYTES: number }): RequestHandler => express.raw({ type: 'multipart/form-data', limit: config.DOCUMENT_MAX_BYTES + framingBytes });

/** A file chosen in a form: its name and declared type as the browser sent them, and its bytes. */
export interface ChosenFile {
  name: string;
  sentAs: string;
  bytes: Buffer;
}

/**
 * The fields of a posted file form and its one file (none when the file input was left empty).
 * The multipart body is parsed by Node's own fetch implementation (undici's `formData()`), so no
 * parser of our own and no further dependency reads it.
 */
export async function fileFormOf(request: Request): Promise<{ fields: Record<string, string>; file: ChosenFile | undefined }> {
  const body = request.body as unknown;
  const type = request.get('content-type');
  if (!Buffer.isBuffer(body) || !type || !request.is('multipart/form-data')) throw new HttpProblem(415, 'Unsupported media type', 'Send the form as multipart/form-data');
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new HttpProblem(400, 'Malformed form', 'The form could not be read as multipart/form-data');
  }
  const fields: Record<string, string> = {};
  let file: ChosenFile | undefined;
  for (const [name, value] of form) {
    if (typeof value === 'string') fields[name] = value;
    else if (value.size > 0 && file === undefined) file = { name: value.name, sentAs: value.type || 'application/octet-stream', bytes: Buffer.from(await value.arrayBuffer()) };
  }
  return { fields, file };
}
