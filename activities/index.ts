import type { Kysely } from 'kysely';
import type { DocumentStore } from '../application/document-store.js';
import type { Database } from '../db/schema.js';
import type { CredentialKeys } from '../infra/credential-keys.js';
import type { Mailer } from '../infra/mailer.js';
import { createAllowanceScheduleActivities } from './allowance-schedules.js';
import { createCaseRecordActivities } from './case-records.js';
import { createContractCourseActivities } from './contract-course.js';
import { createContractDocumentActivities } from './contract-document.js';
import { createContractSigningActivities } from './contract-signing.js';
import { createRegistrationActivities } from './contract-registrations.js';
import { createNotificationActivities } from './notifications.js';
import { createCaseRecognitionActivities, createRecognitionActivities } from './recognitions.js';
import { createSignatureActivities } from './signatures.js';

export function createActivities(deps: {
  db: Kysely<Database>;
  documents: DocumentStore;
  mailer: Mailer;
  mailFrom: string;
  publicBaseUrl: string;
  operators: { email?: string | undefined; organisationId: string };
  employeesChamberOrganisationId: string;
  /** Signs the credential of a recognised diploma. */
  credentialKeys: CredentialKeys;
}) {
  const records = createCaseRecordActivities(deps.db);
  const signatures = createSignatureActivities({ db: deps.db, mailer: deps.mailer, from: deps.mailFrom, publicBaseUrl: deps.publicBaseUrl });
  const contractDocuments = createContractDocumentActivities({ db: deps.db, documents: deps.documents });
  return {
    ...records,
    ...createContractCourseActivities(deps.db),
    ...signatures,
    ...createAllowanceScheduleActivities(deps.db),
    ...createRegistrationActivities(deps.db),
    ...createNotificationActivities({
      db: deps.db,
      mailer: deps.mailer,
      from: deps.mailFrom,
      publicBaseUrl: deps.publicBaseUrl,
      operators: deps.operators,
      employeesChamberOrganisationId: deps.employeesChamberOrganisationId,
    }),
    ...contractDocuments,
    ...createContractSigningActivities({ ...contractDocuments, ...records, ...signatures }),
    ...createRecognitionActivities({ db: deps.db, documents: deps.documents, credentialKeys: deps.credentialKeys, publicBaseUrl: deps.publicBaseUrl }),
    ...createCaseRecognitionActivities(deps.db),
  };
}
