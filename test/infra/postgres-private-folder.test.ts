import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { postgresBinaries, startEmbeddedPostgres } from '../../infra/postgres.js';
import { freePort } from '../support/free-port.js';

const asRoot = process.getuid?.() === 0;

/**
 * As root, the embedded PostgreSQL runs as the `postgres` user, which cannot enter a
 * checkout under a private folder (a home folder with mode 700): neither its data folder
 * nor, when node_modules is in the checkout, the binaries.
 */
describe.skipIf(!asRoot)('the embedded PostgreSQL in a private folder, as root (skipped: not running as root)', () => {
  const privateFolder = mkdtempSync(path.join(tmpdir(), 'apprenticeship-private-'));
  chmodSync(privateFolder, 0o700);
  const checkout = path.join(privateFolder, 'repo');
  mkdirSync(checkout);
  // The binaries as a checkout with its own node_modules has them: behind the private folder.
  const binaries = path.join(checkout, 'postgres-binaries');
  symlinkSync(postgresBinaries(), binaries);
  const dataDir = path.join(checkout, '.data');
  afterAll(() => {
    rmSync(privateFolder, { recursive: true, force: true });
  });

  it('the postgres user cannot enter the folder', () => {
    expect(() => execFileSync('test', ['-x', checkout], { uid: Number(execFileSync('id', ['-u', 'postgres'])), gid: Number(execFileSync('id', ['-g', 'postgres'])) })).toThrow();
  });

  it('starts, and keeps its data across restarts', async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dataDir, port, binaries });
    try {
      await query(first.url, 'create table kept (id int)');
      await query(first.url, 'insert into kept values (42)');
    } finally {
      await first.stop();
    }
    const second = await startEmbeddedPostgres({ dataDir, port, binaries });
    try {
      expect(await query(second.url, 'select id from kept')).toEqual([{ id: 42 }]);
      expect(second.dataDir.startsWith(privateFolder)).toBe(false);
    } finally {
      await second.stop();
      // The staged copy (binaries and data) of this throw-away checkout.
      rmSync(path.dirname(second.dataDir), { recursive: true, force: true });
    }
  }, 120_000);
});

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}
