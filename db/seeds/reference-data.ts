import type { ReferenceRow, ReferenceTableName, Trade } from '../../domain/reference-data.js';
import { luxembourgPublicHolidays } from './public-holidays.js';

/**
 * Sample reference data: invented figures in the shape of the texts each version
 * names ("sample" marks them so). A new school year's real tables are published through
 * the API by the ministry.
 */
interface SampleVersion<T extends ReferenceTableName> {
  table: T;
  validFrom: string;
  legalReference: string;
  rows: ReferenceRow<T>[];
}

function trade(code: string, names: Trade['names'], chamber: string | null, qualification: Trade['qualification'], years: number, listed = true): Trade {
  return {
    code,
    names,
    chamberOrganisationId: chamber,
    qualification,
    standardDurationYears: years,
    minDurationMonths: Math.max(12, (years - 1) * 12),
    maxDurationMonths: (years + 1) * 12,
    crossBorderListed: listed,
  };
}

const trades2025 = [
  trade('DAP-BOULANGER', { fr: 'Boulanger-pâtissier (DAP)', de: 'Bäcker-Konditor (DAP)', en: 'Baker-confectioner (DAP)' }, 'chambre-des-metiers', 'DAP', 3),
  trade('DAP-ELECTRICIEN', { fr: 'Électricien (DAP)', de: 'Elektriker (DAP)', en: 'Electrician (DAP)' }, 'chambre-des-metiers', 'DAP', 3),
  trade('DAP-LOGISTICIEN', { fr: 'Agent logistique (DAP)', de: 'Logistikfachkraft (DAP)', en: 'Logistics agent (DAP)' }, 'chambre-de-commerce', 'DAP', 3),
  trade('DAP-AGRICULTEUR', { fr: 'Agriculteur (DAP)', de: 'Landwirt (DAP)', en: 'Farmer (DAP)' }, 'chambre-agriculture', 'DAP', 3),
  trade('CCP-CUISINIER', { fr: 'Cuisinier (CCP)', de: 'Koch (CCP)', en: 'Cook (CCP)' }, 'chambre-de-commerce', 'CCP', 3),
  trade('DT-ELECTROTECHNIQUE', { fr: 'Technicien en électrotechnique (DT)', de: 'Techniker Elektrotechnik (DT)', en: 'Electrical engineering technician (DT)' }, 'chambre-des-metiers', 'DT', 4),
  trade('CCP-PEINTRE', { fr: 'Peintre-décorateur (CCP)', de: 'Maler und Anstreicher (CCP)', en: 'Painter-decorator (CCP)' }, 'chambre-des-metiers', 'CCP', 3),
  trade('CCP-VENDEUR', { fr: 'Vendeur (CCP)', de: 'Verkäufer (CCP)', en: 'Sales assistant (CCP)' }, 'chambre-de-commerce', 'CCP', 3),
  trade('DT-INFORMATIQUE', { fr: 'Technicien en informatique (DT)', de: 'Techniker Informatik (DT)', en: 'IT technician (DT)' }, 'chambre-de-commerce', 'DT', 4),
  trade('CCP-OUVRIER-AGRICOLE', { fr: 'Ouvrier agricole (CCP)', de: 'Landwirtschaftlicher Arbeiter (CCP)', en: 'Farm worker (CCP)' }, 'chambre-agriculture', 'CCP', 3),
  trade('DT-AGRICULTURE', { fr: 'Technicien en agriculture (DT)', de: 'Techniker Landwirtschaft (DT)', en: 'Agricultural technician (DT)' }, 'chambre-agriculture', 'DT', 4),
  // No chamber covers it: the ministry registers the contracts.
  trade('DAP-AUXILIAIRE-VIE', { fr: 'Auxiliaire de vie (DAP)', de: 'Lebensbegleiter (DAP)', en: 'Care assistant (DAP)' }, null, 'DAP', 3),
  trade('DAP-HORLOGER', { fr: 'Horloger (DAP)', de: 'Uhrmacher (DAP)', en: 'Watchmaker (DAP)' }, 'chambre-des-metiers', 'DAP', 3, false),
];

// From 2026/2027 logistics leaves the cross-border list (sample change between two years).
const trades2026 = trades2025.map((t) => (t.code === 'DAP-LOGISTICIEN' ? { ...t, crossBorderListed: false } : t));

/** Regular deadline 31 October, exceptional 31 July, for each school year (sample). */
const schoolYears = Array.from({ length: 16 }, (_, i) => 2024 + i).map((year) => ({
  schoolYear: `${year}/${year + 1}`,
  startsOn: `${year}-09-01`,
  endsOn: `${year + 1}-08-31`,
  regularDeadline: `${year}-10-31`,
  exceptionalDeadline: `${year}-07-31`,
}));

const dapRules = (qualification: 'DAP' | 'DT', notPassed: number, passed: number) =>
  [1, 2, 3, 4].flatMap((year) => [
    { qualification, year, midCourse: 'not_passed' as const, method: 'index_100' as const, amountAtIndex100Cents: notPassed },
    { qualification, year, midCourse: 'passed' as const, method: 'index_100' as const, amountAtIndex100Cents: passed },
  ]);

