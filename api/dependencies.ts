import type { Client } from '@temporalio/client';
import type { Services } from '../application/services.js';
import type { JWTVerifyGetKey } from 'jose';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Database } from '../db/schema.js';
import type { Config } from '../infra/config.js';
import type { CredentialKeys } from '../infra/credential-keys.js';
import type { DevIssuer } from '../infra/dev-issuer.js';

/** What the API is built from; each process makes these once. The application's services are among them. */
export interface ApiDependencies extends Services {
  config: Config;
  db: Kysely<Database>;
  temporal: Client;
  keys: JWTVerifyGetKey;
  logger: Logger;
  /** The ministry's keys that sign and check recognition credentials. */
  credentialKeys: CredentialKeys;
  /** The demonstration's identity provider, when no real one is configured: the pages sign in demo users with it. */
  devIssuer?: DevIssuer | undefined;
}
