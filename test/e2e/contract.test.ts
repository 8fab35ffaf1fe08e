import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../support/record-history.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

const readCase = (id: string) => stack.request(stack.parties.employer, 'GET', `/v1/cases/${id}`);

describe('an authorised case goes on to its contract', () => {
  it('waits for the signatures, then for the competent chamber to register the contract', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    await stack.authorise(submitted.id);
    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');

    await stack.signContract(submitted.id);

    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('awaiting_registration');
    const registration = await stack.openTask(parties.chamber, submitted.id);
    expect(registration.kind).toBe('registration');
    expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('in_training');

    // The run that drew up, signed and registered the contract, now waiting in the first year.
    recordHistory(`case-${submitted.id}`, 'apprenticeship-signed-and-registered.json');
  });
});
