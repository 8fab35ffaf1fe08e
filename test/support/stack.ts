import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { createDatabase } from '../../db/database.js';
import { caseReference } from '../../domain/case-reference.js';
import type { CaseRequest } from '../../domain/case-request.js';
import type { Language } from '../../domain/language.js';
import { startApi } from '../../infra/api-server.js';
import { loadConfig } from '../../infra/config.js';
import { loadDevIssuer } from '../../infra/dev-issuer.js';
import { createLogger } from '../../infra/logger.js';
import type { ReceivedMessage } from '../../infra/mail-sink.js';
import { startWorker, type RunningWorker } from '../../infra/worker.js';
import { databaseUrl, onServer } from './databases.js';

export interface Party {
  organisationId: string;
  /** The organisation's address: where its task notifications go. */
  organisationEmail: string;
  userId: string;
  userEmail: string;
  /** The organisation's language (task mails); users have their own (decision mails). */
  language: Language;
  token: string;
}

/** The demo organisations and users the tests act as. */
const partyLayout = {
  employer: { organisationId: 'boulangerie-schmit', userId: 'anne.schmit' },
  otherEmployer: { organisationId: 'elektro-weber', userId: 'tom.weber' },
  employerWithoutRights: { organisationId: 'transports-kayl', userId: 'sophie.kayl' },
  adem: { organisationId: 'adem', userId: 'marie.adem' },
  chamber: { organisationId: 'chambre-des-metiers', userId: 'jos.cdm' },
  school: { organisationId: 'lycee-thionville', userId: 'claire.thionville' },
  ministry: { organisationId: 'menje-fp', userId: 'paul.menje' },
};

export type PartyName = keyof typeof partyLayout;

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** The payload encryption key of the tests (and of the recorded histories they replay); for tests only. */
export const testPayloadKey = 'dGVzdC1vbmx5LXBheWxvYWQta2V5LTMyLWJ5dGVzISE=';

/** 1 September of next year: a start date whose school year is open for requests whenever the tests run. */
export function nextSchoolYearStart(): string {
  return `${new Date().getUTCFullYear() + 1}-09-01`;
}

/**
 * A worker and an API of this test file's own, on the run's shared Temporal and SMTP
 * sink, with a database of its own copied from the seeded template.
 */
