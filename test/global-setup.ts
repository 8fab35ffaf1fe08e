import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import type { TestProject } from 'vitest/node';
import { createDatabase } from '../db/database.js';
import { seedDemoData } from '../db/demo-data.js';
import { migrateToLatest } from '../db/migrate.js';
import { startMailSink } from '../infra/mail-sink.js';
import { startEmbeddedPostgres, type Postgres } from '../infra/postgres.js';
import { temporalCli } from '../infra/temporal-cli.js';
import { bundlerOptions, workflowsPath } from '../infra/worker.js';
import { ensureChromium } from './support/browser.js';
import { databaseUrl as otherDatabase, onServer } from './support/databases.js';
import { freePort } from './support/free-port.js';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    /** A database on the run's server to connect to for CREATE DATABASE. */
    databaseUrl: string;
    /** Migrated and seeded with the demo data: each test file copies it into a database of its own. */
    templateDatabase: string;
    smtpUrl: string;
    mailHttpUrl: string;
    dataDir: string;
    workflowBundlePath: string;
  }
}

/**
 * One real Temporal dev server, one real Postgres and one SMTP sink for the whole run;
 * each test file starts its own worker and API on them, on a task queue of its own.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'apprenticeship-test-'));
  chmodSync(dataDir, 0o755);

  const [temporal, postgres, mail, bundle] = await Promise.all([
    TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'existing-path', path: temporalCli() }, ip: '127.0.0.1' },
    }),
    process.env.DATABASE_URL
      ? Promise.resolve<Postgres | undefined>(undefined)
      : freePort().then((port) => startEmbeddedPostgres({ dataDir, port })),
    startMailSink({ smtpPort: 0, httpPort: 0 }),
    bundleWorkflowCode({ workflowsPath, ...bundlerOptions, logger: new DefaultLogger('WARN') }),
    ensureChromium(),
  ]);
  const databaseUrl = process.env.DATABASE_URL ?? postgres!.url;
  const templateDatabase = `apprenticeship_test_template_${process.pid}`;
  await onServer(databaseUrl, `drop database if exists ${templateDatabase}`);
  await onServer(databaseUrl, `create database ${templateDatabase}`);
  const db = createDatabase(otherDatabase(databaseUrl, templateDatabase), 1);
  await migrateToLatest(db);
  await seedDemoData(db);
  await db.destroy();

  const workflowBundlePath = path.join(dataDir, 'workflow-bundle.js');
  writeFileSync(workflowBundlePath, bundle.code);

  project.provide('temporalAddress', temporal.address);
  project.provide('databaseUrl', databaseUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('smtpUrl', mail.smtpUrl);
  project.provide('mailHttpUrl', mail.httpUrl);
  project.provide('dataDir', dataDir);
  project.provide('workflowBundlePath', workflowBundlePath);

  return async () => {
    await mail.stop();
    await temporal.teardown();
    await onServer(databaseUrl, `drop database if exists ${templateDatabase} with (force)`);
    await postgres?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
