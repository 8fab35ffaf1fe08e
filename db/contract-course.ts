import type { Kysely } from 'kysely';
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
