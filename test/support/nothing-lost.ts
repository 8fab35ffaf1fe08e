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

/**
 * Every mail of the cases has arrived at the sink exactly once: each delivery recorded has one
 * copy, and each case as many deliveries as the first (`perCase`, when the caller knows it).
 * Mail goes out on its own workflows, after the case moved on: it is waited for.
 */
export async function expectMailsOnce(stack: TestStack, caseIds: string[], perCase: number): Promise<void> {
  const deliveries = () => stack.db.selectFrom('mail_deliveries').select('key').execute();
  const references = caseIds.map(caseReference);
  const ofCases = (messages: ReceivedMessage[]) => messages.filter((m) => references.some((r) => m.subject.includes(r)));
  await expect.poll(async () => (await deliveries()).length, { timeout: 120_000, interval: 500 }).toBeGreaterThanOrEqual(perCase * caseIds.length);
  const recorded = await deliveries();
  const messages = ofCases(await (await fetch(`${inject('mailHttpUrl')}/messages`)).json() as ReceivedMessage[]);
  const copies: Record<string, number> = {};
  for (const message of messages) copies[message.messageId ?? 'none'] = (copies[message.messageId ?? 'none'] ?? 0) + 1;
  // One copy of each recorded delivery, and nothing sent that was not recorded.
  expect(copies).toEqual(Object.fromEntries(recorded.map((d) => [messageIdOf(d.key), 1])));
  for (const reference of references) {
    expect(messages.filter((m) => m.subject.includes(reference)).map((m) => m.messageId), `mails of case ${reference}`).toHaveLength(perCase);
  }
}
