import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerContract } from '../../db/contract-registrations.js';
import { sampleReferenceData } from '../../db/seeds/reference-data.js';
import { caseReference } from '../../domain/case-reference.js';
import { recordHistory } from '../support/record-history.js';
import { startTestStack, nextSchoolYearStart, type Party, type TestStack } from '../support/stack.js';
import { runsOf } from '../support/workflow-runs.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    env: {
      // A contract's day lasts 150 ms: the medical examination is due ~9 s after authorisation, the trial period ends at ~14 s.
      CONTRACT_DAY_LENGTH: '150ms',
      TASK_REMINDER_BEFORE: '3s',
      SOCIAL_SECURITY_REMINDER_EVERY: '1s',
    },
  });
});
afterAll(() => stack.stop());

const poll = { timeout: 30_000 };
const readCase = (party: Party, id: string) => stack.request(party, 'GET', `/v1/cases/${id}`);

/** The open task of one kind, waiting for it to be opened. */
async function openTaskOf(party: Party, caseId: string, kind: string): Promise<{ id: string; dueOn: string | null }> {
  let found: { id: string; dueOn: string | null } | undefined;
  await expect
    .poll(async () => {
      const reply = await stack.request(party, 'GET', `/v1/tasks?kind=${kind}`);
      found = reply.body.items.find((t: { caseId: string }) => t.caseId === caseId);
      return found;
    }, poll)
    .toBeDefined();
  return found!;
}

/** Every signer signs (the employer its task, the apprentice and a representative their links), then the case waits for its registration. */
async function signContract(caseId: string): Promise<void> {
  await stack.signContract(caseId);
  await expect.poll(async () => (await readCase(stack.parties.employer, caseId)).body.status, poll).toBe('awaiting_registration');
}

/** A minor's legal representative, who signs with them: an address of their own in each case. */
function representative() {
  return { givenName: 'Anna', familyName: 'Roth', email: `representative.${randomUUID()}@example.fr` };
}

async function mailsWith(address: string, subjectPart: string) {
  return (await stack.mailsTo(address)).filter((mail) => mail.subject.includes(subjectPart));
}

async function organisationEmail(id: string): Promise<string> {
  return (await stack.db.selectFrom('organisations').select('email').where('id', '=', id).executeTakeFirstOrThrow()).email;
}

const startYear = Number(nextSchoolYearStart().slice(0, 4));

