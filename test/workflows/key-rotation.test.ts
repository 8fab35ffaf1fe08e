import { randomBytes } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../infra/config.js';
import { PayloadEncryption } from '../../infra/payload-codec.js';
import { startTestStack, testPayloadKey, type TestStack } from '../support/stack.js';
import { runsOf } from '../support/workflow-runs.js';

const keyB = randomBytes(32);

/** Every payload anywhere in a history, as Temporal stores it. */
function payloadsIn(value: unknown, found: Payload[] = []): Payload[] {
  if (value && typeof value === 'object' && !(value instanceof Uint8Array)) {
    if ('metadata' in value && 'data' in value) found.push(value as Payload);
    else for (const child of Object.values(value)) payloadsIn(child, found);
  }
  return found;
}

function keyIdOf(payload: Payload): string | undefined {
  const id = payload.metadata?.['encryption-key-id'];
  return id ? Buffer.from(id).toString() : undefined;
}

describe('payload encryption keys', () => {
  it('refuses to decrypt a payload whose key it lacks, naming the key id', async () => {
    const [sealed] = await new PayloadEncryption([{ id: 'key-a', key: randomBytes(32) }]).encode([{ metadata: {}, data: Buffer.from('"Lena"') }]);
    await expect(new PayloadEncryption([{ id: 'key-b', key: keyB }]).decode([sealed!])).rejects.toThrow(/"key-a"/);
  });

  it('stops at start-up on a malformed key list, naming the setting', () => {
    expect(() => loadConfig({ PAYLOAD_ENCRYPTION_KEYS: 'key-b:not-32-bytes' })).toThrow(/PAYLOAD_ENCRYPTION_KEYS/);
    expect(() => loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `x:${keyB.toString('base64')},x:${keyB.toString('base64')}` })).toThrow(/PAYLOAD_ENCRYPTION_KEYS/);
    expect(() => loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `x:${keyB.toString('base64')}`, PAYLOAD_ENCRYPTION_KEY: testPayloadKey })).toThrow(/PAYLOAD_ENCRYPTION_KEYS/);
    expect(loadConfig({ PAYLOAD_ENCRYPTION_KEYS: `b:${keyB.toString('base64')}, primary:${testPayloadKey}` }).PAYLOAD_ENCRYPTION_KEYS?.map((k) => k.id)).toEqual(['b', 'primary']);
  });
});

describe('rotating the payload key in the middle of a case', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack.stop());

  it('decides the case: new payloads under the new key, the old ones still read with the older key', async () => {
    const submitted = await stack.submit();
    await stack.openTask(stack.parties.adem, submitted.id);

    // The single key of today (id `primary`) becomes the older key; key B encrypts from now on.
    await stack.stopWorker();
    await stack.restartWith({ PAYLOAD_ENCRYPTION_KEY: undefined, PAYLOAD_ENCRYPTION_KEYS: `b:${keyB.toString('base64')},primary:${testPayloadKey}` });
    expect((await stack.authorise(submitted.id)).status).toBe(200);
    await expect.poll(async () => (await stack.request(stack.parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');

    const connection = await Connection.connect({ address: inject('temporalAddress') });
    try {
      // The review's run, which the authorisation ended by continuing into the contract phase.
      const client = new Client({ connection });
      const review = (await runsOf(`case-${submitted.id}`)).find((run) => run.type === 'caseWorkflow')!;
      const history = await client.workflow.getHandle(`case-${submitted.id}`, review.runId).fetchHistory();
      const events = history.events ?? [];
      const keyIds = (event: (typeof events)[number]) => payloadsIn(event).map(keyIdOf).filter((id) => id !== undefined);
      expect(keyIds(events[0]!)).toEqual(['primary']);
      expect(keyIds(events.findLast((event) => keyIds(event).length > 0)!)).toContain('b');
      expect(new Set(events.flatMap(keyIds))).toEqual(new Set(['primary', 'b']));

      const started = payloadsIn(events[0]!)[0]!;
      const rotated = new PayloadEncryption([
        { id: 'b', key: keyB },
        { id: 'primary', key: Buffer.from(testPayloadKey, 'base64') },
      ]);
      const [input] = await rotated.decode([started]);
      expect(Buffer.from(input!.data!).toString()).toContain('2009-04-02');
    } finally {
      await connection.close();
    }
  });
});
