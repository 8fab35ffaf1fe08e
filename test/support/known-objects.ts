import { pdf } from './sample-pdf.js';
import { recognitionRequest, uploadToRecognition } from './sample-recognition.js';
import type { Party, TestStack } from './stack.js';

/** Objects that exist, so hostile and denied requests name real ids and reach validation and access checks. */
export interface KnownObjects {
  case: string;
  /** ADEM's task in the case. */
  task: string;
  /** A document the employer attached to the case. */
  document: string;
  /** Sofia Lambert's recognition. */
  recognition: string;
  /** Her diploma, uploaded to it. */
  recognitionDocument: string;
}

/** The recognition's applicant and an officer, with the parties of the case. */
export async function recognitionCallers(stack: TestStack): Promise<{ applicant: Party; otherApplicant: Party; officer: Party }> {
  return { applicant: await stack.asUser('sofia.lambert'), otherApplicant: await stack.asUser('jonas.becker'), officer: await stack.asUser('claude.reding') };
}

/** A case in review with every reviewer's task open and a document, and a recognition awaiting its applicant with one document. */
export async function createKnownObjects(stack: TestStack, applicant: Party): Promise<KnownObjects> {
  const submitted = await stack.submit();
  for (const party of [stack.parties.adem, stack.parties.chamber, stack.parties.school]) await stack.openTask(party, submitted.id);
  const task = (await stack.openTask(stack.parties.adem, submitted.id)).id;

  const attached = await fetch(`${stack.apiUrl()}/v1/cases/${submitted.id}/documents?kind=school_report`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.parties.employer.token}`, 'content-type': 'application/pdf', 'content-disposition': 'attachment; filename="bulletin.pdf"' },
    body: new Uint8Array(pdf('Bulletin')),
  });
  if (attached.status !== 201) throw new Error(`could not attach a document: ${attached.status}`);
  const document = ((await attached.json()) as { id: string }).id;

  const applied = await stack.request(applicant, 'POST', '/v1/recognitions', recognitionRequest(applicant));
  if (applied.status !== 201) throw new Error(`could not apply for a recognition: ${applied.status} ${JSON.stringify(applied.body)}`);
  const uploaded = await uploadToRecognition(stack, applicant, applied.body.id, { kind: 'diploma', language: 'fr' });
  if (uploaded.status !== 201) throw new Error(`could not upload a diploma: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
  return { case: submitted.id, task, document, recognition: applied.body.id, recognitionDocument: uploaded.body.id };
}
