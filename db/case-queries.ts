import { sql, type ExpressionBuilder, type Kysely } from 'kysely';
import type { Caller } from '../domain/caller.js';
import type { Database } from './schema.js';

/**
 * Which cases a caller may see: the employer its own, the ministry all, every other
 * party the cases in which it has a task.
 */
export function visibleTo(caller: Caller, ministryOrganisationId: string) {
  return (eb: ExpressionBuilder<Database, 'cases'>) => {
    if (caller.organisationKind === 'employer') return eb('cases.employer_organisation_id', '=', caller.organisationId);
    if (caller.organisationId === ministryOrganisationId) return sql<boolean>`true`;
    return eb.exists(
      eb
        .selectFrom('tasks')
        .select('tasks.id')
        .whereRef('tasks.case_id', '=', 'cases.id')
        .where('tasks.organisation_id', '=', caller.organisationId),
    );
  };
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
