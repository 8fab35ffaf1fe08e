import { Client, Connection, type WorkflowExecutionInfo } from '@temporalio/client';
import { inject } from 'vitest';

/** The runs of a workflow, oldest first: a case continues as new into its contract and each training year. */
export async function runsOf(workflowId: string): Promise<WorkflowExecutionInfo[]> {
  const connection = await Connection.connect({ address: inject('temporalAddress') });
  try {
    const runs: WorkflowExecutionInfo[] = [];
    for await (const run of new Client({ connection }).workflow.list({ query: `WorkflowId = '${workflowId}'` })) runs.push(run);
    return runs.sort((a, b) => a.startTime.getTime() - b.startTime.getTime());
  } finally {
    await connection.close();
  }
}
