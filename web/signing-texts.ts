import type { Language } from '../domain/language.js';

/** The signing page's words, in the languages of the contract. The page names nobody: the PDF does. */
const en = {
  title: 'Sign the apprenticeship contract',
  intro: 'You are asked to sign, {{role}}, version {{version}} of the contract of the cross-border apprenticeship {{reference}}.',
  apprentice: 'as the apprentice',
  legal_representative: "as the apprentice's legal representative",
  read: 'Read the contract (PDF)',
  fingerprint: 'Fingerprint (SHA-256) of the document you sign:',
  expires: 'This personal link works once, until {{expiresAt}}.',
  confirm: 'I have read the contract and I sign it.',
  sign: 'Sign',
  signedTitle: 'Thank you: you have signed',
  signed: 'Your signature on version {{version}} of the contract {{reference}} is recorded. You may close this page.',
  notFoundTitle: 'Unknown link',
  notFound: 'This link is not known. Copy the whole link from the e-mail you received.',
  used: 'This link has already been used: each link signs once.',
  voided: 'This link is no longer valid: a newer link or a new version of the contract replaces it. Use the latest e-mail you received.',
  expired: 'This link has expired. The employer can ask for a new one.',
  goneTitle: 'This link can no longer be used',
  conflictTitle: 'The contract has changed',
  conflict: 'The document you were shown is no longer the one to sign. Open the link again to read the current version.',
  invalid: 'Tick the box to confirm that you have read the contract.',
};

type Texts = typeof en;

const fr: Texts = {
  title: "Signer le contrat d'apprentissage",
  intro: "Vous êtes invité(e) à signer, {{role}}, la version {{version}} du contrat de l'apprentissage transfrontalier {{reference}}.",
  apprentice: "en tant qu'apprenti(e)",
  legal_representative: "en tant que représentant légal de l'apprenti(e)",
  read: 'Lire le contrat (PDF)',
  fingerprint: 'Empreinte (SHA-256) du document que vous signez :',
  expires: "Ce lien personnel ne sert qu'une fois, jusqu'au {{expiresAt}}.",
  confirm: "J'ai lu le contrat et je le signe.",
  sign: 'Signer',
  signedTitle: 'Merci : vous avez signé',
  signed: 'Votre signature de la version {{version}} du contrat {{reference}} est enregistrée. Vous pouvez fermer cette page.',
  notFoundTitle: 'Lien inconnu',
  notFound: "Ce lien n'est pas connu. Copiez le lien entier depuis l'e-mail reçu.",
  used: 'Ce lien a déjà servi : chaque lien ne signe qu’une fois.',
  voided: "Ce lien n'est plus valable : un lien plus récent ou une nouvelle version du contrat le remplace. Utilisez le dernier e-mail reçu.",
  expired: "Ce lien a expiré. L'employeur peut en demander un nouveau.",
  goneTitle: 'Ce lien ne peut plus servir',
  conflictTitle: 'Le contrat a changé',
  conflict: "Le document affiché n'est plus celui à signer. Ouvrez à nouveau le lien pour lire la version en vigueur.",
  invalid: 'Cochez la case pour confirmer que vous avez lu le contrat.',
};

const de: Texts = {
  title: 'Den Lehrvertrag unterschreiben',
  intro: 'Sie werden gebeten, {{role}} die Fassung {{version}} des Vertrags der grenzüberschreitenden Ausbildung {{reference}} zu unterschreiben.',
  apprentice: 'als Auszubildende(r)',
  legal_representative: 'als gesetzliche(r) Vertreter(in) der/des Auszubildenden',
  read: 'Vertrag lesen (PDF)',
  fingerprint: 'Fingerabdruck (SHA-256) des Dokuments, das Sie unterschreiben:',
  expires: 'Dieser persönliche Link gilt einmal, bis {{expiresAt}}.',
  confirm: 'Ich habe den Vertrag gelesen und unterschreibe ihn.',
  sign: 'Unterschreiben',
  signedTitle: 'Danke: Sie haben unterschrieben',
  signed: 'Ihre Unterschrift unter Fassung {{version}} des Vertrags {{reference}} ist gespeichert. Sie können diese Seite schließen.',
  notFoundTitle: 'Unbekannter Link',
  notFound: 'Dieser Link ist nicht bekannt. Kopieren Sie den ganzen Link aus der erhaltenen E-Mail.',
  used: 'Dieser Link wurde bereits verwendet: Jeder Link unterschreibt einmal.',
  voided: 'Dieser Link gilt nicht mehr: Ein neuerer Link oder eine neue Vertragsfassung ersetzt ihn. Verwenden Sie die letzte erhaltene E-Mail.',
  expired: 'Dieser Link ist abgelaufen. Der Arbeitgeber kann einen neuen anfordern.',
  goneTitle: 'Dieser Link kann nicht mehr verwendet werden',
  conflictTitle: 'Der Vertrag hat sich geändert',
  conflict: 'Das angezeigte Dokument ist nicht mehr das zu unterschreibende. Öffnen Sie den Link erneut, um die gültige Fassung zu lesen.',
  invalid: 'Kreuzen Sie das Kästchen an, um zu bestätigen, dass Sie den Vertrag gelesen haben.',
};

const texts: Record<Language, Texts> = { en, fr, de };

/** One text of the signing page in `language`, its `{{placeholders}}` filled (not escaped: the page escapes). */
export function signingText(language: Language, key: keyof Texts, values: Record<string, string | number> = {}): string {
  return texts[language][key].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
