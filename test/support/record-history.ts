import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { inject } from 'vitest';
import { temporalCli } from '../../infra/temporal-cli.js';

/**
 * With RECORD_HISTORY=1, saves a workflow's history for the replay tests (test/replay):
 * the way to add a history after a change to the workflow code.
 */
export function recordHistory(workflowId: string, file: string, runId?: string): void {
  if (!process.env.RECORD_HISTORY) return;
  const json = execFileSync(temporalCli(), ['workflow', 'show', '--workflow-id', workflowId, ...(runId ? ['--run-id', runId] : []), '--address', inject('temporalAddress'), '--output', 'json']);
  writeFileSync(new URL(`../replay/histories/${file}`, import.meta.url), json);
}
