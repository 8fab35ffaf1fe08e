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

/** The SHA-256 of the contract's current version: what its employer signs. */
export async function currentHash(stack: TestStack, party: Party, caseId: string): Promise<string> {
  const { versions, currentVersion } = (await stack.request(party, 'GET', `/v1/cases/${caseId}/contract`)).body as { currentVersion: number; versions: { version: number; sha256: string }[] };
  return versions.find((v) => v.version === currentVersion)!.sha256;
}

export async function statusOf(stack: TestStack, caseId: string, party = stack.parties.employer): Promise<string> {
  return (await stack.request(party, 'GET', `/v1/cases/${caseId}`)).body.status;
}

/**
 * A case in training: authorised, signed by its employer and registered by the chamber, as
 * test/e2e/contract.test.ts walks it, on a stack whose contract days last `dayMs`.
 */
export async function runningCase(stack: TestStack, dayMs: number): Promise<RunningCase> {
  const { parties } = stack;
  const submitted = await stack.submit();
  await stack.authorise(submitted.id);
  const signature = await stack.openTask(parties.employer, submitted.id);
  expect((await stack.complete(parties.employer, signature.id, { outcome: 'signed', documentSha256: await currentHash(stack, parties.employer, submitted.id) })).status).toBe(200);
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
