import type { CertificateFacts } from '../domain/credential.js';

/** TODO(helper credentials): the certificate as a PDF in the applicant's language. */
export async function renderRecognitionCertificate(_facts: CertificateFacts): Promise<Buffer> {
  throw new Error('not yet built');
}
