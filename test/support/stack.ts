import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { createDatabase } from '../../db/database.js';
import type { NewOrganisation } from '../../db/schema.js';
import type { CaseRequest } from '../../domain/case-request.js';
import type { Language } from '../../domain/language.js';
import type { OrganisationKind } from '../../domain/parties.js';
import { startApi } from '../../infra/api-server.js';
import { loadConfig } from '../../infra/config.js';
import { loadDevIssuer } from '../../infra/dev-issuer.js';
import { createLogger } from '../../infra/logger.js';
import type { ReceivedMessage } from '../../infra/mail-sink.js';
import { startWorker, type RunningWorker } from '../../infra/worker.js';

export interface Party {
  organisationId: string;
  /** The organisation's address: where its task notifications go. */
  organisationEmail: string;
  userId: string;
  userEmail: string;
  language: Language;
  token: string;
}

const partyLayout = {
  employer: { kind: 'employer', language: 'en' },
  otherEmployer: { kind: 'employer', language: 'de' },
  adem: { kind: 'adem', language: 'fr' },
  chamber: { kind: 'chamber', language: 'de' },
  school: { kind: 'foreign_school', language: 'en' },
  ministry: { kind: 'ministry', language: 'fr' },
} satisfies Record<string, { kind: OrganisationKind; language: Language }>;

export type PartyName = keyof typeof partyLayout;

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A worker and an API of this test file's own, on the run's shared Temporal, Postgres
 * and SMTP sink, with organisations and users no other test file sees.
 */
export async function startTestStack(options: { smtpUrl?: string } = {}) {
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const config = loadConfig({
    DATA_DIR: inject('dataDir'),
    DATABASE_URL: inject('databaseUrl'),
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    SMTP_URL: options.smtpUrl ?? inject('smtpUrl'),
    TEMPORAL_TASK_QUEUE: `${prefix}-cases`,
    PORT: '0',
    LOG_LEVEL: 'silent',
    ADEM_ORGANISATION_ID: `${prefix}-adem`,
    MINISTRY_ORGANISATION_ID: `${prefix}-ministry`,
    MAIL_RETRY_INITIAL_INTERVAL: '200ms',
    MAIL_RETRY_MAXIMUM_INTERVAL: '1s',
  });
  const db = createDatabase(config.DATABASE_URL!, 2);
  const issuer = await loadDevIssuer({ dataDir: config.dataDir, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE });

  const parties = {} as Record<PartyName, Party>;
  const organisations: NewOrganisation[] = [];
  for (const [name, { kind, language }] of Object.entries(partyLayout)) {
    const organisationId = `${prefix}-${name}`;
    organisations.push({ id: organisationId, kind, name: `${name} ${prefix}`, email: `${organisationId}@org.test`, language, country: 'LU' });
    parties[name as PartyName] = {
      organisationId,
      organisationEmail: `${organisationId}@org.test`,
      userId: `${organisationId}-user`,
      userEmail: `${organisationId}-user@people.test`,
      language,
      token: await issuer.issueToken(`${organisationId}-user`),
    };
  }
  const tradeCode = `${prefix}-DAP-BAKER`;
  await db.insertInto('organisations').values(organisations).execute();
  await db
    .insertInto('users')
    .values(Object.values(parties).map((p) => ({ id: p.userId, organisation_id: p.organisationId, name: `User of ${p.organisationId}`, email: p.userEmail, language: p.language })))
    .execute();
  await db
    .insertInto('trades')
    .values({ code: tradeCode, name_fr: 'Boulanger-pâtissier', name_de: 'Bäcker-Konditor', name_en: 'Baker-confectioner', chamber_organisation_id: parties.chamber.organisationId })
    .execute();

  const codePath = inject('workflowBundlePath');
  let worker: RunningWorker | undefined = await startWorker(config, { codePath });
  const api = await startApi(config, createLogger('silent', 'test-api'));

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
      apprentice: { givenName: 'Lena', familyName: 'Roth', birthDate: '2009-04-02', residenceCountry: 'FR', admRegistrationNumber: 'ADEM-778812' },
      tradeCode,
      foreignSchool: { organisationId: parties.school.organisationId, programme: 'CAP Boulanger, 2 years' },
      tutor: { name: 'Marc Schmit' },
      startDate: '2027-09-01',
      durationMonths: 36,
      weeklyRhythm: { schoolDays: 2, companyDays: 3 },
      proposedMonthlyAllowanceCents: 95_000,
      ...overrides,
    };
  }

  return {
    config,
    db,
    parties,
    tradeCode,
    request,
    caseRequest,

    async submit(overrides: Partial<CaseRequest> = {}, headers: Record<string, string> = {}) {
      const reply = await request(parties.employer, 'POST', '/v1/cases', caseRequest(overrides), headers);
      if (reply.status !== 201) throw new Error(`submission failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body as { id: string; tasks: { id: string; party: string; kind: string }[] };
    },

    /** The open task of `party` in the case, waiting for it to be opened. */
    async openTask(party: Party, caseId: string): Promise<{ id: string; kind: string }> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const reply = await request(party, 'GET', '/v1/tasks');
        const task = reply.body.items.find((t: { caseId: string }) => t.caseId === caseId);
        if (task) return task;
        if (Date.now() > deadline) throw new Error(`no open task for ${party.organisationId} in case ${caseId}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },

    complete(party: Party, taskId: string, answer: unknown) {
      return request(party, 'POST', `/v1/tasks/${encodeURIComponent(taskId)}/complete`, answer);
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

    async stop() {
      await api.stop();
      await worker?.stop();
      await db.destroy();
    },
  };
}

export type TestStack = Awaited<ReturnType<typeof startTestStack>>;
