import { Client, Connection } from '@temporalio/client';
import type { Config } from '../infra/config.js';
import { loadDevIssuer } from '../infra/dev-issuer.js';
import { encryptedDataConverter } from '../infra/payload-codec.js';
import { requireSetting } from '../infra/required-setting.js';

/** The demo users the simulated parties act as (db/demo-data.ts). */
export const benchUsers = {
  employer: 'anne.schmit',
  adem: 'marie.adem',
  chamber: 'jos.cdm',
  school: 'claire.thionville',
  ministry: 'paul.menje',
} as const;
export type BenchRole = keyof typeof benchUsers;

/** The worker's settings that bound its memory, as it runs them. */
export interface WorkerCacheSettings {
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions?: number | undefined;
  maxConcurrentActivityTaskExecutions?: number | undefined;
  reuseV8Context?: boolean | undefined;
}

/** A running stack the sections drive: the bench's own (bench/bench-stack.ts) or a test's. */
export interface BenchTarget {
  apiUrl: string;
  tokens: Record<BenchRole, string>;
  /** A client with the stack's payload codec: reads case inputs and histories. */
  temporal: Client;
  temporalAddress: string;
  taskQueue: string;
  /** The application's database. */
  databaseUrl: string;
  /** The worker's and the API's process ids (the same when they run in this process). */
  pids: { worker: number; api: number };
  workerCache?: WorkerCacheSettings | undefined;
}

/** A Temporal client that reads payloads the way the worker and the API write them. */
export async function temporalClientFor(config: Config): Promise<Client> {
  const connection = await Connection.connect({ address: requireSetting(config, 'TEMPORAL_ADDRESS') });
  const dataConverter = encryptedDataConverter({ key: config.PAYLOAD_ENCRYPTION_KEY, keys: config.PAYLOAD_ENCRYPTION_KEYS, dataDir: config.dataDir });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, dataConverter });
}

/** Bearer tokens of the simulated parties, from the dev issuer of the stack's data folder. */
export async function benchTokens(config: Config): Promise<Record<BenchRole, string>> {
  const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
  const entries = await Promise.all(Object.entries(benchUsers).map(async ([role, userId]) => [role, await issuer.issueToken(userId, '1d')] as const));
  return Object.fromEntries(entries) as Record<BenchRole, string>;
}
