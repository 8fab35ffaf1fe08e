import type { Client } from '@temporalio/client';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import type { Config } from '../infra/config.js';
import type { DocumentStore } from './document-store.js';

/** What the application's operations work with; each process makes these once. */
export interface Services {
  config: Config;
  db: Kysely<Database>;
  temporal: Client;
  documents: DocumentStore;
}