const dapShares = (qualification: 'DAP' | 'DT') =>
  [1, 2, 3, 4].flatMap((year) => [
    { qualification, year, midCourse: 'not_passed' as const, method: 'social_minimum_wage_share' as const, shareBasisPoints: 4_500 },
    { qualification, year, midCourse: 'passed' as const, method: 'social_minimum_wage_share' as const, shareBasisPoints: 6_000 },
  ]);

export const sampleReferenceData: SampleVersion<ReferenceTableName>[] = [
  { table: 'trades', validFrom: '2025-09-01', legalReference: 'Règlement grand-ducal fixant la liste des formations en apprentissage transfrontalier 2025/2026 (sample)', rows: trades2025 },
  { table: 'trades', validFrom: '2026-09-01', legalReference: 'Règlement grand-ducal fixant la liste des formations en apprentissage transfrontalier 2026/2027 (sample)', rows: trades2026 },
  {
    table: 'agreements',
    validFrom: '2014-12-04',
    legalReference: 'Accord-cadre relatif à la formation professionnelle transfrontalière dans la Grande Région, 5 novembre 2014; accords bilatéraux LU–FR (2017) et LU–RLP (2018) (sample)',
    rows: [
      { code: 'GR-2014-LORRAINE', name: 'Greater Region framework agreement', country: 'FR', region: 'Grand Est', partnerBody: 'Région Grand Est', validFrom: '2014-12-04', validTo: null },
      { code: 'GR-2014-SAARLAND', name: 'Greater Region framework agreement', country: 'DE', region: 'Saarland', partnerBody: 'Ministerium für Bildung und Kultur des Saarlandes', validFrom: '2014-12-04', validTo: null },
      { code: 'GR-2014-WALLONIE', name: 'Greater Region framework agreement', country: 'BE', region: 'Wallonie', partnerBody: 'IFAPME', validFrom: '2014-12-04', validTo: null },
      { code: 'LU-FR-2017', name: 'Luxembourg–France agreement on cross-border apprenticeship', country: 'FR', region: 'Grand Est', partnerBody: 'Région Grand Est and DRAAF', validFrom: '2017-10-01', validTo: '2019-12-31' },
      { code: 'LU-FR-2020', name: 'Luxembourg–France agreement on cross-border apprenticeship', country: 'FR', region: null, partnerBody: 'France Compétences', validFrom: '2020-01-01', validTo: null },
      { code: 'LU-RLP-2018', name: 'Luxembourg–Rhineland-Palatinate agreement', country: 'DE', region: 'Rheinland-Pfalz', partnerBody: 'Ministerium für Bildung Rheinland-Pfalz', validFrom: '2018-03-01', validTo: null },
    ],
  },
  {
    table: 'school-programmes',
    validFrom: '2025-09-01',
    legalReference: 'Programmes confirmed by the partner schools for 2025/2026 (sample)',
    rows: [
      { schoolOrganisationId: 'lycee-thionville', tradeCode: 'DAP-BOULANGER', programme: 'CAP Boulanger' },
      { schoolOrganisationId: 'lycee-thionville', tradeCode: 'DAP-LOGISTICIEN', programme: 'Bac pro Logistique' },
      { schoolOrganisationId: 'lycee-thionville', tradeCode: 'CCP-CUISINIER', programme: 'CAP Cuisine' },
      { schoolOrganisationId: 'lycee-thionville', tradeCode: 'DAP-HORLOGER', programme: 'CAP Horlogerie' },
      { schoolOrganisationId: 'bbs-trier', tradeCode: 'DAP-ELECTRICIEN', programme: 'Elektroniker/-in für Energie- und Gebäudetechnik' },
      { schoolOrganisationId: 'bbs-trier', tradeCode: 'DT-ELECTROTECHNIQUE', programme: 'Staatlich geprüfte/r Techniker/-in Elektrotechnik' },
      { schoolOrganisationId: 'ipea-arlon', tradeCode: 'DAP-BOULANGER', programme: 'Boulanger-pâtissier (CEFA)' },
      { schoolOrganisationId: 'ipea-arlon', tradeCode: 'DAP-AUXILIAIRE-VIE', programme: 'Aide familial(e)' },
      { schoolOrganisationId: 'berufskolleg-aachen', tradeCode: 'DAP-ELECTRICIEN', programme: 'Elektroniker/-in' },
      { schoolOrganisationId: 'ipea-arlon', tradeCode: 'DAP-AGRICULTEUR', programme: 'Agriculteur (CEFA)' },
      { schoolOrganisationId: 'ipea-arlon', tradeCode: 'CCP-OUVRIER-AGRICOLE', programme: 'Ouvrier qualifié en agriculture' },
      { schoolOrganisationId: 'bbs-trier', tradeCode: 'DT-AGRICULTURE', programme: 'Staatlich geprüfte/r Agrarbetriebswirt/-in' },
      { schoolOrganisationId: 'lycee-thionville', tradeCode: 'CCP-VENDEUR', programme: 'CAP Équipier polyvalent du commerce' },
    ],
  },
  {
    table: 'rights-to-train',
    validFrom: '2019-01-01',
    legalReference: 'Loi modifiée du 19 décembre 2008 portant réforme de la formation professionnelle, art. L.111-2 (sample register)',
    rows: [
      { employerOrganisationId: 'boulangerie-schmit', tradeCode: 'DAP-BOULANGER', chamberOrganisationId: 'chambre-des-metiers', validFrom: '2019-01-01', validTo: null },
      { employerOrganisationId: 'boulangerie-schmit', tradeCode: 'DAP-HORLOGER', chamberOrganisationId: 'chambre-des-metiers', validFrom: '2024-01-01', validTo: null },
      { employerOrganisationId: 'boulangerie-schmit', tradeCode: 'DAP-LOGISTICIEN', chamberOrganisationId: 'chambre-de-commerce', validFrom: '2024-01-01', validTo: null },
      { employerOrganisationId: 'ferme-hoffmann', tradeCode: 'DAP-AGRICULTEUR', chamberOrganisationId: 'chambre-agriculture', validFrom: '2021-01-01', validTo: null },
      { employerOrganisationId: 'ferme-hoffmann', tradeCode: 'CCP-OUVRIER-AGRICOLE', chamberOrganisationId: 'chambre-agriculture', validFrom: '2021-01-01', validTo: null },
      { employerOrganisationId: 'elektro-weber', tradeCode: 'DAP-ELECTRICIEN', chamberOrganisationId: 'chambre-des-metiers', validFrom: '2019-01-01', validTo: null },
      { employerOrganisationId: 'elektro-weber', tradeCode: 'DT-ELECTROTECHNIQUE', chamberOrganisationId: 'chambre-des-metiers', validFrom: '2022-09-01', validTo: '2026-08-31' },
    ],
  },
  {
    table: 'allowance-rules',
    validFrom: '2024-01-01',
    legalReference: "Règlement grand-ducal fixant les indemnités d'apprentissage, à l'indice 100 (sample)",
    rows: [
      ...dapRules('DAP', 8_000, 11_000),
      ...dapRules('DT', 9_000, 12_500),
      { qualification: 'CCP', year: 1, midCourse: 'any', method: 'index_100', amountAtIndex100Cents: 7_000 },
      { qualification: 'CCP', year: 2, midCourse: 'any', method: 'index_100', amountAtIndex100Cents: 8_000 },
      { qualification: 'CCP', year: 3, midCourse: 'any', method: 'index_100', amountAtIndex100Cents: 9_000 },
    ],
  },
  {
    table: 'allowance-rules',
    validFrom: '2027-09-01',
    legalReference: "Projet de loi (2026) exprimant les indemnités d'apprentissage en part du salaire social minimum non qualifié (sample)",
    rows: [
      ...dapShares('DAP'),
      ...dapShares('DT'),
      { qualification: 'CCP', year: 1, midCourse: 'any', method: 'social_minimum_wage_share', shareBasisPoints: 4_000 },
      { qualification: 'CCP', year: 2, midCourse: 'any', method: 'social_minimum_wage_share', shareBasisPoints: 4_500 },
      { qualification: 'CCP', year: 3, midCourse: 'any', method: 'social_minimum_wage_share', shareBasisPoints: 5_000 },
    ],
  },
  {
    table: 'cost-of-living-index',
    validFrom: '2023-09-01',
    legalReference: 'Cote d’application de l’échelle mobile des salaires, STATEC (sample)',
    rows: [
      { validFrom: '2023-09-01', pointsHundredths: 94_443 },
      { validFrom: '2024-09-01', pointsHundredths: 96_804 },
      { validFrom: '2025-05-01', pointsHundredths: 99_224 },
    ],
  },
  {
    table: 'social-minimum-wage',
    validFrom: '2025-01-01',
    legalReference: 'Salaire social minimum, travailleur non qualifié de 18 ans et plus (sample)',
    rows: [
      { validFrom: '2025-01-01', unqualifiedMonthlyCents: 270_374 },
      { validFrom: '2025-05-01', unqualifiedMonthlyCents: 277_138 },
      { validFrom: '2026-01-01', unqualifiedMonthlyCents: 283_316 },
    ],
  },
  { table: 'application-deadlines', validFrom: '2024-01-01', legalReference: 'Calendrier des demandes d’apprentissage transfrontalier (sample)', rows: schoolYears },
  {
    table: 'recognition-fees',
    validFrom: '2024-01-01',
    legalReference: 'Règlement ministériel fixant la taxe de dossier pour la reconnaissance des diplômes étrangers de la formation professionnelle, par pays de délivrance (sample)',
    // The ministry asks no fee for a diploma Luxembourg issued itself.
    rows: [
      { country: 'FR', amountCents: 7_500 },
      { country: 'DE', amountCents: 7_500 },
      { country: 'BE', amountCents: 7_500 },
      { country: 'LU', amountCents: 0 },
    ],
  },
  { table: 'public-holidays', validFrom: '1900-01-01', legalReference: 'Loi modifiée du 10 avril 1976 portant réforme de la réglementation des jours fériés légaux; loi du 25 avril 2019 (9 mai)', rows: luxembourgPublicHolidays },
];
