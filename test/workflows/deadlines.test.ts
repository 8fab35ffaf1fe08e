import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  // Due twelve seconds after opening, reminded seven seconds before: five seconds to claim and reassign.
  stack = await startTestStack({ env: { TASK_DUE_AFTER: '12s', TASK_REMINDER_BEFORE: '7s' } });
});
afterAll(() => stack.stop());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('due dates, reminders and escalation', () => {
  it('reminds the queue, or whoever holds the task at that moment, then escalates to the supervisors; never someone no longer assigned', async () => {
    const { parties } = stack;
    const luc = await stack.colleague(parties.adem, 'luc.adem');
    const nina = await stack.colleague(parties.adem, 'nina.adem');
    const marie = parties.adem; // ADEM's supervisor

    // Case A: ADEM's task stays in the queue; the school answers before anything is due.
    const caseA = await stack.submit();
    // Case B: Luc claims ADEM's task, then the supervisor gives it to Nina.
    const caseB = await stack.submit();
    const [ademA, schoolA, ademB] = await Promise.all([stack.openTask(parties.adem, caseA.id), stack.openTask(parties.school, caseA.id), stack.openTask(parties.adem, caseB.id)]);
    expect((await stack.request(parties.adem, 'GET', `/v1/tasks/${ademA.id}`)).body.dueAt).not.toBeNull();
    await stack.complete(parties.school, schoolA.id, { outcome: 'confirmed' });
    expect((await stack.request(luc, 'POST', `/v1/tasks/${ademB.id}/claim`)).status).toBe(200);
    expect((await stack.request(marie, 'POST', `/v1/tasks/${ademB.id}/assign`, { userId: 'nina.adem' })).status).toBe(200);

    await pause(13_000);
    const subjects = async (address: string, caseId: string) =>
      (await stack.mailsTo(address)).filter((m) => m.subject.includes(caseId.slice(0, 8).toUpperCase())).map((m) => m.subject);

    // Reminders: to ADEM's queue for A (nobody holds it), to Nina for B — not to Luc, who no longer holds it.
    await expect.poll(async () => (await subjects(parties.adem.organisationEmail, caseA.id)).filter((s) => s.startsWith('Rappel')), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(async () => (await subjects(nina.userEmail, caseB.id)).filter((s) => s.startsWith('Reminder')), { timeout: 10_000 }).toHaveLength(1);
    expect(await subjects(luc.userEmail, caseB.id)).toEqual([]);
    expect((await subjects(parties.adem.organisationEmail, caseB.id)).filter((s) => s.startsWith('Rappel'))).toEqual([]);
    // Nothing for the school, which answered in time.
    expect((await subjects(parties.school.organisationEmail, caseA.id)).filter((s) => !s.startsWith('Nouvelle tâche'))).toEqual([]);

    // Escalation of both overdue tasks to ADEM's supervisor only, in her language.
    await expect.poll(async () => (await subjects(marie.userEmail, caseA.id)).filter((s) => s.startsWith('En retard')), { timeout: 10_000 }).toHaveLength(1);
    await expect.poll(async () => (await subjects(marie.userEmail, caseB.id)).filter((s) => s.startsWith('En retard')), { timeout: 10_000 }).toHaveLength(1);
    const escalation = (await stack.mailsTo(marie.userEmail)).find((m) => m.subject.includes(caseB.id.slice(0, 8).toUpperCase()));
    // Whether someone holds it, not who: names stay behind the login.
    expect(escalation!.text).not.toContain('Nina Schroeder');
    expect(escalation!.text).toContain('Un collègue l’a prise en charge.');
    expect(await subjects(nina.userEmail, caseB.id)).toHaveLength(1);

    const overdue = await stack.db.selectFrom('events').select('data').where('type', '=', 'task_overdue').where('case_id', 'in', [caseA.id, caseB.id]).execute();
    const overdueTasks = overdue.map((e) => (e.data as { taskId: string }).taskId);
    expect(overdueTasks).toEqual(expect.arrayContaining([ademA.id, ademB.id]));
    expect(overdueTasks).not.toContain(schoolA.id);
  });

  it('neither reminds nor escalates a task completed in time', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const task = await stack.openTask(parties.chamber, submitted.id);
    await stack.complete(parties.chamber, task.id, { outcome: 'favourable', reasons: 'ok' });
    await pause(13_000);
    const reference = submitted.id.slice(0, 8).toUpperCase();
    const toChamber = (await stack.mailsTo(parties.chamber.organisationEmail)).filter((m) => m.subject.includes(reference));
    expect(toChamber.map((m) => m.subject.split(':')[0])).toEqual(['Neue Aufgabe']);
    expect((await stack.mailsTo(parties.chamber.userEmail)).filter((m) => m.subject.includes(reference))).toEqual([]);
  });
});
