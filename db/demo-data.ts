import type { Kysely } from 'kysely';
import { publishReferenceVersion } from './reference-store.js';
import type { Database, NewOrganisation, NewUser } from './schema.js';
import { sampleReferenceData } from './seeds/reference-data.js';

/**
 * Sample organisations, users and trades for trying the stack: invented names and
 * addresses in the shape of the real parties. Inserted once; a restart keeps them.
 */
export const demoOrganisations: NewOrganisation[] = [
  { id: 'adem', kind: 'adem', name: 'ADEM – Orientation professionnelle', email: 'op@adem.example.lu', language: 'fr', country: 'LU', region: null },
  { id: 'menje-fp', kind: 'ministry', name: 'MENJE – Service de la formation professionnelle', email: 'fp@menje.example.lu', language: 'fr', country: 'LU', region: null },
  { id: 'chambre-des-metiers', kind: 'chamber', name: 'Chambre des Métiers', email: 'apprentissage@cdm.example.lu', language: 'de', country: 'LU', region: null },
  { id: 'chambre-de-commerce', kind: 'chamber', name: 'Chambre de Commerce', email: 'formation@cc.example.lu', language: 'fr', country: 'LU', region: null },
  { id: 'lycee-thionville', kind: 'foreign_school', name: 'Lycée professionnel Sainte-Anne, Thionville', email: 'scolarite@lycee-thionville.example.fr', language: 'fr', country: 'FR', region: 'Grand Est' },
  { id: 'bbs-trier', kind: 'foreign_school', name: 'Berufsbildende Schule Gewerbe und Technik, Trier', email: 'sekretariat@bbs-trier.example.de', language: 'de', country: 'DE', region: 'Rheinland-Pfalz' },
  { id: 'ipea-arlon', kind: 'foreign_school', name: 'Institut provincial d’enseignement, Arlon', email: 'direction@ipea-arlon.example.be', language: 'fr', country: 'BE', region: 'Wallonie' },
  // The employees' chamber: registers nothing, is told of every registered contract.
  { id: 'chambre-des-salaries', kind: 'chamber', name: 'Chambre des salariés', email: 'apprentissage@csl.example.lu', language: 'fr', country: 'LU', region: null },
  { id: 'chambre-agriculture', kind: 'chamber', name: "Chambre d'Agriculture", email: 'formation@cag.example.lu', language: 'fr', country: 'LU', region: null },
  // In North Rhine-Westphalia: no cross-border agreement covers its region.
  { id: 'berufskolleg-aachen', kind: 'foreign_school', name: 'Berufskolleg für Technik, Aachen', email: 'sekretariat@bk-aachen.example.de', language: 'de', country: 'DE', region: 'Nordrhein-Westfalen' },
  // The partner bodies of the cross-border agreements, one per country: told when a contract ends or changes employer.
  { id: 'france-competences', kind: 'foreign_authority', name: 'France Compétences', email: 'apprentissage-transfrontalier@francecompetences.example.fr', language: 'fr', country: 'FR', region: null },
  { id: 'rlp-bildung', kind: 'foreign_authority', name: 'Ministerium für Bildung Rheinland-Pfalz', email: 'grenzueberschreitende-ausbildung@bm.rlp.example.de', language: 'de', country: 'DE', region: 'Rheinland-Pfalz' },
  { id: 'ifapme', kind: 'foreign_authority', name: 'IFAPME – Formation en alternance', email: 'transfrontalier@ifapme.example.be', language: 'fr', country: 'BE', region: 'Wallonie' },
  { id: 'boulangerie-schmit', kind: 'employer', name: 'Boulangerie Schmit S.à r.l.', email: 'rh@schmit.example.lu', language: 'en', country: 'LU', region: null },
  { id: 'elektro-weber', kind: 'employer', name: 'Elektro Weber S.A.', email: 'personal@weber.example.lu', language: 'de', country: 'LU', region: null },
  { id: 'ferme-hoffmann', kind: 'employer', name: 'Ferme Hoffmann', email: 'contact@ferme-hoffmann.example.lu', language: 'fr', country: 'LU', region: null },
  // Holds no right to train: every request it submits is refused at the door.
  { id: 'transports-kayl', kind: 'employer', name: 'Transports Kayl S.à r.l.', email: 'rh@kayl.example.lu', language: 'fr', country: 'LU', region: null },
];