describe('a young apprentice’s contract, from authorisation through registration into its first months', () => {
  const apprenticeEmail = `lena.roth.${randomUUID()}@example.fr`;
  const affiliationNumber = `${startYear - 16}011512345`;
  // 16 when the contract starts: a young apprentice, who has a medical examination in the first 2 months.
  const birthDate = `${startYear - 16}-01-15`;
  let caseId: string;
  let registrationNumber: string;

  // Each step below takes up the case where the one before left it.
  it('is registered by the competent chamber, which gives it a registration number the case shows', async () => {
    const { parties } = stack;
    caseId = (await stack.submit({ apprentice: { ...stack.caseRequest().apprentice, birthDate, email: apprenticeEmail }, legalRepresentative: representative() })).id;
    await stack.authorise(caseId);
    await signContract(caseId);
    const task = await openTaskOf(parties.chamber, caseId, 'registration');
    expect((await stack.complete(parties.chamber, task.id, { outcome: 'registered' })).status).toBe(200);

    await expect.poll(async () => (await readCase(parties.employer, caseId)).body.registration, poll).not.toBeNull();
    const { body } = await readCase(parties.school, caseId);
    expect(body.status).toBe('in_training');
    expect(body.registration).toMatchObject({ contractVersion: 1, registrar: { id: 'chambre-des-metiers', name: 'Chambre des Métiers' } });
    expect(body.registration.number).toMatch(/^CHAMBRE-DES-METIERS-\d{4}-\d{5}$/);
    registrationNumber = body.registration.number;

    const history = await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/history`);
    const registered = history.body.items.find((e: { type: string }) => e.type === 'contract_registered');
    expect(registered.data).toEqual({ contractVersion: 1, registrationNumber });
    expect(registered.organisation.id).toBe('chambre-des-metiers');
  });

  it('tells the employer, the apprentice, the school (with a link to its copy), ADEM and the Chambre des salariés, naming nobody', async () => {
    const { parties } = stack;
    const told = {
      employer: parties.employer.organisationEmail,
      school: parties.school.organisationEmail,
      adem: parties.adem.organisationEmail,
      employeesChamber: await organisationEmail('chambre-des-salaries'),
      apprentice: apprenticeEmail,
    };
    const copyLink = `${stack.config.publicBaseUrl}/cases/${caseId}/contract/versions/1/document`;
    for (const [who, address] of Object.entries(told)) {
      await expect.poll(async () => (await mailsWith(address, registrationNumber)).length, poll).toBe(1);
      const [mail] = await mailsWith(address, registrationNumber);
      expect(mail!.subject, who).toContain(caseReference(caseId));
      expect(mail!.text, who).toContain(registrationNumber);
      for (const personal of ['Lena', 'Roth', birthDate, 'ADEM-778812', 'Marc Schmit']) expect(mail!.text + mail!.subject, who).not.toContain(personal);
      expect(mail!.text.includes(copyLink), who).toBe(who === 'school');
      // A link to the case's page only for those who may open it: the Chambre des salariés is no party to it.
      expect(mail!.text.includes(`${stack.config.publicBaseUrl}/cases/${caseId}\n`), who).toBe(['employer', 'school', 'adem'].includes(who));
    }
    // The school downloads its copy in the browser, behind its sign-in: the registered version; an outsider cannot.
    const schoolMail = (await mailsWith(told.school, registrationNumber))[0]!;
    const link = new URL(schoolMail.text.match(/https?:\/\/\S+\/document/)![0]).pathname;
    const inBrowser = (party?: Party) => fetch(`${stack.apiUrl()}${link}`, { redirect: 'manual', headers: party ? { cookie: `session=${party.token}` } : {} });
    const unsigned = await inBrowser();
    expect(unsigned.status).toBe(303);
    expect(unsigned.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(link)}`);
    const copy = await inBrowser(parties.school);
    expect(copy.status).toBe(200);
    expect(copy.headers.get('content-type')).toMatch(/^application\/pdf/);
    const contract = (await stack.request(parties.school, 'GET', `/v1/cases/${caseId}/contract`)).body;
    expect(createHash('sha256').update(Buffer.from(await copy.arrayBuffer())).digest('hex')).toBe(contract.versions[0].sha256);
    expect(contract.registrationNumber).toBe(registrationNumber);
    expect((await inBrowser(parties.otherEmployer)).status).toBe(404);
    // In each one's language: the employer's organisation reads English; the apprentice, living in France, French.
    expect((await mailsWith(told.employer, registrationNumber))[0]!.subject).toMatch(/^Apprenticeship contract registered/);
    expect((await mailsWith(told.apprentice, registrationNumber))[0]!.subject).toMatch(/^Contrat d'apprentissage enregistré/);
    // The registrar itself is not told what it did.
    expect(await mailsWith(parties.chamber.organisationEmail, registrationNumber)).toEqual([]);
  });

  it('reminds the employer to confirm the social security affiliation until it does, and keeps the number out of every mail', async () => {
    const { parties } = stack;
    const task = await openTaskOf(parties.employer, caseId, 'social_security');
    const reminders = () => mailsWith(parties.employer.organisationEmail, "Reminder: confirm the apprentice's social security affiliation");
    await expect.poll(async () => (await reminders()).length, poll).toBeGreaterThanOrEqual(2);

    const wrong = await stack.complete(parties.employer, task.id, { outcome: 'confirmed', affiliationNumber: '12-34', affiliatedOn: nextSchoolYearStart() });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/affiliationNumber']);
    const confirmed = await stack.complete(parties.employer, task.id, { outcome: 'confirmed', affiliationNumber, affiliatedOn: nextSchoolYearStart() });
    expect(confirmed.status).toBe(200);
    const remindedBefore = (await reminders()).length;

    await expect.poll(async () => (await readCase(parties.employer, caseId)).body.socialSecurity, poll).toMatchObject({ affiliationNumber, affiliatedOn: nextSchoolYearStart() });
    expect((await readCase(parties.chamber, caseId)).body.socialSecurity).toMatchObject({ affiliationNumber: '[withheld]' });

    // Once the trial period has ended (seconds of reminders later), the reminders had stopped:
    // at most one was on its way when the employer confirmed.
    await expect.poll(async () => (await mailsWith(parties.employer.organisationEmail, 'Trial period ended')).length, poll).toBe(1);
    expect((await reminders()).length).toBeLessThanOrEqual(remindedBefore + 1);
    const history = await stack.request(parties.ministry, 'GET', `/v1/cases/${caseId}/history`);
    expect(JSON.stringify(history.body)).not.toContain(affiliationNumber);
    for (const address of [parties.employer.organisationEmail, parties.employer.userEmail, parties.chamber.organisationEmail, apprenticeEmail]) {
      for (const mail of await stack.mailsTo(address)) expect(mail.text + mail.subject).not.toContain(affiliationNumber);
    }
  });

  it('tells the employer when the trial period has ended, three months from the start', async () => {
    const { parties } = stack;
    const lastDay = `${startYear}-11-30`;
    await expect.poll(async () => (await mailsWith(parties.employer.organisationEmail, 'Trial period ended')).length, poll).toBe(1);
    const [mail] = await mailsWith(parties.employer.organisationEmail, 'Trial period ended');
    expect(mail!.text).toContain(lastDay);
    const history = await stack.request(parties.employer, 'GET', `/v1/cases/${caseId}/history`);
    expect(history.body.items.filter((e: { type: string }) => e.type === 'trial_period_ended').map((e: { data: unknown }) => e.data)).toEqual([{ lastDay }]);
  });

  it('asks the employer for the young apprentice’s medical examination within two months, with a reminder before', async () => {
    const { parties } = stack;
    const task = await openTaskOf(parties.employer, caseId, 'medical_examination');
    expect(task.dueOn).toBe(`${startYear}-10-31`);
    await expect
      .poll(async () => (await mailsWith(parties.employer.organisationEmail, "Reminder: record the apprentice's medical examination")).length, poll)
      .toBe(1);
    const examined = await stack.complete(parties.employer, task.id, { outcome: 'examined', examinedOn: `${startYear}-09-20` });
    expect(examined.status).toBe(200);
  });
});

