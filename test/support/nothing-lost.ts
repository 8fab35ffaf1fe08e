import { expect, inject } from 'vitest';
import { caseReference } from '../../domain/case-reference.js';
import type { ReceivedMessage } from '../../infra/mail-sink.js';
import type { TestStack } from './stack.js';

/** The review's ten events, then the contract drawn up and the employer's signature task opened. */
export const eventsAtSignatures = 12;

/** Four task openings, the decision to the employer, its signature task, the apprentice's signing link. */
export const mailsAtSignatures = 7;

/**
 * Each case is awaiting signatures with every event once: keys unique, as many as a case
 * without faults has, of the same types.
 */
export async function expectCasesAtSignatures(stack: TestStack, caseIds: string[]): Promise<void> {
  for (const id of caseIds) {
    const view = await stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`);
    expect(view.body.status, `case ${id}`).toBe('awaiting_signatures');
  }
  const events = await stack.db.selectFrom('events').select(['case_id', 'key', 'type']).where('case_id', 'in', caseIds).orderBy('id').execute();
  expect(new Set(events.map((e) => e.key)).size).toBe(events.length);
  const typesOf = (id: string) => events.filter((e) => e.case_id === id).map((e) => e.type).sort();
  for (const id of caseIds) {
    expect(typesOf(id), `events of case ${id}`).toHaveLength(eventsAtSignatures);
    expect(typesOf(id), `events of case ${id}`).toEqual(typesOf(caseIds[0]!));
  }
}

/** The Message-ID a delivery under `key` carries (activities/mail-delivery.ts). */
const messageIdOf = (key: string) => `<${encodeURIComponent(key)}@cross-border-apprenticeship>`;

/** How near a kill the first copy of a mail sent twice must have arrived: the sink parses it before answering. */
const killWindowMs = 2_000;

/**
 * Every mail of the cases has arrived at the sink, each case's `perCase` of them, and once: each
 * delivery recorded has one copy and nothing arrived unrecorded. Mail goes out on its own
 * workflows, after the case moved on: it is waited for.
 *
 * A worker killed between the SMTP server's acceptance and the delivery's record cannot know
 * it sent (no mail protocol can say so), and the retry sends it again under the same
 * Message-ID: with `killedAt`, a second copy is allowed of a mail that reached the sink right at
 * a kill, and of no other.
 */
export async function expectMailsOnce(stack: TestStack, caseIds: string[], perCase: number, killedAt: number[] = []): Promise<void> {
  const deliveries = () => stack.db.selectFrom('mail_deliveries').select('key').execute();
  const references = caseIds.map(caseReference);
  const ofCases = (messages: ReceivedMessage[]) => messages.filter((m) => references.some((r) => m.subject.includes(r)));
  await expect.poll(async () => (await deliveries()).length, { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(perCase * caseIds.length);
  const recorded = await deliveries();
  const messages = ofCases(await (await fetch(`${inject('mailHttpUrl')}/messages`)).json() as ReceivedMessage[]);
  const copies = new Map<string, ReceivedMessage[]>();
  for (const message of messages) copies.set(message.messageId ?? 'none', [...(copies.get(message.messageId ?? 'none') ?? []), message]);
  // Every recorded delivery arrived, and nothing that was not recorded.
  expect([...copies.keys()].sort()).toEqual(recorded.map((d) => messageIdOf(d.key)).sort());
  for (const [messageId, received] of copies) {
    if (received.length === 1) continue;
    const first = Math.min(...received.map((m) => Date.parse(m.receivedAt)));
    expect(received, `${messageId} arrived ${received.length} times`).toHaveLength(2);
    expect(killedAt.some((kill) => Math.abs(first - kill) < killWindowMs), `${messageId} arrived twice, not at a kill`).toBe(true);
  }
  for (const reference of references) {
    expect(new Set(messages.filter((m) => m.subject.includes(reference)).map((m) => m.messageId)).size, `mails of case ${reference}`).toBe(perCase);
  }
}
