import type { Client, WorkflowHandle } from '@temporalio/client';
import { sleep } from './stats.js';

/** What one case costs Temporal, counted from its history and its children's. */
export interface CaseShape {
  events: number;
  workflowTasks: number;
  updates: number;
  activities: number;
  timers: number;
  childWorkflows: number;
  /** Activities the child workflows ran, all together. */
  childActivities: number;
}

type History = Awaited<ReturnType<WorkflowHandle['fetchHistory']>>;
type HistoryEvent = NonNullable<History['events']>[number];

/** A run's history once nothing has been added to it for a second: its work for now is done. */
async function settledHistory(client: Client, workflowId: string, runId?: string): Promise<History> {
  let last = -1;
  for (let tries = 0; tries < 30; tries++) {
    const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const length = history.events?.length ?? 0;
    if (length === last) return history;
    last = length;
    await sleep(1_000);
  }
  return client.workflow.getHandle(workflowId, runId).fetchHistory();
}

/**
 * Every run of a workflow, first to latest: the case continues as new once authorised (the
 * contract phase), each run naming the one it continues.
 */
export async function workflowRuns(client: Client, workflowId: string): Promise<History[]> {
  const runs = [await settledHistory(client, workflowId)];
  for (;;) {
    const previous = runs[0]!.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
    if (!previous) return runs;
    runs.unshift(await client.workflow.getHandle(workflowId, previous).fetchHistory());
  }
}

function count(history: History, has: (event: HistoryEvent) => unknown): number {
  return (history.events ?? []).filter(has).length;
}

/** Counts, over all its runs, the case workflow's activities, timers, Updates and children (and the children's activities). */
export async function caseShape(client: Client, caseId: string): Promise<CaseShape> {
  const history: History = { events: (await workflowRuns(client, `case-${caseId}`)).flatMap((run) => run.events ?? []) };
  const children = (history.events ?? []).flatMap((e) => e.startChildWorkflowExecutionInitiatedEventAttributes?.workflowId ?? []);
  let childActivities = 0;
  for (const childId of children) childActivities += count(await settledHistory(client, childId), (e) => e.activityTaskScheduledEventAttributes);
  return {
    events: history.events?.length ?? 0,
    workflowTasks: count(history, (e) => e.workflowTaskScheduledEventAttributes),
    updates: count(history, (e) => e.workflowExecutionUpdateAcceptedEventAttributes),
    activities: count(history, (e) => e.activityTaskScheduledEventAttributes),
    timers: count(history, (e) => e.timerStartedEventAttributes),
    childWorkflows: children.length,
    childActivities,
  };
}
