import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Party, Reply, TestStack } from './stack.js';

/** A killed worker's activity is retried after its start-to-close timeout: up to 2 minutes (the contract PDF). */
const patience = 180_000;

async function until<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + patience;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(what);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Sends again, as a client would, while the service answers 5xx or cannot be reached. */
async function retrying(send: () => Promise<Reply>): Promise<Reply> {
  return until('no answer but 5xx', async () => {
    const reply = await send();
    return reply.status >= 500 ? undefined : reply;
  });
}

/**
 * A case driven as its users would while something fails under them: they submit (again
 * with the same Idempotency-Key when told to), wait for their tasks to show, and answer;
 * the ministry authorises; the case goes on to the employer's signature task.
 */
export function patientCase(stack: TestStack) {
  const { parties } = stack;

  /** What the case's workflow waits on: for the message of a test that timed out. */
  async function pendingOf(caseId: string): Promise<string> {
    const connection = await Connection.connect({ address: stack.config.TEMPORAL_ADDRESS! });
    try {
      const { raw } = await new Client({ connection }).workflow.getHandle(`case-${caseId}`).describe();
      return JSON.stringify(raw.pendingActivities?.map((a) => ({ type: a.activityType?.name, attempt: a.attempt, state: a.state })));
    } finally {
      await connection.close();
    }
  }

  async function openTask(party: Party, caseId: string, kind?: string): Promise<{ id: string; kind: string }> {
    try {
      return await until(`no open ${kind ?? ''} task for ${party.organisationId} in case ${caseId}`, async () => {
        const reply = await stack.request(party, 'GET', '/v1/tasks');
        return reply.status === 200 ? reply.body.items.find((t: { caseId: string; kind: string }) => t.caseId === caseId && (kind === undefined || t.kind === kind)) : undefined;
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}; pending activities: ${await pendingOf(caseId).catch(String)}`);
    }
  }

  /** The review's yes (an opinion, an enrolment) or the ministry's authorisation. */
  const yes = (kind: string) => (kind === 'enrolment' ? { outcome: 'confirmed' } : kind === 'decision' ? { outcome: 'authorised' } : { outcome: 'favourable', reasons: 'Fine' });

  async function answer(party: Party, caseId: string, answerOf: (kind: string) => unknown = yes): Promise<void> {
    const task = await openTask(party, caseId);
    const reply = await retrying(() => stack.complete(party, task.id, answerOf(task.kind)));
    // A 5xx whose completion went through is answered 409 when sent again: the first answer stands.
    const stored = reply.status === 409 ? (await retrying(() => stack.request(party, 'GET', `/v1/tasks/${task.id}`))).body.answer : undefined;
    const sent = answerOf(task.kind) as Record<string, unknown>;
    if (reply.status !== 200 && !Object.entries(sent).every(([field, value]) => stored?.[field] === value)) {
      throw new Error(`${party.organisationId} could not answer in case ${caseId}: ${reply.status} ${JSON.stringify(reply.body)}, stored ${JSON.stringify(stored)}`);
    }
  }

  return {
    openTask,
    answer,

    async submit(): Promise<string> {
      const key = randomUUID();
      const reply = await retrying(() => stack.request(parties.employer, 'POST', '/v1/cases', stack.caseRequest(), { 'Idempotency-Key': key }));
      if (reply.status !== 201 && reply.status !== 200) throw new Error(`submission failed: ${reply.status} ${JSON.stringify(reply.body)}`);
      return reply.body.id as string;
    },

    /** ADEM, the chamber and the school say yes; the ministry authorises; the employer's signature task opens. */
    async toSignatures(caseId: string): Promise<void> {
      await Promise.all([parties.adem, parties.chamber, parties.school].map((party) => answer(party, caseId)));
      await answer(parties.ministry, caseId);
      await openTask(parties.employer, caseId, 'signature');
    },
  };
}
