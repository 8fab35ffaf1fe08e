import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../domain/allowance.js';
import { caseReference } from '../../domain/case-reference.js';
import { addDays } from '../../domain/contract-changes.js';
import { contractEndDate } from '../../domain/contract.js';
import { encryptedDataConverter } from '../../infra/payload-codec.js';
import { recordHistory } from '../support/record-history.js';
import { runningCase, statusOf, taskOf } from '../support/running-case.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { runsOf } from '../support/workflow-runs.js';

/** A case signed by every signer and registered by the chamber, as test/e2e/contract.test.ts gets it there. */
async function registeredCase(stack: TestStack, overrides: Parameters<TestStack['submit']>[0] = {}): Promise<string> {
  const { parties } = stack;
  const { id } = await stack.submit(overrides);
  await stack.authorise(id);
  await stack.signContract(id);
  const registration = await stack.openTask(parties.chamber, id);
  expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
  return id;
}

const readCase = (stack: TestStack, id: string) => stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`);

/** The ministry publishes a new unqualified social minimum wage from `takesEffect`: the allowance review follows. */
async function publishMinimumWage(stack: TestStack, takesEffect: string, unqualifiedMonthlyCents: number): Promise<void> {
  const published = await stack.request(stack.parties.ministry, 'POST', '/v1/reference/social-minimum-wage/versions', {
    validFrom: takesEffect,
    legalReference: 'Salaire social minimum relevé (test)',
    sample: true,
    rows: [{ validFrom: takesEffect, unqualifiedMonthlyCents }],
  });
  expect(published.status).toBe(201);
}

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
  it('extends the contract by a year when the final exam is failed and the parties agree, then completes with the second exam', async () => {
    const { parties } = stack;
    const id = await registeredCase(stack);
    const extend = (party = parties.employer, agreed = true) => stack.request(party, 'POST', `/v1/cases/${id}/extension`, { agreed });
    expect((await extend()).status).toBe(409);

    for (const _ of [1, 2]) {
      const result = await stack.openTask(parties.school, id);
      expect(result.kind).toBe('school_year_result');
      expect((await stack.complete(parties.school, result.id, { outcome: 'passed' })).status).toBe(200);
    }
    const exam = await stack.openTask(parties.school, id);
    expect(exam.kind).toBe('final_exam');
    expect((await stack.complete(parties.school, exam.id, { outcome: 'failed' })).status).toBe(200);

    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${id}/extension`, { agreed: 'yes' })).status).toBe(400);
    expect((await extend(parties.school)).status).toBe(403);
    const extended = await extend();
    expect(extended.status).toBe(200);
    expect(extended.body.status).toBe('in_training');
    await expect.poll(async () => (await readCase(stack, id)).body.allowance.version, { timeout: 20_000 }).toBe(2);
    const { allowance } = (await readCase(stack, id)).body;
    expect(allowance).toMatchObject({ reason: 'change', effectiveFrom: `${Number(allowance.years[0].from.slice(0, 4)) + 3}${allowance.years[0].from.slice(4)}` });
    expect(Math.max(...allowance.years.map((p: { year: number }) => p.year))).toBe(4);
    expect((await extend()).status).toBe(409);

    const second = await stack.openTask(parties.school, id);
    expect(second.kind).toBe('final_exam');
    expect((await stack.complete(parties.school, second.id, { outcome: 'passed', diplomaTitle: 'DAP Boulanger-pâtissier', diplomaDate: '2031-07-02' })).status).toBe(200);
    await expect.poll(async () => (await readCase(stack, id)).body.status, { timeout: 20_000 }).toBe('completed');

    const events = await eventsOf(stack, id);
    expect(events.filter((e) => e.type === 'allowance_year_started').map((e) => (e.data as { year: number }).year)).toEqual([1, 2, 3, 4]);
    expect(events.filter((e) => e.type === 'final_exam_reported').map((e) => (e.data as { outcome: string }).outcome)).toEqual(['failed', 'passed']);
    // A year past the three-year contract's last day.
    expect(events.filter((e) => e.type === 'training_extended').map((e) => e.data)).toEqual([{ agreed: true, endDate: contractEndDate(allowance.years[0].from, 48) }]);
    // No school year result for the year the final exam reported on.
    expect(events.filter((e) => e.type === 'school_year_reported')).toHaveLength(2);
  });
  it('ends the contract at its term when the final exam is failed and the parties do not extend it', async () => {
    const { parties } = stack;
    const id = await registeredCase(stack, { durationMonths: 24 });
    // The school never reports the first year; the final exam comes all the same.
    const finalExam = async () => {
      const reply = await stack.request(parties.school, 'GET', '/v1/tasks');
      return reply.body.items.find((t: { caseId: string; kind: string }) => t.caseId === id && t.kind === 'final_exam');
    };
    await expect.poll(finalExam, { timeout: 20_000 }).toBeDefined();
    expect((await stack.complete(parties.school, (await finalExam()).id, { outcome: 'failed' })).status).toBe(200);
    const reference = caseReference(id);
    await expect
      .poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject === `Final exam not passed – apprenticeship ${reference}`).length, { timeout: 20_000 })
      .toBe(1);

    const declined = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/extension`, { agreed: false });
    expect(declined.status).toBe(200);
    expect(declined.body.status).toBe('terminated');
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${id}/extension`, { agreed: true })).status).toBe(409);
    const events = await eventsOf(stack, id);
    expect(events.filter((e) => e.type === 'training_extended').map((e) => (e.data as { agreed: boolean }).agreed)).toEqual([false]);
    expect(events.filter((e) => e.type === 'allowance_year_started')).toHaveLength(2);
    const closed = (await readCase(stack, id)).body;
    expect(closed.allowance.version).toBe(1);
    // The result nobody gave is no longer asked for.
    expect(closed.tasks.filter((t: { kind: string }) => t.kind === 'school_year_result').map((t: { status: string }) => t.status)).toEqual(['cancelled']);
  });
});