describe('a trade no chamber covers', () => {
  it('has its contract registered by the ministry', async () => {
    const { parties } = stack;
    // The demo employer is given the right to train care assistants (no chamber covers the trade).
    const rights = sampleReferenceData.filter((v) => v.table === 'rights-to-train').at(-1)!.rows;
    const published = await stack.request(parties.ministry, 'POST', '/v1/reference/rights-to-train/versions', {
      validFrom: `${startYear}-01-01`,
      legalReference: 'Register of the rights to train (test)',
      rows: [...rights, { employerOrganisationId: parties.employer.organisationId, tradeCode: 'DAP-AUXILIAIRE-VIE', chamberOrganisationId: null, validFrom: `${startYear}-01-01`, validTo: null }],
    });
    expect(published.status).toBe(201);
    const arlon = await stack.db.selectFrom('organisations').select('email').where('id', '=', 'ipea-arlon').executeTakeFirstOrThrow();
    const school: Party = { ...(await stack.colleague(parties.school, 'luc.arlon')), organisationId: 'ipea-arlon', organisationEmail: arlon.email };

    const { id } = await stack.submit({ tradeCode: 'DAP-AUXILIAIRE-VIE', foreignSchool: { organisationId: 'ipea-arlon', programme: 'Aide familial(e)' } });
    expect((await stack.complete(parties.adem, (await stack.openTask(parties.adem, id)).id, { outcome: 'favourable', reasons: 'Fine' })).status).toBe(200);
    expect((await stack.complete(school, (await stack.openTask(school, id)).id, { outcome: 'confirmed' })).status).toBe(200);
    expect((await stack.complete(parties.ministry, (await stack.openTask(parties.ministry, id)).id, { outcome: 'authorised' })).status).toBe(200);
    await signContract(id);

    const task = await openTaskOf(parties.ministry, id, 'registration');
    expect((await stack.complete(parties.ministry, task.id, { outcome: 'registered' })).status).toBe(200);
    await expect.poll(async () => (await readCase(parties.employer, id)).body.registration?.number, poll).toMatch(/^MENJE-FP-\d{4}-\d{5}$/);
    const registrationNumber = (await readCase(parties.employer, id)).body.registration.number;
    // Asked again (a retried activity), the contract keeps its number.
    const again = await registerContract(stack.db, { caseId: id, contractVersion: 1, registrarOrganisationId: 'menje-fp', registeredBy: parties.ministry.userId, registeredAt: new Date().toISOString() });
    expect(again).toBe(registrationNumber);
    await expect.poll(async () => (await mailsWith(arlon.email, registrationNumber)).length, poll).toBe(1);
    expect((await mailsWith(arlon.email, registrationNumber))[0]!.text).toContain('MENJE');
  });
});

