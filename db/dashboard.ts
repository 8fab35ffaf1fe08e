import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TaskKind } from '../domain/parties.js';
import type { Database } from './schema.js';

/**
 * The ministry's dashboard, counted by PostgreSQL: only the counts leave the database. The
 * open tasks are found through the inbox index on (organisation_id, status).
 */

export interface WaitingTasks {
  organisationId: string;
  organisationName: string;
  kind: TaskKind;
  open: number;
  overdue: number;
}

export interface OverdueTasks {
  organisationId: string;
  organisationName: string;
  overdue: number;
}

export interface CaseCount {
  key: string | null;
  count: number;
}

/** Past its due time, or (without one) due before `today`, a Luxembourg day: as the inbox marks it. */
function overdue(now: Date, today: string): RawBuilder<boolean> {
  return sql<boolean>`(tasks.due_at < ${now} or (tasks.due_at is null and tasks.due_on < ${today}::date))`;
}

/** What waits on whom: the open tasks of each organisation, per kind, with how many are overdue. */
export function waitingTasks(db: Kysely<Database>, now: Date, today: string): Promise<WaitingTasks[]> {
  return db
    .selectFrom('tasks')
    .innerJoin('organisations', 'organisations.id', 'tasks.organisation_id')
    .where('tasks.status', '=', 'open')
    .select(['tasks.organisation_id as organisationId', 'organisations.name as organisationName', 'tasks.kind'])
    .select([sql<number>`count(*)::int`.as('open'), sql<number>`(count(*) filter (where ${overdue(now, today)}))::int`.as('overdue')])
    .groupBy(['tasks.organisation_id', 'organisations.name', 'tasks.kind'])
    .orderBy('organisations.name')
    .orderBy('tasks.kind')
    .execute();
}

/** The organisations with overdue tasks, the most behind first. */
export function overdueTasks(db: Kysely<Database>, now: Date, today: string): Promise<OverdueTasks[]> {
  return db
    .selectFrom('tasks')
    .innerJoin('organisations', 'organisations.id', 'tasks.organisation_id')
    .where('tasks.status', '=', 'open')
    .where(overdue(now, today))
    .select(['tasks.organisation_id as organisationId', 'organisations.name as organisationName', sql<number>`count(*)::int`.as('overdue')])
    .groupBy(['tasks.organisation_id', 'organisations.name'])
    .orderBy('overdue', 'desc')
    .orderBy('organisations.name')
    .execute();
}

/** What the cases are counted by: a column, or a field of the request. */
const caseDimensions = {
  trade: sql<string>`cases.trade_code`,
  residenceCountry: sql<string | null>`cases.request #>> '{apprentice,residenceCountry}'`,
  status: sql<string>`cases.status`,
} as const;
export type CaseDimension = keyof typeof caseDimensions;

/** Every case, counted by one dimension, the largest group first. */
export async function countCasesBy(db: Kysely<Database>, dimension: CaseDimension): Promise<CaseCount[]> {
  const key = caseDimensions[dimension];
  const { rows } = await sql<CaseCount>`
    select ${key} as key, count(*)::int as count
    from cases
    group by 1
    order by count desc, key`.execute(db);
  return rows;
}
