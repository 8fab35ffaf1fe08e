import type { CertificateFacts } from '../../domain/credential.js';

/** What an equivalence's certificate shows, in French. */
export const equivalenceFacts: CertificateFacts = {
  recognitionId: '6f1c2a7e-3b7d-4a57-9d61-0a7c4e2f1b90',
  credentialId: '0b7b8d5e-7c1f-4c0e-9a39-5d2e8f6a1c44',
  holder: { givenName: 'Lena', familyName: 'Roth', birthDate: '2006-04-02' },
  diploma: { country: 'FR', title: "Certificat d'aptitude professionnelle Boulanger", programme: 'CAP Boulanger, 2 years' },
  awardedOn: '2026-07-03',
  schoolName: 'Lycée des métiers de Thionville',
  decision: { outcome: 'equivalence', qualification: 'DAP', level: 3 },
  decidedAt: '2026-10-15T09:30:00.000Z',
  language: 'fr',
  verificationUrl: 'https://apprenticeship.example.lu/credentials/verify',
};

/** The same holder and diploma, refused. */
export const refusalFacts: CertificateFacts = {
  ...equivalenceFacts,
  credentialId: undefined,
  decision: { outcome: 'refusal' },
  reasons: 'The training lasted one year; a DAP takes three.',
};
