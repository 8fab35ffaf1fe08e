import { expect } from 'vitest';
import { addDays } from '../../domain/contract-changes.js';
import type { Party, TestStack } from './stack.js';

const poll = { timeout: 30_000 };

export interface RunningCase {
  id: string;
  reference: string;
  /** Today in the contract's calendar: its first day began when the ministry authorised the case. */
  today(): string;
}

export async function statusOf(stack: TestStack, caseId: string, party = stack.parties.employer): Promise<string> {
  return (await stack.request(party, 'GET', `/v1/cases/${caseId}`)).body.status;
}

/**
 * A case in training: authorised, signed by every signer and registered by the chamber, on a
 * stack whose contract days last `dayMs`.
 */
export async function runningCase(stack: TestStack, dayMs: number): Promise<RunningCase> {
  const { parties } = stack;
  const submitted = await stack.submit();
  await stack.authorise(submitted.id);
  await stack.signContract(submitted.id);
  const registration = await stack.openTask(parties.chamber, submitted.id);
  expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
  await expect.poll(() => statusOf(stack, submitted.id), poll).toBe('in_training');
  const detail = (await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body;
  const authorisedAt = Date.parse(detail.tasks.find((t: { kind: string }) => t.kind === 'decision').completedAt);
  const startDate: string = detail.request.startDate;
  return { id: submitted.id, reference: detail.reference, today: () => addDays(startDate, Math.floor((Date.now() - authorisedAt) / dayMs)) };
}

/** The open task of `party` in the case of the kind asked for, waiting for it to be opened. */
export async function taskOf(stack: TestStack, party: Party, caseId: string, kind: string): Promise<{ id: string }> {
  let found: { id: string } | undefined;
  await expect
    .poll(async () => {
      const tasks = (await stack.request(party, 'GET', '/v1/tasks')).body.items as { id: string; caseId: string; kind: string }[];
      found = tasks.find((t) => t.caseId === caseId && t.kind === kind);
      return found;
    }, poll)
    .toBeDefined();
  return found!;
}

/**
 * A case whose school reported the final exam passed (on a stack with short contract days):
 * authorised, signed, registered, two school years passed, and the diploma awarded.
 */
export async function graduatedCase(stack: TestStack, diploma = { diplomaTitle: 'CAP Boulanger', diplomaDate: '2030-07-02' }): Promise<string> {
  const { parties } = stack;
  const { id } = await stack.submit();
  await stack.authorise(id);
  await stack.signContract(id);
  const registration = await stack.openTask(parties.chamber, id);
  expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
  for (const _ of [1, 2]) {
    const year = await stack.openTask(parties.school, id, 'school_year_result');
    expect((await stack.complete(parties.school, year.id, { outcome: 'passed' })).status).toBe(200);
  }
  const exam = await stack.openTask(parties.school, id, 'final_exam');
  expect((await stack.complete(parties.school, exam.id, { outcome: 'passed', ...diploma })).status).toBe(200);
  return id;
}