export async function startTestStack(
  options: {
    smtpUrl?: string;
    env?: Record<string, string>;
    /** Settings of the API's alone, over `env` (the API reaching Temporal another way than the worker). */
    apiEnv?: Record<string, string>;
    /** Another server's seeded template to copy instead of the run's (an external PostgreSQL). */
    postgres?: { url: string; template: string };
    workerLogger?: Logger;
  } = {},
) {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const database = `apprenticeship_${prefix}`;
  const server = options.postgres ?? { url: inject('databaseUrl'), template: inject('templateDatabase') };
  await onServer(server.url, `create database ${database} template ${server.template}`);
  const settings: Record<string, string | undefined> = {
    DATA_DIR: inject('dataDir'),
    DATABASE_URL: databaseUrl(server.url, database),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    SMTP_URL: options.smtpUrl ?? inject('smtpUrl'),
    TEMPORAL_TASK_QUEUE: `${prefix}-cases`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    MAIL_RETRY_INITIAL_INTERVAL: '200ms',
    MAIL_RETRY_MAXIMUM_INTERVAL: '1s',
    PAYLOAD_ENCRYPTION_KEY: testPayloadKey,
    ...options.env,
  };
  let current = settings;
  let config = loadConfig(current);
  const db = createDatabase(config.DATABASE_URL!, 2);
  // The mail sink is shared by every test file: addresses of this file's own tell its mail apart.
  await db.updateTable('organisations').set({ email: sql<string>`${prefix} || '.' || email` }).execute();
  await db.updateTable('users').set({ email: sql<string>`${prefix} || '.' || email` }).execute();

  const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });
  const parties = {} as Record<PartyName, Party>;
  for (const [name, { organisationId, userId }] of Object.entries(partyLayout)) {
    const organisation = await db.selectFrom('organisations').select(['email', 'language']).where('id', '=', organisationId).executeTakeFirstOrThrow();
    const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    parties[name as PartyName] = {
      organisationId,
      organisationEmail: organisation.email,
      userId,
      userEmail: user.email,
      language: organisation.language,
      token: await issuer.issueToken(userId),
    };
  }
  const tradeCode = 'DAP-BOULANGER';

  /** Acting as another demo user of the same organisation as `party`. */
  async function colleague(party: Party, userId: string): Promise<Party> {
    const user = await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirstOrThrow();
    return { ...party, userId, userEmail: user.email, token: await issuer.issueToken(userId) };
  }

  /** Acting as any demo user, of whichever organisation they belong to (an applicant, a recognition officer). */
  async function asUser(userId: string): Promise<Party> {
    const user = await db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select(['users.email', 'users.organisation_id', 'organisations.email as organisation_email', 'organisations.language']).where('users.id', '=', userId).executeTakeFirstOrThrow();
    return { organisationId: user.organisation_id, organisationEmail: user.organisation_email, userId, userEmail: user.email, language: user.language, token: await issuer.issueToken(userId) };
  }

  const codePath = inject('workflowBundlePath');
  let worker: RunningWorker | undefined = await startWorker(config, { codePath }, options.workerLogger);
  const startTestApi = () => startApi(options.apiEnv ? loadConfig({ ...current, ...options.apiEnv }) : config, createLogger(process.env.TEST_LOG_LEVEL ?? 'silent', 'test-api'));
  let api = await startTestApi();

  async function request<T = any>(
    party: Party | undefined,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply<T>> {
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: {
        ...(party ? { authorization: `Bearer ${party.token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  function caseRequest(overrides: Partial<CaseRequest> = {}): CaseRequest {
    return {
      apprentice: { givenName: 'Lena', familyName: 'Roth', birthDate: '2009-04-02', residenceCountry: 'FR', admRegistrationNumber: 'ADEM-778812', email: `${prefix}.lena.roth@example.fr` },
      tradeCode,
      foreignSchool: { organisationId: parties.school.organisationId, programme: 'CAP Boulanger, 2 years' },
      tutor: { name: 'Marc Schmit' },
      startDate: nextSchoolYearStart(),
      durationMonths: 36,
      weeklyRhythm: { schoolDays: 2, companyDays: 3 },
      // Above every sample minimum for a first year.
      proposedMonthlyAllowanceCents: 160_000,
      ...overrides,
    };
  }

  return {
    config,
    db,
    parties,
    /** Where the API listens: it moves when restarted. */
    apiUrl: () => api.url,
    tradeCode,
    request,
    caseRequest,
    colleague,
    asUser,

    async submit(overrides: Partial<CaseRequest> = {}, headers: Record<string, string> = {}) {
      const reply = await request(parties.employer, 'POST', '/v1/cases', caseRequest(overrides), headers);
      if (reply.status !== 201) throw new Error(`submission failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body as { id: string; tasks: { id: string; party: string; kind: string }[] };
    },

    /** The open task of `party` in the case (of `kind`, if given), waiting for it to be opened. */
    async openTask(party: Party, caseId: string, kind?: string): Promise<{ id: string; kind: string }> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const reply = await request(party, 'GET', '/v1/tasks');
        const task = reply.body.items.find((t: { caseId: string; kind: string }) => t.caseId === caseId && (kind === undefined || t.kind === kind));
        if (task) return task;
        if (Date.now() > deadline) throw new Error(`no open task for ${party.organisationId} in case ${caseId}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },

    complete(party: Party, taskId: string, answer: unknown) {
      return request(party, 'POST', `/v1/tasks/${encodeURIComponent(taskId)}/complete`, answer);
    },

    /** ADEM, the chamber and the school all say yes; then the ministry decides. */
    async authorise(caseId: string, decision: { outcome: string; reasons?: string } = { outcome: 'authorised' }) {
      for (const party of [parties.adem, parties.chamber, parties.school]) {
        const task = await this.openTask(party, caseId);
        const answered = await this.complete(party, task.id, task.kind === 'enrolment' ? { outcome: 'confirmed' } : { outcome: 'favourable', reasons: 'Fine' });
        if (answered.status !== 200) throw new Error(`${party.organisationId} could not answer: ${answered.status} ${JSON.stringify(answered.body)}`);
      }
      const task = await this.openTask(parties.ministry, caseId);
      return this.complete(parties.ministry, task.id, decision);
    },

    /**
     * Every signer signs the contract's current version: the employer by its task (`employer`, the
     * case's employer since a change of employer), the apprentice and (for a minor) the legal
     * representative by the latest link mailed to them.
     */
    async signContract(caseId: string, employer: Party = parties.employer): Promise<void> {
      const deadline = Date.now() + 20_000;
      const until = async <T>(what: string, read: () => Promise<T | undefined>): Promise<T> => {
        for (;;) {
          const value = await read();
          if (value !== undefined) return value;
          if (Date.now() > deadline) throw new Error(`case ${caseId}: ${what}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const documentSha256 = await until('no contract drawn up', async () => {
        const { body } = await request<{ versions?: { sha256: string }[] }>(employer, 'GET', `/v1/cases/${caseId}/contract`);
        return body.versions?.at(-1)?.sha256;
      });
      // After registration the employer has other tasks too (the social security affiliation).
      const task = await this.openTask(employer, caseId, 'signature');
      const signed = await this.complete(employer, task.id, { outcome: 'signed', documentSha256 });
      if (signed.status !== 200) throw new Error(`the employer could not sign: ${signed.status} ${JSON.stringify(signed.body)}`);
      const row = await db.selectFrom('cases').select('request').where('id', '=', caseId).executeTakeFirstOrThrow();
      for (const address of [row.request.apprentice.email, row.request.legalRepresentative?.email]) {
        if (!address) continue;
        const token = await until(`no signing link mailed to ${address}`, async () => {
          // The latest link: other mail about the case may come after it (the outbox sends apart from the links).
          const mails = (await this.mailsTo(address)).filter((m) => m.subject.includes(caseReference(caseId)));
          return mails.flatMap((m) => /\/sign\/([A-Za-z0-9_-]{43})/.exec(m.text)?.[1] ?? []).at(-1);
        });
        const reply = await request(undefined, 'POST', `/sign/${token}`, { documentSha256 });
        if (reply.status !== 200) throw new Error(`${address} could not sign: ${reply.status} ${JSON.stringify(reply.body)}`);
      }
    },

    async mailsTo(address: string): Promise<ReceivedMessage[]> {
      const response = await fetch(`${inject('mailHttpUrl')}/messages?to=${encodeURIComponent(address)}`);
      return (await response.json()) as ReceivedMessage[];
    },

    async stopWorker() {
      await worker?.stop();
      worker = undefined;
    },

    async startWorker() {
      worker = await startWorker(config, { codePath });
    },

    /** Restarts the worker and the API with other settings (`undefined` unsets one), as an operator would. */
    async restartWith(env: Record<string, string | undefined>) {
      await api.stop();
      await worker?.stop();
      current = { ...settings, ...env };
      config = loadConfig(current);
      worker = await startWorker(config, { codePath });
      api = await startTestApi();
    },

    async stop() {
      await api.stop();
      await worker?.stop();
      await db.destroy();
      await onServer(server.url, `drop database if exists ${database} with (force)`);
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
