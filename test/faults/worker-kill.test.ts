import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCasesAtSignatures, expectMailsOnce, mailsAtSignatures } from '../support/nothing-lost.js';
import { patientCase } from '../support/patient-case.js';
import { faultSeed, seededRandom } from '../support/seeded-random.js';
import { startTestStack, testPayloadKey, type TestStack } from '../support/stack.js';
import { spawnWorkerProcess, type WorkerProcess } from '../support/worker-process.js';

const cases = 20;
const seed = faultSeed(10);
/** Kills at most this many times: each costs the activities it cut their 30 s start-to-close timeout. */
const maxKills = 5;

let stack: TestStack;
let worker: WorkerProcess | undefined;
beforeAll(async () => {
  stack = await startTestStack();
  // The worker runs as a process of its own, which the test kills: not in the test's process.
  await stack.stopWorker();
});
afterAll(async () => {
  await worker?.kill();
  await stack?.stop();
});

function workerEnv(): Record<string, string> {
  const { config } = stack;
  return {
    DATA_DIR: config.DATA_DIR,
    DATABASE_URL: config.DATABASE_URL!,
    TEMPORAL_ADDRESS: config.TEMPORAL_ADDRESS!,
    SMTP_URL: config.SMTP_URL!,
    TEMPORAL_TASK_QUEUE: config.TEMPORAL_TASK_QUEUE,
    PAYLOAD_ENCRYPTION_KEY: testPayloadKey,
    MAIL_RETRY_INITIAL_INTERVAL: `${config.MAIL_RETRY_INITIAL_INTERVAL}ms`,
    MAIL_RETRY_MAXIMUM_INTERVAL: `${config.MAIL_RETRY_MAXIMUM_INTERVAL}ms`,
    PORT: String(config.PORT),
    LOG_LEVEL: 'silent',
  };
}

describe('a worker killed at random points of twenty cases', () => {
  it(`loses nothing, records nothing twice, and sends a mail twice only if killed as it left (seed ${seed})`, async () => {
    const random = seededRandom(seed);
    worker = await spawnWorkerProcess(workerEnv());
    const driver = patientCase(stack);
    let done = false;
    const driving = Promise.all(
      Array.from({ length: cases }, async () => {
        const id = await driver.submit();
        await driver.toSignatures(id);
        return id;
      }),
    ).finally(() => (done = true));

    // SIGKILL after a random 1–4 s of work, at most `maxKills` times; a new worker each time.
    const killedAt: number[] = [];
    while (!done && killedAt.length < maxKills) {
      await new Promise((resolve) => setTimeout(resolve, 1_000 + random() * 3_000));
      if (done) break;
      killedAt.push(Date.now());
      await worker.kill();
      worker = await spawnWorkerProcess(workerEnv());
    }
    const ids = await driving;
    expect(killedAt.length).toBeGreaterThan(0);

    await expectCasesAtSignatures(stack, ids);
    await expectMailsOnce(stack, ids, mailsAtSignatures, killedAt);
  }, 300_000);
});
