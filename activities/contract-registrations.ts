import type { Kysely } from 'kysely';
import { recordAffiliation, registerContract, type Affiliation, type ContractRegistration } from '../db/contract-registrations.js';
import type { Database } from '../db/schema.js';
import { refusalsAreFinal } from './refusals.js';

/** What registration and the first months keep on the query side; each write is keyed by the case. */
export function createRegistrationActivities(db: Kysely<Database>) {
  return refusalsAreFinal({
    /** The contract's registration number: given once, the same on every retry. */
    registerContract: (registration: ContractRegistration): Promise<string> => registerContract(db, registration),
    recordSocialSecurityAffiliation: (affiliation: Affiliation): Promise<void> => recordAffiliation(db, affiliation),
  });
}

export type RegistrationActivities = ReturnType<typeof createRegistrationActivities>;
