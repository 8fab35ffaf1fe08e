/**
 * The floor: a bare Temporal workflow of the case's shape (start, an Update that answers once
 * the first activity has run, three parallel Updates, a decision Update), with as many no-op
 * activities, timers and child workflows as a real case's history has. No domain code.
 */
import { CancellationScope, ParentClosePolicy, allHandlersFinished, condition, defineUpdate, isCancellation, proxyActivities, setHandler, sleep, startChild } from '@temporalio/workflow';
import type { FloorActivities } from './activities.js';

export interface FloorShape {
  /** Updates in all: three answers and the decision, and one the submission waits on when there are five. */
  updates: number;
  activities: number;
  timers: number;
  childWorkflows: number;
  /** Activities of all the children together. */
  childActivities: number;
}

export const recordedUpdate = defineUpdate<void>('recorded');
export const answerUpdate = defineUpdate<void, [string]>('answer');
export const decideUpdate = defineUpdate<void>('decide');

/** The activities run in the start, the three answers and the decision; the rest follow the decision. */
export const activitiesBeforeDecision = 5;

/** The three answers and the decision. */
export const answersAndDecision = 4;

/**
 * The floor issue 10 set, measured when the case recorded each step in an activity of its own
 * and sent each e-mail as a child workflow: start, three parallel Updates and a decision Update,
 * 14 no-op activities of which 5 in as many child workflows. No timers: it did not count any.
 */
export const issueFloorShape: FloorShape = { updates: answersAndDecision, activities: 9, timers: 0, childWorkflows: 5, childActivities: 5 };

const { noop } = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

export async function floorChild(activities: number): Promise<void> {
  for (let i = 0; i < activities; i++) await noop();
}

export async function floorCase(shape: FloorShape): Promise<void> {
  let recorded = false;
  let answers = 0;
  let decided = false;
  setHandler(recordedUpdate, () => condition(() => recorded));
  setHandler(answerUpdate, async () => {
    await noop();
    answers++;
  });
  setHandler(decideUpdate, async () => {
    await condition(() => answers >= 3);
    await noop();
    decided = true;
  });
  // Deadlines that never fire, as the case's reminders and due dates: started, then cancelled.
  const deadlines = new CancellationScope();
  const waiting = deadlines.run(() => Promise.all(Array.from({ length: shape.timers }, () => sleep('30 days')))).catch((error: unknown) => {
    if (!isCancellation(error)) throw error;
  });
  await noop();
  recorded = true;
  await condition(() => decided);
  const perChild = (index: number) => Math.floor(shape.childActivities / shape.childWorkflows) + (index < shape.childActivities % shape.childWorkflows ? 1 : 0);
  await Promise.all([
    ...Array.from({ length: Math.max(0, shape.activities - activitiesBeforeDecision) }, () => noop()),
    ...Array.from({ length: shape.childWorkflows }, (_, index) =>
      startChild(floorChild, { args: [perChild(index)], parentClosePolicy: ParentClosePolicy.ABANDON }),
    ),
  ]);
  deadlines.cancel();
  await waiting;
  await condition(allHandlersFinished);
}
