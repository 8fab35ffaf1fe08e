import type { Task } from '../domain/case-state.js';
import { sleepUntil } from './workflow-steps.js';

/**
 * Reminds `reminderBeforeMs` before a task's due date and escalates when it passes, while the
 * task stays open. `send` sends a notice and marks it on the task (`deadlineNotice`), so a new
 * run of the workflow does not send it again; unmarked, the watch ends there.
 */
export async function watchDeadline(task: Task, reminderBeforeMs: number | undefined, send: (notice: 'reminder' | 'escalation') => Promise<void>): Promise<void> {
  if (!task.dueAt || reminderBeforeMs === undefined) return;
  const dueAt = Date.parse(task.dueAt);
  if (!task.deadlineNotice) {
    await sleepUntil(dueAt - reminderBeforeMs);
    if (task.status !== 'open') return;
    await send('reminder');
  }
  if (task.deadlineNotice !== 'reminder') return;
  await sleepUntil(dueAt);
  if (task.status !== 'open') return;
  await send('escalation');
}
