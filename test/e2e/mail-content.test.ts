import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ReceivedMessage } from '../../infra/mail-sink.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  // Due eight seconds after opening, reminded four seconds before: every kind of mail in one short case.
  stack = await startTestStack({ env: { TASK_DUE_AFTER: '8s', TASK_REMINDER_BEFORE: '4s' } });
});
afterAll(() => stack.stop());

const apprentice = { givenName: 'Josiane', familyName: 'Wurth-Kremer', birthDate: '2009-04-02', residenceCountry: 'FR' as const, admRegistrationNumber: 'ADEM-550123', email: 'josiane.wurth@example.fr' };
const tutor = { name: 'Fernand Zeimet' };
const tradeNames = { fr: 'Boulanger-pâtissier (DAP)', de: 'Bäcker-Konditor (DAP)', en: 'Baker-confectioner (DAP)' };

describe('e-mail, an unsafe channel, carries no personal data', () => {
  it('names nobody in any mail of a case: tasks, reminder, escalation, decision and withdrawal', async () => {
    const { parties } = stack;
    const luc = await stack.colleague(parties.adem, 'luc.adem');

    // Case A: ADEM's task is claimed and left to be reminded and escalated; then the ministry refuses, naming the apprentice.
    const decided = await stack.submit({ apprentice, tutor });
    const ademTask = await stack.openTask(parties.adem, decided.id);
    expect((await stack.request(luc, 'POST', `/v1/tasks/${encodeURIComponent(ademTask.id)}/claim`)).status).toBe(200);
    const referenceA = decided.id.slice(0, 8).toUpperCase();
    const subjectsTo = async (address: string, reference: string) => (await stack.mailsTo(address)).filter((m) => m.subject.includes(reference)).map((m) => m.subject);
    await expect.poll(async () => (await subjectsTo(parties.adem.userEmail, referenceA)).filter((s) => s.startsWith('En retard')), { timeout: 20_000 }).toHaveLength(1);
    await expect.poll(async () => (await subjectsTo(luc.userEmail, referenceA)).filter((s) => s.startsWith('Erinnerung')), { timeout: 20_000 }).toHaveLength(1);
    // Whoever holds a task completes it: Luc puts it back for the organisation to answer.
    expect((await stack.request(luc, 'POST', `/v1/tasks/${encodeURIComponent(ademTask.id)}/unclaim`)).status).toBe(200);
    await stack.authorise(decided.id, { outcome: 'refused', reasons: `${apprentice.givenName} ${apprentice.familyName} (${apprentice.admRegistrationNumber}) is not registered` });
    await expect.poll(async () => (await subjectsTo(parties.employer.userEmail, referenceA)).filter((s) => s.endsWith('refused')), { timeout: 20_000 }).toHaveLength(1);

    // Case B: withdrawn with a reason naming the apprentice.
    const withdrawn = await stack.submit({ apprentice, tutor });
    await stack.openTask(parties.chamber, withdrawn.id);
    const reason = `${apprentice.givenName} ${apprentice.familyName}, born ${apprentice.birthDate}, moved away`;
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${withdrawn.id}/withdraw`, { reason })).status).toBe(200);
    const referenceB = withdrawn.id.slice(0, 8).toUpperCase();
    await expect.poll(async () => (await subjectsTo(parties.chamber.organisationEmail, referenceB)).filter((s) => s.includes('zurückgezogen')), { timeout: 20_000 }).toHaveLength(1);

    // Every mail this file's stack sent (its addresses share a prefix of their own).
    const prefix = parties.employer.userEmail.split('.')[0]!;
    const all = (await (await fetch(`${inject('mailHttpUrl')}/messages`)).json()) as ReceivedMessage[];
    const mails = all.filter((m) => m.to.some((address) => address.startsWith(`${prefix}.`)));
    expect(mails.length).toBeGreaterThanOrEqual(10);

    const people = (await stack.db.selectFrom('users').select('name').execute()).map((u) => u.name);
    const employerName = (await stack.db.selectFrom('organisations').select('name').where('id', '=', parties.employer.organisationId).executeTakeFirstOrThrow()).name;
    const forbidden = [apprentice.givenName, apprentice.familyName, apprentice.birthDate, apprentice.admRegistrationNumber, tutor.name, employerName, ...people];
    for (const mail of mails) {
      const content = `${mail.subject}\n${mail.text}`;
      for (const personal of forbidden) expect(content, `${mail.subject} to ${mail.to}`).not.toContain(personal);
      expect([referenceA, referenceB].some((reference) => mail.subject.includes(reference) && mail.text.includes(reference)), mail.subject).toBe(true);
      expect(mail.text, mail.subject).toContain(tradeNames[mail.language as keyof typeof tradeNames]);
      // Each link opens a page (a task's, a case's), never the JSON API.
      expect(mail.text, mail.subject).toMatch(new RegExp(`${stack.config.publicBaseUrl}/(cases|tasks)/\\S+`));
      expect(mail.text, mail.subject).not.toContain('/v1/');
    }
    const reminder = mails.find((m) => m.to.includes(luc.userEmail) && m.subject.startsWith('Erinnerung'));
    expect(reminder!.text).toContain(`${stack.config.publicBaseUrl}/tasks/${encodeURIComponent(ademTask.id)}\n`);
  });
});
