import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../domain/contract-changes.js';
import { runningCase, statusOf, taskOf } from '../support/running-case.js';
import { startTestStack, type TestStack } from '../support/stack.js';
import { runsOf } from '../support/workflow-runs.js';

const dayMs = 1_000;
let stack: TestStack;
beforeAll(async () => {
  // Runs end after 20 events: dates armed in one run come in a later one.
  stack = await startTestStack({ env: { CONTRACT_DAY_LENGTH: `${dayMs}ms`, CASE_CONTINUE_AS_NEW_AFTER_EVENTS: '20' } });
});
afterAll(async () => {
  await stack.stop();
});

describe('the course of a contract across runs of its workflow', () => {
  it('a suspension, its resumption and an agreed termination take effect on their dates, each once, though the runs that armed them have ended', async () => {
    const { parties } = stack;
    const running = await runningCase(stack, dayMs);
    const runs = async () => (await runsOf(`case-${running.id}`)).length;
    const runsBefore = await runs();

    const from = addDays(running.today(), 8);
    const on = addDays(from, 3);
    const effectiveOn = addDays(on, 3);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/suspension`, { from })).status).toBe(201);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/resumption`, { on })).status).toBe(200);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, { kind: 'mutual_agreement', effectiveOn })).status).toBe(201);
    const agreement = await taskOf(stack, parties.chamber, running.id, 'termination_agreement');
    expect((await stack.complete(parties.chamber, agreement.id, { outcome: 'agreed' })).status).toBe(200);
    // The history has grown past the limit: the run that armed the dates has handed on to another.
    await expect.poll(runs, { timeout: 30_000 }).toBeGreaterThan(runsBefore);

    await expect.poll(() => statusOf(stack, running.id), { timeout: 30_000 }).toBe('terminated');
    // Each date's work once, in the order of the dates.
    const events = await stack.db.selectFrom('events').select('type').where('case_id', '=', running.id).orderBy('sequence').execute();
    const dated = events.map((e) => e.type).filter((type) => ['suspension_began', 'suspension_ended', 'contract_terminated'].includes(type));
    expect(dated).toEqual(['suspension_began', 'suspension_ended', 'contract_terminated']);
  });
});
