import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCasesAtSignatures, expectMailsOnce, mailsAtSignatures } from '../support/nothing-lost.js';
import { patientCase } from '../support/patient-case.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';

/** How long PostgreSQL is away. */
const outageMs = 5_000;

let stack: TestStack;
let proxy: TcpProxy;
beforeAll(async () => {
  stack = await startTestStack();
  // The worker and the API reach PostgreSQL through a proxy the test cuts; the test itself reads it directly.
  const direct = new URL(stack.config.DATABASE_URL!);
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port) });
  const proxied = new URL(direct);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  await stack.restartWith({ DATABASE_URL: proxied.toString() });
});
afterAll(async () => {
  await stack?.stop();
  await proxy?.stop();
});

describe('PostgreSQL away for a while as a case’s answers are recorded', () => {
  it('answers 503 meanwhile; then the activities retry, the case and its tasks catch up, and nothing is lost or doubled', async () => {
    const { parties } = stack;
    const driver = patientCase(stack);
    const id = await driver.submit();
    await Promise.all([parties.adem, parties.chamber, parties.school].map((party) => driver.openTask(party, id)));

    // The three answers go in; the database goes away as they are being recorded.
    const answering = Promise.all([parties.adem, parties.chamber, parties.school].map((party) => driver.answer(party, id)));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await proxy.cut();
    const whileDown = await stack.request(parties.employer, 'GET', `/v1/cases/${id}`);
    expect(whileDown.status).toBe(503);
    expect(whileDown.headers.get('content-type')).toContain('application/problem+json');
    expect(whileDown.headers.get('retry-after')).toBe('5');
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    await proxy.restore();

    await answering;
    const view = (await stack.request(parties.employer, 'GET', `/v1/cases/${id}`)).body;
    expect(view.tasks.filter((t: { kind: string; status: string }) => t.kind !== 'decision').map((t: { status: string }) => t.status)).toEqual(['completed', 'completed', 'completed']);
    await driver.answer(parties.ministry, id);
    await driver.openTask(parties.employer, id, 'signature');

    await expectCasesAtSignatures(stack, [id]);
    await expectMailsOnce(stack, [id], mailsAtSignatures);
  }, 150_000);
});
