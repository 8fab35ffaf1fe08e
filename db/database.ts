import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

// Dates stay 'YYYY-MM-DD' strings: a calendar date has no time zone to shift it.
pg.types.setTypeParser(1082, (value) => value);

export function createDatabase(connectionString: string, max = 10): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection the server ends (restart, shutdown) is dropped from the pool and
  // replaced on next use; without a listener the pool's 'error' event would end the process.
  pool.on('error', () => {});
  // A connection that breaks while checked out (between a transaction's statements) emits 'error' on
  // its client, which the pool listens to only while the client is idle: the statement fails anyway,
  // and the pool drops the client when it comes back; unheard, the error would end the process.
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
