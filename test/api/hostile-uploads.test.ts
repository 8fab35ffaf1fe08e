import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKnownObjects, recognitionCallers, type KnownObjects } from '../support/known-objects.js';
import { expectProblem, sendRaw } from '../support/problem-answers.js';
import { pdf } from '../support/sample-pdf.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';
import { settledTableCounts, tableCounts } from '../support/table-counts.js';

/**
 * Hostile files on both upload routes, a case's (its employer's) and a recognition's (its
 * applicant's): the wrong type, too large, a PDF that is not one, names that are paths or
 * hide what they are. Each is a clear 4xx problem and nothing is stored. What
 * test/api/documents.test.ts shows for a case's documents in detail, this shows for both.
 */

/** Small, so that an oversized upload is cheap to send. */
const maxBytes = 4096;

let stack: TestStack;
let known: KnownObjects;
let applicant: Party;
/** Every table's rows once the known objects' workflows have settled: no refusal adds one. */
let before: Record<string, number>;

beforeAll(async () => {
  stack = await startTestStack({ env: { DOCUMENT_MAX_BYTES: String(maxBytes) } });
  ({ applicant } = await recognitionCallers(stack));
  known = await createKnownObjects(stack, applicant);
  before = await settledTableCounts(stack.db);
});
afterAll(() => stack.stop());

/** The two routes, each with the one caller who may upload to it. */
const routes = () => [
  { name: 'a case', uploader: stack.parties.employer, path: `/v1/cases/${known.case}/documents?kind=school_report` },
  { name: 'a recognition', uploader: applicant, path: `/v1/recognitions/${known.recognition}/documents?kind=transcript&language=fr` },
];

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** The start of a Windows executable. */
const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('PE\0\0'), Buffer.from('This program cannot be run in DOS mode')]);
const whole = pdf('Transcript');

interface HostileFile {
  what: string;
  bytes: Buffer;
  type?: string;
  /** The Content-Disposition header, or a plain name to put in one. */
  disposition?: string;
  status: number;
  title: string;
}

const named = (name: string) => `attachment; filename="${name}"`;
const encoded = (name: string) => `attachment; filename*=UTF-8''${encodeURIComponent(name)}`;

const hostileFiles: HostileFile[] = [
  { what: 'a PNG sent as a PDF', bytes: png, disposition: named('transcript.pdf'), status: 415, title: 'Unsupported media type' },
  { what: 'an executable named .exe', bytes: exe, disposition: named('transcript.exe'), status: 415, title: 'Unsupported media type' },
  { what: 'an executable sent as a PDF', bytes: exe, disposition: named('transcript.pdf'), status: 415, title: 'Unsupported media type' },
  { what: 'an executable sent as what it is', bytes: exe, type: 'application/x-msdownload', disposition: named('transcript.exe'), status: 415, title: 'Unsupported media type' },
  { what: 'HTML sent as a PDF', bytes: Buffer.from('<html><script>alert(1)</script></html>'), disposition: named('transcript.pdf'), status: 415, title: 'Unsupported media type' },
  { what: 'a PDF sent as a PNG', bytes: whole, type: 'image/png', disposition: named('transcript.png'), status: 415, title: 'Unsupported media type' },
  { what: 'a file larger than DOCUMENT_MAX_BYTES', bytes: pdf('x'.repeat(maxBytes)), disposition: named('transcript.pdf'), status: 413, title: 'Payload Too Large' },
  { what: 'a %PDF- header then garbage', bytes: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('garbage '.repeat(50))]), disposition: named('transcript.pdf'), status: 400, title: 'Damaged file' },
  { what: 'a truncated PDF', bytes: whole.subarray(0, Math.floor(whole.length / 2)), disposition: named('transcript.pdf'), status: 400, title: 'Damaged file' },
  { what: 'a PDF without its end', bytes: whole.subarray(0, whole.length - 7), disposition: named('transcript.pdf'), status: 400, title: 'Damaged file' },
  { what: 'an empty body', bytes: Buffer.alloc(0), disposition: named('transcript.pdf'), status: 400, title: 'Empty file' },
  { what: 'a path up and out', bytes: whole, disposition: named('../../etc/passwd.pdf'), status: 400, title: 'Invalid file name' },
  { what: 'a Windows path', bytes: whole, disposition: 'attachment; filename="..\\\\x.pdf"', status: 400, title: 'Invalid file name' },
  { what: 'a folder', bytes: whole, disposition: named('a/b.pdf'), status: 400, title: 'Invalid file name' },
  { what: 'an encoded path', bytes: whole, disposition: encoded('../../etc/passwd.pdf'), status: 400, title: 'Invalid file name' },
  { what: 'dots alone', bytes: whole, disposition: named('..'), status: 400, title: 'Invalid file name' },
  { what: 'a NUL', bytes: whole, disposition: encoded('transcript\u0000.pdf'), status: 400, title: 'Invalid file name' },
  { what: 'a line break (a header injection)', bytes: whole, disposition: encoded('transcript.pdf\r\nX-Injected: 1'), status: 400, title: 'Invalid file name' },
  { what: 'an escape character', bytes: whole, disposition: encoded('transcript\u001b[31m.pdf'), status: 400, title: 'Invalid file name' },
  { what: 'a right-to-left override hiding .exe', bytes: whole, disposition: encoded('transcript\u202Efdp.exe'), status: 400, title: 'Invalid file name' },
  { what: 'a bidi isolate', bytes: whole, disposition: encoded('transcript\u2067.pdf'), status: 400, title: 'Invalid file name' },
  { what: 'a lone surrogate', bytes: whole, disposition: "attachment; filename*=UTF-8''transcript%ED%A0%80.pdf", status: 400, title: 'Invalid file name' },
  { what: 'a name of 300 characters', bytes: whole, disposition: named(`${'a'.repeat(296)}.pdf`), status: 400, title: 'Invalid file name' },
  { what: 'a name of spaces', bytes: whole, disposition: named('   '), status: 400, title: 'Invalid file name' },
  { what: 'no name', bytes: whole, disposition: 'attachment', status: 400, title: 'Missing file name' },
];

describe('hostile uploads', () => {
  for (const file of hostileFiles) {
    it(`refuses ${file.what} on both upload routes, storing nothing`, async () => {
      for (const route of routes()) {
        const reply = await sendRaw(stack.apiUrl(), route.uploader, 'POST', route.path, file.bytes, { 'content-type': file.type ?? 'application/pdf', 'content-disposition': file.disposition ?? named('transcript.pdf') });
        const what = `${file.what} to ${route.name}: ${JSON.stringify(reply.body)}`;
        expectProblem(reply, what);
        expect({ status: reply.status, title: reply.body.title }, what).toEqual({ status: file.status, title: file.title });
      }
      expect(await tableCounts(stack.db)).toEqual(before);
    });
  }

  it('takes the same file, well named, on both routes: the refusals were for what was wrong', async () => {
    for (const route of routes()) {
      const reply = await sendRaw(stack.apiUrl(), route.uploader, 'POST', route.path, pdf(`Accepted ${route.name}`), { 'content-type': 'application/pdf', 'content-disposition': named('transcript.pdf') });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    }
  });
});
