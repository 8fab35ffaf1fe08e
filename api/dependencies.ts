import type { Client } from '@temporalio/client';
import type { JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.js';
import type { Config } from '../infra/config.js';

/** What the API is built from; each process makes these once. */
export interface ApiDependencies {
  config: Config;
  db: Kysely<Database>;
  temporal: Client;
  keys: JWTVerifyGetKey;
  logger: Logger;
}