describe('first months that cross runs of the workflow', () => {
  it('re-arms in each new run only what is still to come', async () => {
    const { parties } = stack;
    // Cases submitted from now on continue as new every few reminders (the case above has finished its first months).
    await stack.restartWith({ CASE_CONTINUE_AS_NEW_AFTER_EVENTS: '20' });
    const { id } = await stack.submit({ apprentice: { ...stack.caseRequest().apprentice, birthDate: `${startYear - 16}-03-01` }, legalRepresentative: representative() });
    await stack.authorise(id);
    await signContract(id);
    expect((await stack.complete(parties.chamber, (await openTaskOf(parties.chamber, id, 'registration')).id, { outcome: 'registered' })).status).toBe(200);

    const reference = caseReference(id);
    const employerMails = async (subject: string) => (await mailsWith(parties.employer.organisationEmail, subject)).filter((mail) => mail.subject.includes(reference));
    await expect.poll(async () => (await employerMails('Trial period ended')).length, poll).toBe(1);
    // Reminders went on across the runs, and the affiliation confirmed in a later run stops them.
    expect((await employerMails("Reminder: confirm the apprentice's social security affiliation")).length).toBeGreaterThanOrEqual(3);
    const task = await openTaskOf(parties.employer, id, 'social_security');
    expect((await stack.complete(parties.employer, task.id, { outcome: 'confirmed', affiliationNumber: '2011030112345', affiliatedOn: nextSchoolYearStart() })).status).toBe(200);
    await expect.poll(async () => (await readCase(parties.employer, id)).body.socialSecurity, poll).not.toBeNull();

    const runs = await runsOf(`case-${id}`);
    expect(runs.length).toBeGreaterThan(3);
    // A run of the first months that began from the state the one before handed on.
    recordHistory(`case-${id}`, 'apprenticeship-first-months-continued.json', runs.at(-2)!.runId);
    // Done once, whatever the number of runs: one medical examination asked for, one reminder of it, one end of the trial period.
    const tasks = await stack.db.selectFrom('tasks').select('kind').where('case_id', '=', id).where('kind', 'in', ['medical_examination', 'social_security']).execute();
    expect(tasks.map((t) => t.kind).sort()).toEqual(['medical_examination', 'social_security']);
    expect((await employerMails("Reminder: record the apprentice's medical examination")).length).toBe(1);
    const ended = await stack.db.selectFrom('events').select('type').where('case_id', '=', id).where('type', '=', 'trial_period_ended').execute();
    expect(ended).toHaveLength(1);
  });
});
