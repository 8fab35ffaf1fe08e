import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from './schema.js';

/** Which cases a query covers: every case, one employer's, or those an organisation has a task in. */
export type CaseScope =
  | { kind: 'all' }
  | { kind: 'employer'; organisationId: string }
  | { kind: 'party'; organisationId: string };

/** The cases of a scope (application/access.ts decides which scope a caller has), as a condition on `cases`. */
export function visibleTo(scope: CaseScope) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (scope.kind === 'employer') return eb('cases.employer_organisation_id', '=', scope.organisationId);
    if (scope.kind === 'all') return sql<boolean>`true`;
    return eb.exists(
      eb
        .selectFrom('tasks')
        .select('tasks.id')
        .whereRef('tasks.case_id', '=', 'cases.id')
        .where('tasks.organisation_id', '=', scope.organisationId),
    );
  };
}

/** A case as listed, with what its full view needs, if it lies in the scope. */
export function findCaseInScope(db: Kysely<Database>, caseId: string, scope: CaseScope) {
  return selectCases(db)
    .select(['cases.participants', 'cases.eligibility', 'cases.request_revision'])
    .where('cases.id', '=', caseId)
    .where(visibleTo(scope))
    .executeTakeFirst();
}

/** A case as listed. */
export function findCase(db: Kysely<Database>, caseId: string) {
  return selectCases(db).where('cases.id', '=', caseId).executeTakeFirstOrThrow();
}

/** Whether a case lies in the scope. */
export async function caseInScope(db: Kysely<Database>, caseId: string, scope: CaseScope): Promise<boolean> {
  return (await db.selectFrom('cases').select('cases.id').where('cases.id', '=', caseId).where(visibleTo(scope)).executeTakeFirst()) !== undefined;
}

const caseColumns = [
  'cases.id',
  'cases.status',
  'cases.waiting_on',
  'cases.trade_code',
  'cases.request',
  'cases.employer_organisation_id',
  'employer.name as employer_name',
  'cases.submitted_at',
  'cases.updated_at',
  'cases.decided_at',
  'cases.stuck_reason',
] as const;

export function selectCases(db: Kysely<Database>) {
  return db
    .selectFrom('cases')
    .innerJoin('organisations as employer', 'employer.id', 'cases.employer_organisation_id')
    .select(caseColumns);
}

export type CaseListRow = Awaited<ReturnType<ReturnType<typeof selectCases>['execute']>>[number];

export function selectTasks(db: Kysely<Database>) {
  return db
    .selectFrom('tasks')
    .innerJoin('organisations', 'organisations.id', 'tasks.organisation_id')
    .leftJoin('users as assignee', 'assignee.id', 'tasks.assignee_user_id')
    .select([
      'tasks.id',
      'tasks.case_id',
      'tasks.kind',
      'tasks.party',
      'tasks.organisation_id',
      'organisations.name as organisation_name',
      'tasks.status',
      'tasks.outcome',
      'tasks.reasons',
      'tasks.completed_by',
      'tasks.created_at',
      'tasks.completed_at',
      'tasks.due_on',
      'tasks.due_at',
      'tasks.comments',
      'tasks.assignee_user_id',
      'assignee.name as assignee_name',
    ]);
}

export type TaskListRow = Awaited<ReturnType<ReturnType<typeof selectTasks>['execute']>>[number];

/** A case's tasks in the order they were opened. */
export function caseTasks(db: Kysely<Database>, caseId: string) {
  return selectTasks(db).where('tasks.case_id', '=', caseId).orderBy('tasks.created_at').orderBy('tasks.id').execute();
}

/** The part an organisation had in a case by its tasks: it keeps it when an amendment replaced it. */
export async function earlierParty(db: Kysely<Database>, caseId: string, organisationId: string) {
  const task = await db.selectFrom('tasks').select('party').where('case_id', '=', caseId).where('organisation_id', '=', organisationId).executeTakeFirst();
  return task?.party;
}
