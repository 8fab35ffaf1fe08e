import type { RecognitionRequest } from '../../domain/recognition.js';
import { pdf } from './sample-pdf.js';
import type { Party, TestStack } from './stack.js';

/** A French baker's diploma, asked to be recognised by `applicant` (the holder's e-mail is theirs, so mail tells test files apart). */
export function recognitionRequest(applicant: Party, overrides: Partial<RecognitionRequest> = {}): RecognitionRequest {
  return {
    holder: { givenName: 'Sofia', familyName: 'Lambert', birthDate: '2001-03-14', email: applicant.userEmail, language: 'fr' },
    diploma: { country: 'FR', title: "Certificat d'aptitude professionnelle", programme: 'Boulanger' },
    awardedOn: '2021-07-02',
    schoolName: 'Lycée des métiers Raymond Mondon, Metz',
    europassSupplementExists: false,
    ...overrides,
  };
}

export interface RecognitionUpload {
  kind: string;
  language: string;
  translationOf?: string;
  name?: string;
  bytes?: Buffer;
}

/** Uploads a document (a small PDF naming its kind, unless bytes are given) to a recognition. */
export async function uploadToRecognition(stack: TestStack, party: Party, recognitionId: string, { kind, language, translationOf, name = `${kind}.pdf`, bytes = pdf(`${kind} ${language}`) }: RecognitionUpload) {
  const query = new URLSearchParams({ kind, language, ...(translationOf ? { translationOf } : {}) });
  const response = await fetch(`${stack.apiUrl()}/v1/recognitions/${recognitionId}/documents?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${party.token}`, 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"` },
    body: new Uint8Array(bytes),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Downloads a file of a recognition (a document, the certificate). */
export async function downloadFromRecognition(stack: TestStack, party: Party, path: string) {
  const response = await fetch(`${stack.apiUrl()}${path}`, { headers: { authorization: `Bearer ${party.token}` } });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The recognition's applicants and staff among the demo users. */
export async function recognitionParties(stack: TestStack) {
  return {
    sofia: await stack.asUser('sofia.lambert'),
    jonas: await stack.asUser('jonas.becker'),
    claude: await stack.asUser('claude.reding'),
    nadia: await stack.asUser('nadia.schroeder'),
  };
}
