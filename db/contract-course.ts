import type { Kysely } from 'kysely';
import { changeKinds, type ProposedChange } from '../domain/contract-changes.js';
import type { Database } from './schema.js';

/** The changes, suspensions and terminations of a case's contract, oldest first, with who proposed and who agrees. */
export function selectCourse(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('contract_course')
    .innerJoin('organisations as proposer', 'proposer.id', 'contract_course.proposed_by_organisation_id')
    .leftJoin('organisations as agreeing', 'agreeing.id', 'contract_course.agreeing_organisation_id')
    .selectAll('contract_course')
    .select(['proposer.name as proposer_name', 'agreeing.name as agreeing_name'])
    .where('contract_course.case_id', '=', caseId)
    .orderBy('contract_course.proposed_at')
    .orderBy('contract_course.id');
}

export type CourseRow = Awaited<ReturnType<ReturnType<typeof selectCourse>['execute']>>[number];

/** The accepted changes of a case's contract, and the start of its latest employer's contract after a change of employer. */
export async function acceptedCourse(db: Kysely<Database>, caseId: string) {
  const rows = await db.selectFrom('contract_course').select(['kind', 'status', 'effective_on', 'details', 'took_effect_at']).where('case_id', '=', caseId).where('status', '=', 'accepted').execute();
  const changes = rows
    .filter((row) => (changeKinds as readonly string[]).includes(row.kind))
    .map((row) => ({ status: row.status, effectiveOn: row.effective_on, change: { kind: row.kind, ...row.details } as ProposedChange }));
  const moves = rows
    .filter((row) => row.kind === 'termination' && row.took_effect_at && row.details.newEmployer)
    .sort((a, b) => a.effective_on.localeCompare(b.effective_on))
    .map((row) => (row.details.newEmployer as { startDate: string }).startDate);
  return { changes, newEmployerStart: moves.at(-1) };
}

/** The changes of the allowance paid agreed for a case's contract, each from its date on: its stored schedule pays them. */
export async function agreedAllowances(db: Kysely<Database>, caseId: string): Promise<{ from: string; cents: number }[]> {
  const { changes } = await acceptedCourse(db, caseId);
  return changes.flatMap(({ change, effectiveOn }) => (change.kind === 'allowance' ? [{ from: effectiveOn, cents: change.monthlyAllowanceCents }] : []));
}