export const demoUsers: NewUser[] = [
  { id: 'anne.schmit', organisation_id: 'boulangerie-schmit', name: 'Anne Schmit', email: 'anne@schmit.example.lu', language: 'en', is_supervisor: true },
  { id: 'tom.weber', organisation_id: 'elektro-weber', name: 'Tom Weber', email: 'tom@weber.example.lu', language: 'de' },
  { id: 'marie.adem', organisation_id: 'adem', name: 'Marie Hoffmann', email: 'marie.hoffmann@adem.example.lu', language: 'fr', is_supervisor: true },
  { id: 'luc.adem', organisation_id: 'adem', name: 'Luc Wagner', email: 'luc.wagner@adem.example.lu', language: 'de' },
  { id: 'nina.adem', organisation_id: 'adem', name: 'Nina Schroeder', email: 'nina.schroeder@adem.example.lu', language: 'en' },
  { id: 'jos.cdm', organisation_id: 'chambre-des-metiers', name: 'Jos Kieffer', email: 'jos.kieffer@cdm.example.lu', language: 'de', is_supervisor: true },
  { id: 'anna.cdm', organisation_id: 'chambre-des-metiers', name: 'Anna Reuter', email: 'anna.reuter@cdm.example.lu', language: 'fr' },
  { id: 'lea.cc', organisation_id: 'chambre-de-commerce', name: 'Léa Muller', email: 'lea.muller@cc.example.lu', language: 'fr' },
  { id: 'claire.thionville', organisation_id: 'lycee-thionville', name: 'Claire Martin', email: 'claire.martin@lycee-thionville.example.fr', language: 'fr' },
  { id: 'jonas.trier', organisation_id: 'bbs-trier', name: 'Jonas Becker', email: 'jonas.becker@bbs-trier.example.de', language: 'de' },
  { id: 'luc.arlon', organisation_id: 'ipea-arlon', name: 'Luc Dubois', email: 'luc.dubois@ipea-arlon.example.be', language: 'fr' },
  { id: 'jean.hoffmann', organisation_id: 'ferme-hoffmann', name: 'Jean Hoffmann', email: 'jean@ferme-hoffmann.example.lu', language: 'fr', is_supervisor: true },
  { id: 'claude.cag', organisation_id: 'chambre-agriculture', name: 'Claude Thill', email: 'claude.thill@cag.example.lu', language: 'fr', is_supervisor: true },
  { id: 'sophie.kayl', organisation_id: 'transports-kayl', name: 'Sophie Kayl', email: 'sophie@kayl.example.lu', language: 'fr' },
  { id: 'paul.menje', organisation_id: 'menje-fp', name: 'Paul Reding', email: 'paul.reding@menje.example.lu', language: 'en', is_supervisor: true },
  // Reads decrypted payloads in the Temporal Web UI; decides no case.
  { id: 'eva.menje', organisation_id: 'menje-fp', name: 'Eva Klein', email: 'eva.klein@menje.example.lu', language: 'en', roles: ['administrator'] },
  // The recognition of diplomas: one proposes a decision, the other approves it.
  { id: 'claude.reding', organisation_id: 'menje-fp', name: 'Claude Reding', email: 'claude.reding@menje.example.lu', language: 'fr', roles: ['recognition_officer'] },
  { id: 'nadia.schroeder', organisation_id: 'menje-fp', name: 'Nadia Schroeder', email: 'nadia.schroeder@menje.example.lu', language: 'de', roles: ['recognition_officer'] },
];


export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('organisations').values(demoOrganisations).onConflict((c) => c.column('id').doNothing()).execute();
    await trx.insertInto('users').values(demoUsers).onConflict((c) => c.column('id').doNothing()).execute();
  });
  // Sample reference tables, for the tables nobody has published yet.
  const published = new Set((await db.selectFrom('reference_versions').select('table_name').distinct().execute()).map((r) => r.table_name));
  for (const version of sampleReferenceData.filter((v) => !published.has(v.table))) {
    await publishReferenceVersion(db, { ...version, sample: true, publishedBy: null });
  }
}
