import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it, inject } from 'vitest';
import { encryptedDataConverter } from '../../infra/payload-codec.js';
import { testPayloadKey } from '../support/stack.js';

const historiesDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'histories');
const histories = readdirSync(historiesDir).filter((file) => file.endsWith('.json'));

/**
 * Histories recorded from real runs (RECORD_HISTORY=1 on the e2e tests writes them) must
 * replay on today's workflow code: a change that breaks them needs `patched()`.
 */
describe('recorded case histories replay on the current workflow code', () => {
  it('has histories to replay', () => {
    expect(histories.length).toBeGreaterThan(0);
  });

  it.each(histories)('%s', async (file) => {
    const history = JSON.parse(readFileSync(path.join(historiesDir, file), 'utf8'));
    await expect(
      Worker.runReplayHistory(
        { workflowBundle: { codePath: inject('workflowBundlePath') }, dataConverter: encryptedDataConverter({ key: testPayloadKey, dataDir: inject('dataDir') }) },
        history,
        file,
      ),
    ).resolves.toBeUndefined();
  });
});
