import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../../db/database.js';
import { seedDemoData } from '../../db/demo-data.js';
import { migrateToLatest } from '../../db/migrate.js';
import { databaseUrl, onServer } from '../support/databases.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/**
 * The DATABASE_URL path: production runs on an external PostgreSQL, often an older major
 * than the embedded 18. The oldest major the README supports is the one this test runs on.
 */
const serverUrl = process.env.EXTERNAL_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const oldestSupported = 150_000;

async function serverVersion(url: string): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version_num: string }>('show server_version_num');
    return Number(rows[0]!.server_version_num);
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

const version = await serverVersion(serverUrl);
if (version === undefined) {
  console.warn(`external-postgres.test.ts skipped: no PostgreSQL answers at ${new URL(serverUrl).host} (set EXTERNAL_DATABASE_URL to test another server)`);
}

describe.skipIf(version === undefined)(`the application on an external PostgreSQL (${new URL(serverUrl).host})`, () => {
  const template = `apprenticeship_external_${randomUUID().slice(0, 8)}`;
  let stack: TestStack;

  beforeAll(async () => {
    await onServer(serverUrl, `create database ${template}`);
    const db = createDatabase(databaseUrl(serverUrl, template), 1);
    try {
      await migrateToLatest(db);
      await seedDemoData(db);
    } finally {
      await db.destroy();
    }
    stack = await startTestStack({ postgres: { url: serverUrl, template } });
  });

  afterAll(async () => {
    await stack?.stop();
    await onServer(serverUrl, `drop database if exists ${template} with (force)`);
  });

  it('is the oldest supported major, and the stack really uses it', async () => {
    expect(version).toBeGreaterThanOrEqual(oldestSupported);
    const { rows } = await sql<{ server_version_num: string }>`show server_version_num`.execute(stack.db);
    expect(Number(rows[0]!.server_version_num)).toBe(version);
  });

  it('runs a case from submission to authorisation, with its lists, history and reference data', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const decided = await stack.authorise(submitted.id);
    expect(decided.status).toBe(200);
    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');

    const cases = await stack.request(parties.employer, 'GET', '/v1/cases');
    expect(cases.status).toBe(200);
    expect(JSON.stringify(cases.body)).toContain(submitted.id);
    const done = await stack.request(parties.ministry, 'GET', '/v1/tasks?status=completed&kind=decision');
    expect(done.status).toBe(200);
    expect(done.body.items.map((t: { caseId: string }) => t.caseId)).toContain(submitted.id);
    const history = await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}/history`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('case_authorised');
    const reference = await stack.request(parties.employer, 'GET', '/v1/reference');
    expect(reference.status).toBe(200);

    const reference8 = submitted.id.slice(0, 8).toUpperCase();
    await expect.poll(async () => (await stack.mailsTo(parties.employer.userEmail)).filter((m) => m.subject.includes(reference8)), { timeout: 20_000 }).toHaveLength(1);
  });
});
