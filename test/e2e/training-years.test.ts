import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseReference } from '../../domain/case-reference.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** A case signed by the employer and registered by the chamber, as test/e2e/contract.test.ts gets it there. */
async function registeredCase(stack: TestStack): Promise<string> {
  const { parties } = stack;
  const { id } = await stack.submit();
  await stack.authorise(id);
  const signature = await stack.openTask(parties.employer, id);
  expect((await stack.complete(parties.employer, signature.id, { outcome: 'signed', documentSha256: 'a'.repeat(64) })).status).toBe(200);
  const registration = await stack.openTask(parties.chamber, id);
  expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
  return id;
}

const readCase = (stack: TestStack, id: string) => stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`);

async function eventsOf(stack: TestStack, caseId: string) {
  return stack.db.selectFrom('events').select(['type', 'sequence', 'data']).where('case_id', '=', caseId).orderBy('id').execute();
}

describe('a three-year apprenticeship with second-long years', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A contract day lasts 8 ms: a training year about three seconds.
    stack = await startTestStack({ env: { CONTRACT_DAY_LENGTH: '8ms' } });
  });
  afterAll(() => stack.stop());

  it('steps the stored allowance each year, changes the minimum from the mid-course pass, and completes with the final exam', async () => {
    const { parties } = stack;
    const id = await registeredCase(stack);

    const registered = (await readCase(stack, id)).body;
    expect(registered.allowance).toMatchObject({ version: 1, reason: 'registration', effectiveFrom: registered.startDate, midCoursePassedOn: null });
    expect(registered.allowanceSchedule).toEqual([]);
    expect(new Set(registered.allowance.years.map((p: { year: number }) => p.year))).toEqual(new Set([1, 2, 3]));
    for (const period of registered.allowance.years) expect(period).toMatchObject({ paidCents: 160_000, midCoursePassed: false, tables: { allowanceRules: expect.any(String) } });

    // Year 1's result, with the mid-course integrated project passed.
    const year1 = await stack.openTask(parties.school, id);
    expect(year1.kind).toBe('school_year_result');
    const reported = await stack.complete(parties.school, year1.id, { outcome: 'passed', midCourseProjectPassed: true, midCourseProjectPassedOn: '2028-06-20' });
    expect(reported.status).toBe(200);

    // Year 2's result; the school's wrong answer to a final exam is refused field by field.
    const year2 = await stack.openTask(parties.school, id);
    expect(year2.kind).toBe('school_year_result');
    expect((await stack.complete(parties.school, year2.id, { outcome: 'passed', midCourseProjectPassed: true })).status).toBe(400);
    expect((await stack.complete(parties.school, year2.id, { outcome: 'passed' })).status).toBe(200);

    const exam = await stack.openTask(parties.school, id);
    expect(exam.kind).toBe('final_exam');
    expect((await stack.complete(parties.school, exam.id, { outcome: 'passed' })).status).toBe(400);
    expect((await stack.complete(parties.school, exam.id, { outcome: 'passed', diplomaTitle: 'DAP Boulanger-pâtissier', diplomaDate: '2030-07-02' })).status).toBe(200);
    await expect.poll(async () => (await readCase(stack, id)).body.status, { timeout: 20_000 }).toBe('completed');

    // The mid-course pass: a new version from the day it was recorded, the minimum of a passed project from then on.
    const completed = (await readCase(stack, id)).body;
    const { allowance } = completed;
    expect(allowance).toMatchObject({ version: 2, reason: 'mid_course' });
    expect(allowance.effectiveFrom).toBe(allowance.midCoursePassedOn);
    for (const period of allowance.years) {
      expect(period.midCoursePassed).toBe(period.from >= allowance.midCoursePassedOn);
      const before = registered.allowance.years.find((p: { from: string; to: string }) => p.from <= period.from && period.from <= p.to);
      if (period.midCoursePassed) expect(period.minimumCents).toBeGreaterThan(before.minimumCents);
      else expect(period.minimumCents).toBe(before.minimumCents);
    }

    const events = await eventsOf(stack, id);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(events.filter((e) => e.type === 'allowance_year_started').map((e) => (e.data as { year: number }).year)).toEqual([1, 2, 3]);
    expect(count('school_year_reported')).toBe(2);
    expect(count('final_exam_reported')).toBe(1);
    expect(count('training_completed')).toBe(1);
    expect(count('contract_registered')).toBe(1);
    expect(count('allowance_schedule_stored')).toBe(2);
    // One run per training year, and no event written twice across them.
    const sequences = events.map((e) => e.sequence).filter((s) => s !== null);
    expect(new Set(sequences).size).toBe(sequences.length);

    const connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS! });
    try {
      const client = new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE });
      const runs = async () => {
        let n = 0;
        for await (const _ of client.workflow.list({ query: `WorkflowId = "case-${id}"` })) n++;
        return n;
      };
      // The review, the contract, then a run for each of the three years at least.
      await expect.poll(runs, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    } finally {
      await connection.close();
    }

    // The employer heard of each year, with no amount in the mail; and that the allowance paid fell below the new minimum.
    const reference = caseReference(id);
    await expect
      .poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject.includes(reference) && m.subject.startsWith('Training year')).length, { timeout: 20_000 })
      .toBe(3);
    const mails = (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject.includes(reference));
    for (const mail of mails.filter((m) => m.subject.startsWith('Training year'))) expect(mail.text).not.toMatch(/1[ .,]?600|160000/);
    expect(mails.filter((m) => m.subject.startsWith('Allowance below the minimum')).map((m) => m.subject)).toEqual([
      `Allowance below the minimum from ${allowance.effectiveFrom} – apprenticeship ${reference}`,
    ]);
    await expect.poll(async () => (await stack.mailsTo(parties.chamber.organisationEmail)).filter((m) => m.subject === `Abschlussprüfung bestanden – Lehre ${reference}`).length, { timeout: 20_000 }).toBe(1);
  });
});
