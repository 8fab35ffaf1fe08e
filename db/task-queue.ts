import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { TaskKind, TaskStatus } from '../domain/parties.js';
import { selectTasks, type TaskListRow } from './case-queries.js';
import { appendEvent } from './events.js';
import { encodeCursor, microsecondInstant, type KeysetCursor } from './keyset-cursor.js';
import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

export const taskScopes = ['mine', 'unassigned', 'organisation'] as const;
export type TaskScope = (typeof taskScopes)[number];

export interface TaskQueueFilter {
  organisationId: string;
  /** Whose tasks `scope: 'mine'` means. */
  userId: string;
  scope: TaskScope;
  status: TaskStatus | 'all';
  kind?: TaskKind | undefined;
  /** Only tasks due on or before this date (YYYY-MM-DD); tasks without a due date are left out. */
  dueBefore?: string | undefined;
  limit: number;
  after?: KeysetCursor | undefined;
}

/**
 * One page of an organisation's tasks, oldest first, keyset-paginated on (created_at, id).
 * The position is kept to the microsecond, so no task is skipped or repeated across pages.
 */
export async function listTaskQueue(db: Db, filter: TaskQueueFilter): Promise<{ rows: TaskListRow[]; nextCursor: string | null }> {
  let select = selectTasks(db)
    .select(sql<string>`${sql.raw(microsecondInstant('tasks.created_at'))}`.as('position_created_at'))
    .where('tasks.organisation_id', '=', filter.organisationId);
  if (filter.scope === 'mine') select = select.where('tasks.assignee_user_id', '=', filter.userId);
  if (filter.scope === 'unassigned') select = select.where('tasks.assignee_user_id', 'is', null);
  if (filter.status !== 'all') select = select.where('tasks.status', '=', filter.status);
  if (filter.kind) select = select.where('tasks.kind', '=', filter.kind);
  if (filter.dueBefore) select = select.where('tasks.due_on', '<=', filter.dueBefore);
  if (filter.after) {
    const { at, id } = filter.after;
    select = select.where(sql<boolean>`(tasks.created_at, tasks.id) > (${at}::timestamptz, ${id})`);
  }
  // One more than asked tells whether another page follows.
  const found = await select.orderBy('tasks.created_at').orderBy('tasks.id').limit(filter.limit + 1).execute();
  const page = found.slice(0, filter.limit);
  const last = page.at(-1);
  const nextCursor = found.length > filter.limit && last ? encodeCursor({ at: last.position_created_at, id: last.id }) : null;
  return { rows: page.map(({ position_created_at: _position, ...row }) => row), nextCursor };
}

export function findTask(db: Db, taskId: string): Promise<TaskListRow | undefined> {
  return selectTasks(db).where('tasks.id', '=', taskId).executeTakeFirst();
}

/** A user, with the organisation they belong to and whether they supervise its work. */
export function findUser(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'organisation_id', 'is_supervisor']).where('id', '=', userId).executeTakeFirst();
}

/**
 * Takes an open, unassigned task for `userId` in one conditional UPDATE, so of two
 * concurrent claims exactly one matches the row. Returns the task's case when it was taken.
 */
export function claimTask(trx: Transaction<Database>, taskId: string, userId: string) {
  return trx
    .updateTable('tasks')
    .set({ assignee_user_id: userId })
    .where('id', '=', taskId)
    .where('status', '=', 'open')
    .where('assignee_user_id', 'is', null)
    .returning(['case_id'])
    .executeTakeFirst();
}

/** The task's assignment state, locked until the transaction ends. */
export function lockTask(trx: Transaction<Database>, taskId: string) {
  return trx
    .selectFrom('tasks')
    .select(['id', 'case_id', 'organisation_id', 'status', 'assignee_user_id'])
    .where('id', '=', taskId)
    .forUpdate()
    .executeTakeFirst();
}

export async function setAssignee(trx: Transaction<Database>, taskId: string, userId: string | null): Promise<void> {
  await trx.updateTable('tasks').set({ assignee_user_id: userId }).where('id', '=', taskId).execute();
}

export type AssignmentEventType = 'task_claimed' | 'task_unclaimed' | 'task_assigned';

/**
 * Logs a change of assignee in the case's history, in the transaction that makes it. The
 * data names only ids: for an unclaim, `assigneeUserId` is the user the task was taken from.
 */
export function logAssignment(
  trx: Transaction<Database>,
  event: { type: AssignmentEventType; caseId: string; taskId: string; assigneeUserId: string; actor: { userId: string; organisationId: string } },
): Promise<void> {
  const suffix = event.type.replace('task_', '');
  return appendEvent(trx, {
    key: `${event.taskId}.${suffix}.${randomUUID()}`,
    caseId: event.caseId,
    at: new Date().toISOString(),
    userId: event.actor.userId,
    organisationId: event.actor.organisationId,
    type: event.type,
    data: { taskId: event.taskId, assigneeUserId: event.assigneeUserId },
  });
}
