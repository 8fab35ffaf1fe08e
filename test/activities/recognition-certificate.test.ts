import { describe, expect, it } from 'vitest';
import { renderRecognitionCertificate } from '../../activities/recognition-certificate.js';
import type { Language } from '../../domain/language.js';
import { textOf } from '../support/pdf-text.js';
import { equivalenceFacts, refusalFacts } from '../support/sample-certificate.js';

const equivalence: Record<Language, string[]> = {
  fr: ["reconnu équivalent au Diplôme d'aptitude professionnelle (DAP) luxembourgeois, de niveau 3", 'Décidé le 15 octobre 2026'],
  de: ['gleichwertig mit dem luxemburgischen Berufsqualifikationsdiplom (DAP) anerkannt, auf Niveau 3', 'Entschieden am 15. Oktober 2026'],
  en: ['equivalent to the Luxembourg Diploma of vocational aptitude (DAP), at level 3', 'Decided on 15 October 2026'],
};
const refusal: Record<Language, string> = {
  fr: 'La reconnaissance du diplôme est refusée.',
  de: 'Die Anerkennung des Abschlusses wird abgelehnt.',
  en: 'The recognition of the diploma is refused.',
};

describe("a recognition's certificate", () => {
  for (const language of ['fr', 'de', 'en'] as const) {
    it(`states an equivalence in ${language}, with the holder, the foreign diploma, the credential and where to verify it`, async () => {
      const text = await textOf(await renderRecognitionCertificate({ ...equivalenceFacts, language }));
      for (const phrase of equivalence[language]) expect(text).toContain(phrase);
      expect(text).toContain('Lena Roth');
      expect(text).toContain("Certificat d'aptitude professionnelle Boulanger");
      expect(text).toContain('Lycée des métiers de Thionville');
      expect(text).toContain(`urn:uuid:${equivalenceFacts.credentialId}`);
      expect(text).toContain(equivalenceFacts.verificationUrl);
      expect(text).not.toMatch(/\S+@\S+\.\w+/);
    });

    it(`states a refusal in ${language} with its reasons, and no credential`, async () => {
      const text = await textOf(await renderRecognitionCertificate({ ...refusalFacts, language }));
      expect(text).toContain(refusal[language]);
      expect(text).toContain(refusalFacts.reasons);
      expect(text).not.toContain('urn:uuid:');
    });
  }

  it('is the same document for the same facts', async () => {
    const first = await renderRecognitionCertificate(equivalenceFacts);
    const again = await renderRecognitionCertificate(structuredClone(equivalenceFacts));
    expect(again.equals(first)).toBe(true);
    const later = await renderRecognitionCertificate({ ...equivalenceFacts, decidedAt: '2026-10-16T09:30:00.000Z' });
    expect(later.equals(first)).toBe(false);
  });
});
