import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

    const signature = await stack.openTask(parties.employer, submitted.id);
    expect(signature.kind).toBe('signature');
    // The employer signs the contract it read: the PDF of the current version, by its hash.
    const contract = (await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}/contract`)).body;
    const signed = await stack.complete(parties.employer, signature.id, { outcome: 'signed', documentSha256: contract.versions[0].sha256 });
    expect(signed.status).toBe(200);

    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('awaiting_registration');
    const registration = await stack.openTask(parties.chamber, submitted.id);
    expect(registration.kind).toBe('registration');
    expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('in_training');
  });
});
