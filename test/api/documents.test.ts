import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../support/sample-pdf.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

/** Small, so that an oversized upload is cheap to send. */
const maxBytes = 4096;

let stack: TestStack;
let caseId: string;
beforeAll(async () => {
  stack = await startTestStack({ env: { DOCUMENT_MAX_BYTES: String(maxBytes) } });
  caseId = (await stack.submit()).id;
});
afterAll(() => stack.stop());

/** A 1×1 PNG. */
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Upload {
  kind?: string;
  type?: string;
  name?: string;
  /** The whole Content-Disposition header, instead of one built from `name`. */
  disposition?: string;
}

async function upload(party: Party, id: string, bytes: Buffer, { kind = 'school_report', type = 'application/pdf', name = 'bulletin.pdf', disposition }: Upload = {}) {
  const response = await fetch(`${stack.apiUrl()}/v1/cases/${id}/documents?kind=${kind}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${party.token}`, 'content-type': type, 'content-disposition': disposition ?? `attachment; filename="${name}"` },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as any };
}

async function download(party: Party, id: string, documentId: string) {
  const response = await fetch(`${stack.apiUrl()}/v1/cases/${id}/documents/${documentId}`, { headers: { authorization: `Bearer ${party.token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const withoutInstance = ({ instance: _instance, ...body }: Record<string, unknown>) => body;

describe("a case's documents", () => {
  it('round-trips a PDF: attached by the employer, listed, downloaded as the same bytes, logged without its name', async () => {
    const { parties } = stack;
    const file = pdf('Bulletin 2025-2026');
    const attached = await upload(parties.employer, caseId, file, { name: 'Bulletin Lena Roth.pdf' });
    expect(attached.status).toBe(201);
    expect(attached.body).toMatchObject({
      kind: 'school_report',
      fileName: 'Bulletin Lena Roth.pdf',
      mediaType: 'application/pdf',
      size: file.length,
      sha256: sha256(file),
      uploadedBy: { id: parties.employer.userId },
    });
    expect(attached.headers.get('location')).toBe(`/v1/cases/${caseId}/documents/${attached.body.id}`);

    const list = await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/documents`);
    expect(list.body.items).toContainEqual(attached.body);

    const downloaded = await download(parties.employer, caseId, attached.body.id);
    expect(downloaded.status).toBe(200);
    expect(downloaded.bytes.equals(file)).toBe(true);
    expect(sha256(downloaded.bytes)).toBe(attached.body.sha256);
    expect(downloaded.headers.get('content-type')).toBe('application/pdf');
    expect(downloaded.headers.get('content-disposition')).toBe('attachment; filename="Bulletin Lena Roth.pdf"');
    expect(downloaded.headers.get('x-content-type-options')).toBe('nosniff');

    const history = (await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/history`)).body.items;
    const event = history.find((e: { type: string }) => e.type === 'document_attached');
    expect(event).toMatchObject({ data: { documentId: attached.body.id, kind: 'school_report', sha256: sha256(file) }, user: { id: parties.employer.userId } });
    expect(JSON.stringify(event)).not.toContain('Bulletin');
  });

  it('keeps the same bytes once: sent again it is the same document, attached as another kind or to another case it shares them', async () => {
    const { parties } = stack;
    const file = pdf('Attestation de scolarité');
    const first = await upload(parties.employer, caseId, file, { kind: 'enrolment_proof', name: 'attestation.pdf' });
    const again = await upload(parties.employer, caseId, file, { kind: 'enrolment_proof', name: 'attestation (1).pdf' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const otherKind = await upload(parties.employer, caseId, file, { kind: 'representative_identity', name: 'attestation.pdf' });
    const otherCase = await upload(parties.employer, (await stack.submit()).id, file, { kind: 'enrolment_proof', name: 'attestation.pdf' });
    expect([otherKind.status, otherCase.status]).toEqual([201, 201]);
    expect(new Set([first.body.id, otherKind.body.id, otherCase.body.id]).size).toBe(3);

    const blobs = await stack.db.selectFrom('document_blobs').select('sha256').where('sha256', '=', sha256(file)).execute();
    expect(blobs).toHaveLength(1);
    const documents = await stack.db.selectFrom('documents').select('id').where('sha256', '=', sha256(file)).execute();
    expect(documents).toHaveLength(3);
    const events = await stack.db.selectFrom('events').select('data').where('type', '=', 'document_attached').where('case_id', '=', caseId).execute();
    expect(events.filter((e) => (e.data as { sha256: string }).sha256 === sha256(file))).toHaveLength(2);
  });

  it('accepts a PNG and a JPEG sent and named as what they are', async () => {
    const { parties } = stack;
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF jpeg body'), Buffer.from([0xff, 0xd9])]);
    expect((await upload(parties.employer, caseId, png, { kind: 'representative_identity', type: 'image/png', name: 'carte.PNG' })).status).toBe(201);
    const attached = await upload(parties.employer, caseId, jpeg, { kind: 'representative_identity', type: 'image/jpeg', name: 'passeport.jpeg' });
    expect(attached.body.mediaType).toBe('image/jpeg');
    expect((await download(parties.employer, caseId, attached.body.id)).headers.get('content-type')).toBe('image/jpeg');
  });

  it('judges a file by its content, not by its name or the type it is sent as', async () => {
    const { parties } = stack;
    const before = (await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/documents`)).body.items.length;
    const pngAsPdf = await upload(parties.employer, caseId, png, { type: 'application/pdf', name: 'bulletin.pdf' });
    expect(pngAsPdf.status).toBe(415);
    expect(pngAsPdf.body).toMatchObject({ title: 'Unsupported media type', detail: 'The file is image/png by its content but was sent as application/pdf' });
    expect(pngAsPdf.headers.get('content-type')).toContain('application/problem+json');

    const textNamedPdf = await upload(parties.employer, caseId, Buffer.from('Not a PDF at all, only text'), { name: 'bulletin.pdf' });
    expect(textNamedPdf.status).toBe(415);
    expect(textNamedPdf.body.detail).toBe('The file is not a PDF, PNG or JPEG by its content');

    const pngNamedPdf = await upload(parties.employer, caseId, png, { type: 'image/png', name: 'bulletin.pdf' });
    expect(pngNamedPdf.status).toBe(415);
    expect(pngNamedPdf.body.detail).toBe('The file is image/png by its content, so its name must end with .png');

    const html = await upload(parties.employer, caseId, Buffer.from('<html><script>alert(1)</script></html>'), { type: 'text/html', name: 'bulletin.html' });
    expect(html.status).toBe(415);
    expect((await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/documents`)).body.items).toHaveLength(before);
  });

  it('refuses a PDF that is not a whole one', async () => {
    const { parties } = stack;
    const whole = pdf('Bulletin');
    for (const damaged of [whole.subarray(0, Math.floor(whole.length / 2)), Buffer.concat([Buffer.from('%PDF-1.7\n'), png]), whole.subarray(0, whole.length - 7)]) {
      const reply = await upload(parties.employer, caseId, damaged);
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ title: 'Damaged file', detail: expect.stringContaining('truncated or damaged') });
    }
    // A startxref pointing past the end: the middle of the file was cut out.
    const spliced = Buffer.concat([whole.subarray(0, 20), whole.subarray(whole.length - 40)]);
    expect((await upload(parties.employer, caseId, spliced)).status).toBe(400);
  });

  it('refuses a file larger than DOCUMENT_MAX_BYTES with 413', async () => {
    const padded = pdf('x'.repeat(maxBytes));
    expect(padded.length).toBeGreaterThan(maxBytes);
    const reply = await upload(stack.parties.employer, caseId, padded);
    expect(reply.status).toBe(413);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body.detail).toBe(`The request body may have at most ${maxBytes} bytes`);
  });

  it('refuses a file name that is a path or holds control characters, and one missing', async () => {
    const { parties } = stack;
    const file = pdf('Named badly');
    for (const disposition of [
      'attachment; filename="../../etc/passwd"',
      'attachment; filename="..\\\\..\\\\windows\\\\bulletin.pdf"',
      "attachment; filename*=UTF-8''..%2F..%2Fbulletin.pdf",
      "attachment; filename*=UTF-8''bulletin%00.pdf",
      "attachment; filename*=UTF-8''bulletin%0A.pdf",
      "attachment; filename*=UTF-8''bulletin%E2%80%AEfdp.exe",
      'attachment; filename=".."',
      'attachment; filename=""',
    ]) {
      const reply = await upload(parties.employer, caseId, file, { disposition });
      expect({ disposition, status: reply.status, title: reply.body.title }).toEqual({ disposition, status: 400, title: 'Invalid file name' });
    }
    for (const [disposition, title] of [
      ['attachment', 'Missing file name'],
      ["attachment; filename*=UTF-8''%FF.pdf", 'Invalid file name'],
    ] as const) {
      expect((await upload(parties.employer, caseId, file, { disposition })).body).toMatchObject({ status: 400, title });
    }
    const listed = (await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/documents`)).body.items;
    expect(listed.map((d: { sha256: string }) => d.sha256)).not.toContain(sha256(file));
  });

  it('reads a name sent in UTF-8, either way, and gives it back safely encoded', async () => {
    const { parties } = stack;
    const extended = await upload(parties.employer, caseId, pdf('Zeugnis'), { disposition: "attachment; filename*=UTF-8''Zeugnis%20M%C3%BCller%20%22final%22.pdf" });
    expect(extended.body.fileName).toBe('Zeugnis Müller "final".pdf');
    const downloaded = await download(parties.employer, caseId, extended.body.id);
    expect(downloaded.headers.get('content-disposition')).toBe('attachment; filename="Zeugnis M?ller \\"final\\".pdf"; filename*=UTF-8\'\'Zeugnis%20M%C3%BCller%20%22final%22.pdf');
  });

  it('lets the parties of the case list and download its documents; anyone else gets the answer of an unknown case', async () => {
    const { parties } = stack;
    const file = pdf('For the parties only');
    const attached = (await upload(parties.employer, caseId, file, { name: 'parties.pdf' })).body;
    for (const party of [parties.school, parties.adem, parties.chamber, parties.ministry]) {
      expect((await download(party, caseId, attached.id)).bytes.equals(file)).toBe(true);
      expect((await stack.request(party, 'GET', `/v1/cases/${caseId}/documents`)).body.items).toContainEqual(attached);
    }
    const otherSchool = await stack.colleague(parties.school, 'jonas.trier');
    const otherChamber = await stack.colleague(parties.chamber, 'lea.cc');
    for (const outsider of [parties.otherEmployer, otherSchool, otherChamber]) {
      for (const [path, unknownPath] of [
        [`/v1/cases/${caseId}/documents/${attached.id}`, `/v1/cases/${randomUUID()}/documents/${attached.id}`],
        [`/v1/cases/${caseId}/documents`, `/v1/cases/${randomUUID()}/documents`],
      ] as const) {
        const denied = await stack.request(outsider, 'GET', path);
        const unknown = await stack.request(outsider, 'GET', unknownPath);
        expect({ path, status: denied.status }).toEqual({ path, status: 404 });
        expect(withoutInstance(denied.body)).toEqual(withoutInstance(unknown.body));
      }
    }
    // A party asking for a document of another case, or none at all, learns nothing more.
    const elsewhere = await upload(parties.employer, (await stack.submit()).id, pdf('Another case'));
    for (const documentId of [elsewhere.body.id, randomUUID(), 'not-a-uuid']) {
      expect((await download(parties.school, caseId, documentId)).status).toBe(404);
    }
  });

  it('takes uploads from the employer of the case only: 403 for another party, 404 for an outsider', async () => {
    const { parties } = stack;
    const file = pdf('Not theirs to attach');
    for (const party of [parties.school, parties.adem, parties.ministry]) {
      const reply = await upload(party, caseId, file);
      expect(reply.status).toBe(403);
    }
    for (const outsider of [parties.otherEmployer, await stack.colleague(parties.school, 'jonas.trier')]) {
      const denied = await upload(outsider, caseId, file);
      const unknown = await upload(outsider, randomUUID(), file);
      expect(denied.status).toBe(404);
      expect(withoutInstance(denied.body)).toEqual(withoutInstance(unknown.body));
    }
    const kinds = await upload(parties.employer, caseId, file, { kind: 'passport' });
    expect(kinds.status).toBe(400);
    expect(kinds.body.errors).toEqual([{ pointer: '#/kind', detail: expect.any(String) }]);
  });

  it('takes no document for a closed case', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${id}/withdraw`, {})).status).toBe(200);
    const reply = await upload(parties.employer, id, pdf('Too late'));
    expect(reply.status).toBe(409);
    expect(reply.body.title).toBe('Case closed');
  });

  it('stops showing the documents to a school the request no longer names', async () => {
    const { parties } = stack;
    const { id } = await stack.submit();
    const attached = (await upload(parties.employer, id, pdf('Before the change'))).body;
    const etag = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).headers.get('etag')!;
    const amended = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/amendments`, stack.caseRequest({ foreignSchool: { organisationId: 'ipea-arlon', programme: 'Boulanger-pâtissier (CEFA)' } }), { 'If-Match': etag });
    expect(amended.status).toBe(200);
    // The old school still sees the case it answered in, not the documents.
    expect((await stack.request(parties.school, 'GET', `/v1/cases/${id}`)).status).toBe(200);
    expect((await stack.request(parties.school, 'GET', `/v1/cases/${id}/documents`)).status).toBe(403);
    expect((await download(parties.school, id, attached.id)).status).toBe(403);
    const newSchool = await stack.colleague(parties.school, 'luc.arlon');
    await stack.openTask(newSchool, id);
    expect((await download(newSchool, id, attached.id)).status).toBe(200);
  });

  it('still refuses a file sent to a route that takes JSON', async () => {
    const reply = await fetch(`${stack.apiUrl()}/v1/cases/${caseId}/withdraw`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.parties.employer.token}`, 'content-type': 'application/pdf' },
      body: new Uint8Array(pdf('Withdraw?')),
    });
    expect(reply.status).toBe(415);
  });
});
