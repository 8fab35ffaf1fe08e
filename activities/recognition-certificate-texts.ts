import type { Language } from '../domain/language.js';

/** The words of a recognition's certificate, in each language an applicant may choose: the type keeps the three alike. */
export interface CertificateTexts {
  /** The locale dates and countries are written in. */
  locale: string;
  title: string;
  issuer: string;
  reference: (id: string) => string;
  holder: string;
  name: string;
  birthDate: string;
  foreignDiploma: string;
  diploma: string;
  programme: string;
  school: string;
  country: string;
  awardedOn: string;
  decision: string;
  equivalence: (qualification: string, level: number) => string;
  trade: (code: string) => string;
  refusal: string;
  reasons: string;
  decidedOn: string;
  credential: string;
  credentialId: string;
  verification: string;
}

const en: CertificateTexts = {
  locale: 'en-GB',
  title: 'Recognition of a foreign vocational diploma',
  issuer: 'Ministry of Education, Children and Youth – Department for the recognition of diplomas',
  reference: (id) => `Recognition ${id}`,
  holder: 'The holder',
  name: 'Name',
  birthDate: 'Date of birth',
  foreignDiploma: 'The foreign diploma',
  diploma: 'Diploma',
  programme: 'Programme',
  school: 'Awarded by',
  country: 'Country',
  awardedOn: 'Awarded on',
  decision: 'The decision',
  equivalence: (qualification, level) =>
    `The diploma is recognised as equivalent to the Luxembourg ${qualification}, at level ${level} of the Luxembourg qualifications framework (CLQ) and of the European qualifications framework (EQF).`,
  trade: (code) => `Trade: ${code}`,
  refusal: 'The recognition of the diploma is refused.',
  reasons: 'Reasons',
  decidedOn: 'Decided on',
  credential: 'Digital credential',
  credentialId: 'Credential',
  verification: 'This recognition is also issued as a digitally signed credential. Anyone can check it at:',
};

const fr: CertificateTexts = {
  locale: 'fr-LU',
  title: "Reconnaissance d'un diplôme professionnel étranger",
  issuer: "Ministère de l'Éducation nationale, de l'Enfance et de la Jeunesse – Service de la reconnaissance des diplômes",
  reference: (id) => `Reconnaissance ${id}`,
  holder: 'Le titulaire',
  name: 'Nom',
  birthDate: 'Date de naissance',
  foreignDiploma: 'Le diplôme étranger',
  diploma: 'Diplôme',
  programme: 'Formation',
  school: 'Délivré par',
  country: 'Pays',
  awardedOn: 'Délivré le',
  decision: 'La décision',
  equivalence: (qualification, level) =>
    `Le diplôme est reconnu équivalent au ${qualification} luxembourgeois, de niveau ${level} du cadre luxembourgeois des qualifications (CLQ) et du cadre européen des certifications (CEC/EQF).`,
  trade: (code) => `Métier : ${code}`,
  refusal: 'La reconnaissance du diplôme est refusée.',
  reasons: 'Motifs',
  decidedOn: 'Décidé le',
  credential: 'Attestation numérique',
  credentialId: 'Attestation',
  verification: "Cette reconnaissance est aussi délivrée sous forme d'attestation signée numériquement. Chacun peut la vérifier à l'adresse :",
};

const de: CertificateTexts = {
  locale: 'de-LU',
  title: 'Anerkennung eines ausländischen Berufsabschlusses',
  issuer: 'Ministerium für Bildung, Kinder und Jugend – Abteilung Anerkennung von Abschlüssen',
  reference: (id) => `Anerkennung ${id}`,
  holder: 'Inhaber oder Inhaberin',
  name: 'Name',
  birthDate: 'Geburtsdatum',
  foreignDiploma: 'Der ausländische Abschluss',
  diploma: 'Abschluss',
  programme: 'Bildungsgang',
  school: 'Verliehen von',
  country: 'Land',
  awardedOn: 'Verliehen am',
  decision: 'Die Entscheidung',
  equivalence: (qualification, level) =>
    `Der Abschluss wird als gleichwertig mit dem luxemburgischen ${qualification} anerkannt, auf Niveau ${level} des luxemburgischen Qualifikationsrahmens (CLQ) und des Europäischen Qualifikationsrahmens (EQR/EQF).`,
  trade: (code) => `Beruf: ${code}`,
  refusal: 'Die Anerkennung des Abschlusses wird abgelehnt.',
  reasons: 'Gründe',
  decidedOn: 'Entschieden am',
  credential: 'Digitaler Nachweis',
  credentialId: 'Nachweis',
  verification: 'Diese Anerkennung wird auch als digital signierter Nachweis ausgestellt. Jeder kann ihn hier prüfen:',
};

export const certificateTexts: Record<Language, CertificateTexts> = { en, fr, de };