describe('a three-year apprenticeship with its changes, suspension and end date', () => {
  // 20 ms a contract day: a training year about seven seconds, room for the changes within it.
  const dayMs = 20;
  const poll = { timeout: 30_000 };
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ env: { CONTRACT_DAY_LENGTH: `${dayMs}ms` } });
  });
  afterAll(() => stack.stop());

  /** The contract's date a task of the case was opened on. */
  async function openedOn(id: string, taskId: string): Promise<string> {
    const detail = (await readCase(stack, id)).body;
    const authorisedAt = Date.parse(detail.tasks.find((t: { kind: string }) => t.kind === 'decision').completedAt);
    const opened = Date.parse(detail.tasks.find((t: { id: string }) => t.id === taskId).createdAt);
    return addDays(detail.request.startDate, Math.floor((opened - authorisedAt) / dayMs));
  }

  it('steps the years, counts the mid-course pass and ends with the final exam through a change of tutor, a new contract version and a suspension over an anniversary', async () => {
    const { parties } = stack;
    const running = await runningCase(stack, dayMs);
    const { id } = running;
    const startDate: string = (await readCase(stack, id)).body.request.startDate;

    // The employer proposes a new tutor, the chamber agrees: the contract's second version states it.
    const tutor = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/changes`, { kind: 'tutor', effectiveOn: addDays(running.today(), 20), tutor: { name: 'Nadine Weis' } });
    expect(tutor.status).toBe(201);
    const agreement = await taskOf(stack, parties.chamber, id, 'change_agreement');
    expect((await stack.complete(parties.chamber, agreement.id, { outcome: 'accepted' })).status).toBe(200);
    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${id}/contract`)).body.currentVersion, poll).toBe(2);
    // Every signer signs it: the apprentice through a second link.
    const apprentice = stack.caseRequest().apprentice.email!;
    await expect.poll(async () => (await stack.mailsTo(apprentice)).filter((m) => m.subject.includes(running.reference) && m.text.includes('/sign/')).length, poll).toBe(2);
    await stack.signContract(id);
    const versionStatus = async (version: number) =>
      (await stack.request(parties.employer, 'GET', `/v1/cases/${id}/contract`)).body.versions.find((v: { version: number }) => v.version === version).status;
    await expect.poll(() => versionStatus(2), poll).toBe('signed');
    const revisionSignedAt = Date.now();
    expect(await versionStatus(1)).toBe('void');

    // Year 1's result, with the mid-course integrated project passed.
    const year1 = await taskOf(stack, parties.school, id, 'school_year_result');
    expect((await stack.complete(parties.school, year1.id, { outcome: 'passed', midCourseProjectPassed: true, midCourseProjectPassedOn: '2028-06-20' })).status).toBe(200);

    // Suspended from before the second anniversary to after it.
    const anniversary = addMonths(startDate, 24);
    const suspension = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/suspension`, { from: addDays(anniversary, -60) });
    expect(suspension.status).toBe(201);
    await expect.poll(() => statusOf(stack, id), poll).toBe('suspended');
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${id}/resumption`, { on: addDays(anniversary, 60) })).status).toBe(200);
    // The year begins all the same: the school reports the one before while the training is suspended.
    const year2 = await taskOf(stack, parties.school, id, 'school_year_result');
    expect(year2.id).not.toBe(year1.id);
    expect(await statusOf(stack, id)).toBe('suspended');
    expect((await stack.complete(parties.school, year2.id, { outcome: 'passed' })).status).toBe(200);
    await expect.poll(() => statusOf(stack, id), poll).toBe('in_training');

    const exam = await taskOf(stack, parties.school, id, 'final_exam');
    // The day after the last (the workflow opens it then, the test reads it a little later).
    expect(Date.parse(await openedOn(id, exam.id))).toBeGreaterThanOrEqual(Date.parse(addMonths(startDate, 36)));
    expect((await stack.complete(parties.school, exam.id, { outcome: 'passed', diplomaTitle: 'DAP Boulanger-pâtissier', diplomaDate: '2030-07-02' })).status).toBe(200);
    await expect.poll(() => statusOf(stack, id), poll).toBe('completed');

    const completed = (await readCase(stack, id)).body;
    expect(completed.allowance).toMatchObject({ version: 2, reason: 'mid_course' });
    for (const period of completed.allowance.years) expect(period.midCoursePassed).toBe(period.from >= completed.allowance.midCoursePassedOn);
    const terms = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}/course`)).body.terms;
    expect(terms.map((t: { tutor: { name: string } }) => t.tutor.name)).toEqual(['Marc Schmit', 'Nadine Weis']);

    const events = await eventsOf(stack, id);
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(events.filter((e) => e.type === 'allowance_year_started').map((e) => (e.data as { year: number }).year)).toEqual([1, 2, 3]);
    for (const type of ['change_proposed', 'change_accepted', 'contract_revised', 'training_suspended', 'suspension_began', 'training_resumed', 'suspension_ended', 'final_exam_reported', 'training_completed']) {
      expect(count(type), type).toBe(1);
    }
    expect(count('school_year_reported')).toBe(2);
    expect(count('allowance_schedule_stored')).toBe(2);
    const signed = events.filter((e) => e.type === 'contract_signed').map((e) => e.data as { signer: string; contractVersion: number });
    expect(signed.map((s) => `${s.contractVersion}.${s.signer}`).sort()).toEqual(['1.apprentice', '1.employer', '2.apprentice', '2.employer']);
    const sequences = events.map((e) => e.sequence).filter((s) => s !== null);
    expect(new Set(sequences).size).toBe(sequences.length);

    // The run in which the second version was signed, and the last one, with the final exam.
    const runs = await runsOf(`case-${id}`);
    const signingRun = runs.find((r) => r.startTime.getTime() <= revisionSignedAt && (r.closeTime?.getTime() ?? Infinity) >= revisionSignedAt)!;
    recordHistory(`case-${id}`, 'apprenticeship-contract-revised-in-training.json', signingRun.runId);
    recordHistory(`case-${id}`, 'apprenticeship-completed.json', runs.at(-1)!.runId);
  });

  it('follows an agreed change of the last day: a third year begins and the final exam opens after the new end, not the old', async () => {
    const { parties } = stack;
    const submitted = await stack.submit({ durationMonths: 24 });
    await stack.authorise(submitted.id);
    await stack.signContract(submitted.id);
    const registration = await stack.openTask(parties.chamber, submitted.id, 'registration');
    expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
    const { id } = submitted;
    const startDate: string = (await readCase(stack, id)).body.request.startDate;
    const oldEnd = contractEndDate(startDate, 24);
    const newEnd = addDays(oldEnd, 90);

    await expect.poll(() => statusOf(stack, id), poll).toBe('in_training');

    // The employer proposes a later end; the school, which the policy names for it, agrees.
    const proposed = await stack.request(parties.employer, 'POST', `/v1/cases/${id}/changes`, { kind: 'end_date', effectiveOn: oldEnd, endDate: newEnd });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ agreeing: { id: parties.school.organisationId } });
    const agreement = await taskOf(stack, parties.school, id, 'change_agreement');
    expect((await stack.complete(parties.school, agreement.id, { outcome: 'accepted' })).status).toBe(200);

    const exam = await taskOf(stack, parties.school, id, 'final_exam');
    expect(Date.parse(await openedOn(id, exam.id))).toBeGreaterThanOrEqual(Date.parse(addDays(newEnd, 1)));
    const events = await eventsOf(stack, id);
    // The anniversary within the longer contract begins a third year.
    expect(events.filter((e) => e.type === 'allowance_year_started').map((e) => (e.data as { year: number; from: string }).from)).toEqual([startDate, addMonths(startDate, 12), addMonths(startDate, 24)]);
    expect((await readCase(stack, id)).body.tasks.filter((t: { kind: string }) => t.kind === 'final_exam')).toHaveLength(1);
    // The stored schedule has a version from the change: the third year, from the second anniversary to the new last day.
    const { allowance } = (await readCase(stack, id)).body;
    expect(allowance).toMatchObject({ version: 2, reason: 'change', effectiveFrom: addMonths(startDate, 24) });
    expect(allowance.years.at(-1)).toMatchObject({ year: 3, from: addMonths(startDate, 24), to: newEnd, minimumCents: expect.any(Number) });
    // A new minimum wage within the third year: the review's version keeps the agreed last day, not the requested duration's.
    const takesEffect = addMonths(startDate, 25);
    await publishMinimumWage(stack, takesEffect, 400_000);
    await expect.poll(async () => (await readCase(stack, id)).body.allowance.version, { timeout: 20_000 }).toBe(3);
    const reviewed = (await readCase(stack, id)).body.allowance;
    expect(reviewed).toMatchObject({ reason: 'table_change', effectiveFrom: takesEffect });
    expect(reviewed.years.at(-1)).toMatchObject({ year: 3, from: takesEffect, to: newEnd });
    expect((await stack.complete(parties.school, exam.id, { outcome: 'passed', diplomaTitle: 'DAP Boulanger-pâtissier', diplomaDate: '2030-07-02' })).status).toBe(200);
    await expect.poll(() => statusOf(stack, id), poll).toBe('completed');
  });
});

describe('a new social minimum wage taking effect', () => {
  let stack: TestStack;
  beforeAll(async () => {
    // A page a contract: the review continues as new between them.
    stack = await startTestStack({ env: { ALLOWANCE_REVIEW_PAGE_SIZE: '1' } });
  });
  afterAll(() => stack.stop());

  it('recomputes every running contract from its date and tells the employer whose allowance falls below the new minimum', async () => {
    const { parties } = stack;
    const running = await registeredCase(stack);
    // Paid well above any minimum: recomputed, but nobody told.
    const generous = await stack.submit({ proposedMonthlyAllowanceCents: 250_000 });
    await stack.authorise(generous.id);
    await stack.signContract(generous.id);
    await stack.complete(parties.chamber, (await stack.openTask(parties.chamber, generous.id)).id, { outcome: 'registered' });
    // Not registered yet: no schedule to review.
    const unsigned = await stack.submit();
    await stack.authorise(unsigned.id);
    await stack.openTask(parties.employer, unsigned.id);
    for (const id of [running, generous.id]) await expect.poll(async () => (await readCase(stack, id)).body.allowance?.version, { timeout: 20_000 }).toBe(1);
    const before = (await readCase(stack, running)).body.allowance;

    const startDate = before.effectiveFrom as string;
    const takesEffect = `${Number(startDate.slice(0, 4)) + 1}-01-01`;
    await publishMinimumWage(stack, takesEffect, 400_000);

    await expect.poll(async () => (await readCase(stack, running)).body.allowance.version, { timeout: 20_000 }).toBe(2);
    const after = (await readCase(stack, running)).body.allowance;
    expect(after).toMatchObject({ reason: 'table_change', effectiveFrom: takesEffect });
    for (const period of after.years) {
      // Before the date, the same terms (a period cut short where the new minimum begins).
      if (period.from < takesEffect) expect(period).toEqual({ ...before.years.find((p: { from: string }) => p.from === period.from), to: period.to });
      // 45% of the new minimum wage, above the 1 600.00 paid.
      else expect(period).toMatchObject({ minimumCents: 180_000, belowMinimum: true, tables: { socialMinimumWage: takesEffect } });
    }
    expect(after.years.find((p: { from: string }) => p.from === takesEffect)).toBeDefined();
    await expect.poll(async () => (await readCase(stack, generous.id)).body.allowance.version, { timeout: 20_000 }).toBe(2);
    expect((await readCase(stack, unsigned.id)).body.allowance).toBeNull();

    const belowMinimum = (id: string) => `Allowance below the minimum from ${takesEffect} – apprenticeship ${caseReference(id)}`;
    await expect.poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject === belowMinimum(running)).length, { timeout: 20_000 }).toBe(1);

    // The daily Schedule exists for this task queue; run by hand, it finds nothing more to change.
    const connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS! });
    try {
      const { PAYLOAD_ENCRYPTION_KEY: key, dataDir } = stack.config;
      const client = new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter({ key, dataDir }) });
      // Two running contracts, a page each, then the empty page: three runs of the review.
      const review = `allowance-review-${stack.config.TEMPORAL_TASK_QUEUE}-social-minimum-wage-${takesEffect}`;
      const reviewRuns = async () => {
        let n = 0;
        for await (const _ of client.workflow.list({ query: `WorkflowId = "${review}"` })) n++;
        return n;
      };
      await expect.poll(reviewRuns, { timeout: 20_000 }).toBe(3);
      const schedule = client.schedule.getHandle(`allowance-review-${stack.config.TEMPORAL_TASK_QUEUE}`);
      const described = await schedule.describe();
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'allowanceReviewWorkflow', taskQueue: stack.config.TEMPORAL_TASK_QUEUE });
      await schedule.trigger();
      await expect.poll(async () => (await schedule.describe()).info.recentActions.length, { timeout: 20_000 }).toBe(1);
      const [action] = (await schedule.describe()).info.recentActions;
      await client.workflow.getHandle(action!.action.workflow.workflowId, action!.action.workflow.firstExecutionRunId).result();
      await schedule.delete();
    } finally {
      await connection.close();
    }
    expect((await readCase(stack, running)).body.allowance.version).toBe(2);
    expect((await readCase(stack, generous.id)).body.allowance.version).toBe(2);
    await expect.poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject.startsWith('Allowance below the minimum')).map((m) => m.subject)).toEqual([belowMinimum(running)]);
  });
});
