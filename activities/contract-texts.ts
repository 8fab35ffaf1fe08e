import type { Qualification } from '../domain/reference-data.js';
import type { Language } from '../domain/language.js';
import { qualificationTitles } from '../domain/qualification-titles.js';

/** The words of the contract PDF, in each language an employer may choose: the type keeps the three alike. */
export interface ContractTexts {
  /** The locale dates and amounts are written in. */
  locale: string;
  title: string;
  subtitle: (reference: string, version: number) => string;
  drawnUpOn: (date: string) => string;
  parties: string;
  employer: string;
  apprentice: string;
  bornOn: (date: string) => string;
  residence: (country: string) => string;
  legalRepresentative: string;
  training: string;
  trade: string;
  qualifications: Record<Qualification, string>;
  school: string;
  programme: string;
  tutor: string;
  term: string;
  duration: string;
  startDate: string;
  endDate: string;
  months: (count: number) => string;
  trialPeriod: (lastDay: string) => string;
  rhythm: string;
  weeklyRhythm: (schoolDays: number, companyDays: number) => string;
  allowance: string;
  allowanceIntro: string;
  allowanceColumns: { year: string; period: string; allowance: string; minimum: string };
  minimumIfMidCoursePassed: (amount: string) => string;
  noMinimum: string;
  signatures: string;
  dateAndSignature: string;
}

const en: ContractTexts = {
  locale: 'en-GB',
  title: 'Apprenticeship contract',
  subtitle: (reference, version) => `Cross-border apprenticeship ${reference} – version ${version}`,
  drawnUpOn: (date) => `Drawn up on ${date} from the request the minister authorised.`,
  parties: 'The parties',
  employer: 'Employer (training company)',
  apprentice: 'Apprentice',
  bornOn: (date) => `born on ${date}`,
  residence: (country) => `country of residence: ${country}`,
  legalRepresentative: 'Legal representative',
  training: 'The training',
  trade: 'Trade',
  qualifications: qualificationTitles.en,
  school: 'Foreign school',
  programme: 'Programme',
  tutor: 'Tutor in the company',
  term: 'Term of the contract',
  duration: 'Duration',
  startDate: 'Start of the contract',
  endDate: 'End of the contract',
  months: (count) => `${count} months`,
  trialPeriod: (lastDay) => `The trial period ends on ${lastDay}.`,
  rhythm: 'Alternation between school and company',
  weeklyRhythm: (schoolDays, companyDays) => `Each week: ${schoolDays} days at school, ${companyDays} days in the company.`,
  allowance: 'Apprenticeship allowance',
  allowanceIntro: 'The employer pays the apprentice a monthly allowance, never below the legal minimum in force.',
  allowanceColumns: { year: 'Year', period: 'Period', allowance: 'Monthly allowance', minimum: 'Legal minimum' },
  minimumIfMidCoursePassed: (amount) => `${amount} once the mid-course project is passed`,
  noMinimum: 'not yet published',
  signatures: 'Signatures',
  dateAndSignature: 'Date and signature',
};

const fr: ContractTexts = {
  locale: 'fr-LU',
  title: "Contrat d'apprentissage",
  subtitle: (reference, version) => `Apprentissage transfrontalier ${reference} – version ${version}`,
  drawnUpOn: (date) => `Établi le ${date} d'après la demande autorisée par le ministre.`,
  parties: 'Les parties',
  employer: 'Employeur (organisme de formation)',
  apprentice: 'Apprenti(e)',
  bornOn: (date) => `né(e) le ${date}`,
  residence: (country) => `pays de résidence : ${country}`,
  legalRepresentative: 'Représentant légal',
  training: 'La formation',
  trade: 'Métier',
  qualifications: qualificationTitles.fr,
  school: 'École étrangère',
  programme: 'Formation suivie',
  tutor: "Tuteur dans l'entreprise",
  term: 'Durée du contrat',
  duration: 'Durée',
  startDate: 'Début du contrat',
  endDate: 'Fin du contrat',
  months: (count) => `${count} mois`,
  trialPeriod: (lastDay) => `La période d'essai prend fin le ${lastDay}.`,
  rhythm: "Alternance entre l'école et l'entreprise",
  weeklyRhythm: (schoolDays, companyDays) => `Chaque semaine : ${schoolDays} jours à l'école, ${companyDays} jours dans l'entreprise.`,
  allowance: "Indemnité d'apprentissage",
  allowanceIntro: "L'employeur verse à l'apprenti(e) une indemnité mensuelle, jamais inférieure au minimum légal en vigueur.",
  allowanceColumns: { year: 'Année', period: 'Période', allowance: 'Indemnité mensuelle', minimum: 'Minimum légal' },
  minimumIfMidCoursePassed: (amount) => `${amount} après réussite du projet intégré intermédiaire`,
  noMinimum: 'pas encore publié',
  signatures: 'Signatures',
  dateAndSignature: 'Date et signature',
};

const de: ContractTexts = {
  locale: 'de-LU',
  title: 'Lehrvertrag',
  subtitle: (reference, version) => `Grenzüberschreitende Ausbildung ${reference} – Fassung ${version}`,
  drawnUpOn: (date) => `Erstellt am ${date} nach dem vom Minister genehmigten Antrag.`,
  parties: 'Die Vertragsparteien',
  employer: 'Arbeitgeber (Ausbildungsbetrieb)',
  apprentice: 'Auszubildende(r)',
  bornOn: (date) => `geboren am ${date}`,
  residence: (country) => `Wohnsitzland: ${country}`,
  legalRepresentative: 'Gesetzlicher Vertreter',
  training: 'Die Ausbildung',
  trade: 'Beruf',
  qualifications: qualificationTitles.de,
  school: 'Ausländische Schule',
  programme: 'Bildungsgang',
  tutor: 'Ausbilder im Betrieb',
  term: 'Vertragsdauer',
  duration: 'Dauer',
  startDate: 'Beginn des Vertrags',
  endDate: 'Ende des Vertrags',
  months: (count) => `${count} Monate`,
  trialPeriod: (lastDay) => `Die Probezeit endet am ${lastDay}.`,
  rhythm: 'Wechsel zwischen Schule und Betrieb',
  weeklyRhythm: (schoolDays, companyDays) => `Jede Woche: ${schoolDays} Tage in der Schule, ${companyDays} Tage im Betrieb.`,
  allowance: 'Ausbildungsvergütung',
  allowanceIntro: 'Der Arbeitgeber zahlt der/dem Auszubildenden eine monatliche Vergütung, nie unter dem geltenden gesetzlichen Mindestbetrag.',
  allowanceColumns: { year: 'Jahr', period: 'Zeitraum', allowance: 'Monatliche Vergütung', minimum: 'Gesetzlicher Mindestbetrag' },
  minimumIfMidCoursePassed: (amount) => `${amount} nach bestandenem Zwischenprojekt`,
  noMinimum: 'noch nicht veröffentlicht',
  signatures: 'Unterschriften',
  dateAndSignature: 'Datum und Unterschrift',
};

export const contractTexts: Record<Language, ContractTexts> = { en, fr, de };
