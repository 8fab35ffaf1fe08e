import type { Kysely } from 'kysely';
import type { Database, NewOrganisation, NewUser } from './schema.js';

/**
 * Sample organisations, users and trades for trying the stack: invented names and
 * addresses in the shape of the real parties. Inserted once; a restart keeps them.
 */
export const demoOrganisations: NewOrganisation[] = [
  { id: 'adem', kind: 'adem', name: 'ADEM – Orientation professionnelle', email: 'op@adem.example.lu', language: 'fr', country: 'LU' },
  { id: 'menje-fp', kind: 'ministry', name: 'MENJE – Service de la formation professionnelle', email: 'fp@menje.example.lu', language: 'fr', country: 'LU' },
  { id: 'chambre-des-metiers', kind: 'chamber', name: 'Chambre des Métiers', email: 'apprentissage@cdm.example.lu', language: 'de', country: 'LU' },
  { id: 'chambre-de-commerce', kind: 'chamber', name: 'Chambre de Commerce', email: 'formation@cc.example.lu', language: 'fr', country: 'LU' },
  { id: 'lycee-thionville', kind: 'foreign_school', name: 'Lycée professionnel Sainte-Anne, Thionville', email: 'scolarite@lycee-thionville.example.fr', language: 'fr', country: 'FR' },
  { id: 'bbs-trier', kind: 'foreign_school', name: 'Berufsbildende Schule Gewerbe und Technik, Trier', email: 'sekretariat@bbs-trier.example.de', language: 'de', country: 'DE' },
  { id: 'ipea-arlon', kind: 'foreign_school', name: 'Institut provincial d’enseignement, Arlon', email: 'direction@ipea-arlon.example.be', language: 'fr', country: 'BE' },
  { id: 'boulangerie-schmit', kind: 'employer', name: 'Boulangerie Schmit S.à r.l.', email: 'rh@schmit.example.lu', language: 'en', country: 'LU' },
  { id: 'elektro-weber', kind: 'employer', name: 'Elektro Weber S.A.', email: 'personal@weber.example.lu', language: 'de', country: 'LU' },
];

export const demoUsers: NewUser[] = [
  { id: 'anne.schmit', organisation_id: 'boulangerie-schmit', name: 'Anne Schmit', email: 'anne@schmit.example.lu', language: 'en' },
  { id: 'tom.weber', organisation_id: 'elektro-weber', name: 'Tom Weber', email: 'tom@weber.example.lu', language: 'de' },
  { id: 'marie.adem', organisation_id: 'adem', name: 'Marie Hoffmann', email: 'marie.hoffmann@adem.example.lu', language: 'fr' },
  { id: 'jos.cdm', organisation_id: 'chambre-des-metiers', name: 'Jos Kieffer', email: 'jos.kieffer@cdm.example.lu', language: 'de' },
  { id: 'lea.cc', organisation_id: 'chambre-de-commerce', name: 'Léa Muller', email: 'lea.muller@cc.example.lu', language: 'fr' },
  { id: 'claire.thionville', organisation_id: 'lycee-thionville', name: 'Claire Martin', email: 'claire.martin@lycee-thionville.example.fr', language: 'fr' },
  { id: 'jonas.trier', organisation_id: 'bbs-trier', name: 'Jonas Becker', email: 'jonas.becker@bbs-trier.example.de', language: 'de' },
  { id: 'luc.arlon', organisation_id: 'ipea-arlon', name: 'Luc Dubois', email: 'luc.dubois@ipea-arlon.example.be', language: 'fr' },
  { id: 'paul.menje', organisation_id: 'menje-fp', name: 'Paul Reding', email: 'paul.reding@menje.example.lu', language: 'en' },
];

const demoTrades = [
  { code: 'DAP-BOULANGER', name_fr: 'Boulanger-pâtissier (DAP)', name_de: 'Bäcker-Konditor (DAP)', name_en: 'Baker-confectioner (DAP)', chamber_organisation_id: 'chambre-des-metiers' },
  { code: 'DAP-ELECTRICIEN', name_fr: 'Électricien (DAP)', name_de: 'Elektriker (DAP)', name_en: 'Electrician (DAP)', chamber_organisation_id: 'chambre-des-metiers' },
  { code: 'DAP-LOGISTICIEN', name_fr: 'Agent logistique (DAP)', name_de: 'Logistikfachkraft (DAP)', name_en: 'Logistics agent (DAP)', chamber_organisation_id: 'chambre-de-commerce' },
];

export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisations').values(demoOrganisations).onConflict((c) => c.column('id').doNothing()).execute();
    await trx.insertInto('users').values(demoUsers).onConflict((c) => c.column('id').doNothing()).execute();
    await trx.insertInto('trades').values(demoTrades).onConflict((c) => c.column('code').doNothing()).execute();
  });
}
