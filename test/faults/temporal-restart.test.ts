import { mkdtempSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startTemporalDevServer, type TemporalDevServer } from '../../infra/temporal-dev-server.js';
import { freePort } from '../support/free-port.js';
import { expectCasesAtSignatures, expectMailsOnce, mailsAtSignatures } from '../support/nothing-lost.js';
import { patientCase } from '../support/patient-case.js';
import { pidWithArgument } from '../support/process-by-argument.js';
import { startTestStack, type TestStack } from '../support/stack.js';

/** A dev server of this file's own, on its own ports and SQLite file, that the test stops and starts again. */
let serverOptions: Parameters<typeof startTemporalDevServer>[0];
let temporal: TemporalDevServer;
let stack: TestStack;
beforeAll(async () => {
  serverOptions = { dataDir: mkdtempSync(path.join(inject('dataDir'), 'temporal-restart-')), port: await freePort(), uiPort: await freePort(), namespace: 'default' };
  temporal = await startTemporalDevServer(serverOptions);
  stack = await startTestStack({ env: { TEMPORAL_ADDRESS: temporal.address } });
});
afterAll(async () => {
  await stack?.stop();
  await temporal?.stop();
});

describe('the Temporal server stopped and started again on its file in the middle of a case', () => {
  it('lets the case go on to authorisation, with the same worker and API, and nothing lost or doubled', async () => {
    const { parties } = stack;
    const driver = patientCase(stack);
    const id = await driver.submit();
    await driver.answer(parties.adem, id);

    // Stopped as an operator would.
    await temporal.stop();
    const whileDown = await stack.complete(parties.chamber, (await driver.openTask(parties.chamber, id)).id, { outcome: 'favourable', reasons: 'Fine' });
    // Unavailable, not broken: the same answer may be sent again shortly.
    expect(whileDown.status).toBe(503);
    expect(whileDown.headers.get('content-type')).toContain('application/problem+json');
    expect(whileDown.headers.get('retry-after')).toBe('5');
    temporal = await startTemporalDevServer(serverOptions);
    await driver.answer(parties.chamber, id);

    // Killed, as by a crash: whatever SQLite had not synced is its to recover.
    process.kill(pidWithArgument(path.join(serverOptions.dataDir, 'temporal.sqlite')), 'SIGKILL');
    await temporal.stop();
    temporal = await startTemporalDevServer(serverOptions);
    await driver.answer(parties.school, id);
    await driver.answer(parties.ministry, id);
    await driver.openTask(parties.employer, id, 'signature');

    await expectCasesAtSignatures(stack, [id]);
    await expectMailsOnce(stack, [id], mailsAtSignatures);
  }, 150_000);
});
