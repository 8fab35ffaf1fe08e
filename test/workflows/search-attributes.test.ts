import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
let connection: Connection;
beforeAll(async () => {
  stack = await startTestStack();
  connection = await Connection.connect({ address: inject('temporalAddress') });
});
afterAll(async () => {
  await connection.close();
  await stack.stop();
});

describe('operators find a case in Temporal', () => {
  it('by its reference, status, employer, trade and country, kept current as it moves on', async () => {
    const client = new Client({ connection });
    const found = async (query: string) => {
      const ids: string[] = [];
      for await (const execution of client.workflow.list({ query })) ids.push(execution.workflowId);
      return ids;
    };
    const { parties } = stack;
    const { id } = await stack.submit();
    const reference = id.slice(0, 8).toUpperCase();
    // Visibility is eventually consistent.
    await expect.poll(() => found(`CaseReference = '${reference}' AND CaseStatus = 'in_review'`), { timeout: 10_000 }).toEqual([`case-${id}`]);

    await stack.authorise(id);
    // The review's run ends authorised; the case goes on in its contract phase, which keeps its status current.
    await expect.poll(() => found(`CaseReference = '${reference}' AND CaseStatus = 'authorised'`), { timeout: 10_000 }).toEqual([`case-${id}`]);
    await expect.poll(() => found(`CaseReference = '${reference}' AND CaseStatus = 'awaiting_signatures'`), { timeout: 10_000 }).toEqual([`case-${id}`]);
    expect(await found(`CaseReference = '${reference}' AND CaseStatus = 'in_review'`)).toEqual([]);
    const running = `ExecutionStatus = 'Running' AND EmployerId = '${parties.employer.organisationId}' AND TradeCode = '${stack.tradeCode}' AND ResidenceCountry = 'FR' AND CaseReference = '${reference}'`;
    expect(await found(running)).toEqual([`case-${id}`]);

    await stack.signContract(id);
    await expect.poll(() => found(`CaseReference = '${reference}' AND CaseStatus = 'awaiting_registration'`), { timeout: 10_000 }).toEqual([`case-${id}`]);
  });
});
