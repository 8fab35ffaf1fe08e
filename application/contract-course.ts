import type { UpdateDefinition } from '@temporalio/common';
import type { ContractCourseView, CourseEntryView } from '../api/responses.js';
import { selectCourse, type CourseRow } from '../db/contract-course.js';
import type { Caller } from '../domain/caller.js';
import type { CaseRequest } from '../domain/case-request.js';
import { changeKinds, termsOverTime, type Actor, type ChangeKind, type ProposedChange } from '../domain/contract-changes.js';
import { mayReadCourseReasons } from './access.js';
import { updateCase } from './case-updates.js';
import { notFound, ok, type Failure, type Outcome } from './outcome.js';
import type { Services } from './services.js';
import { visibleCase, type VisibleCase } from './view-case.js';

const isChange = (kind: string): kind is ChangeKind => (changeKinds as readonly string[]).includes(kind);

function entryView(row: CourseRow, readsReasons: boolean): CourseEntryView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    details: row.details,
    effectiveOn: row.effective_on,
    endsOn: row.ends_on,
    proposedBy: { id: row.proposed_by_organisation_id, name: row.proposer_name },
    agreeing: row.agreeing_organisation_id ? { id: row.agreeing_organisation_id, name: row.agreeing_name ?? row.agreeing_organisation_id } : null,
    taskId: row.task_id,
    reasons: readsReasons ? row.reasons : null,
    proposedAt: row.proposed_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    tookEffectAt: row.took_effect_at?.toISOString() ?? null,
  };
}

/** The course of the case's contract as the caller's case shows it: every change, suspension and termination, and the terms over time. */
export async function viewContractCourse(services: Services, caller: Caller, caseId: string): Promise<Outcome<ContractCourseView>> {
  const row = await visibleCase(services, caller, caseId);
  if (!row) return notFound('case');
  const entries = await selectCourse(services.db, row.id).execute();
  const changes = entries
    .filter((entry) => isChange(entry.kind))
    .map((entry) => ({ status: entry.status, effectiveOn: entry.effective_on, change: { kind: entry.kind, ...entry.details } as ProposedChange }));
  return ok({ entries: entries.map((entry) => entryView(entry, mayReadCourseReasons(caller, entry, services.config))), terms: termsOverTime(row.request as CaseRequest, changes) });
}

/**
 * Sends one of the contract's Updates for the caller, on a case it can see, once `check` (what
 * only the query side knows) finds nothing wrong; the workflow's validators decide whether this
 * party may, now, with these dates. Answers with the entry.
 */
export async function changeCourse<Arg>(
  services: Services,
  caller: Caller,
  caseId: string,
  update: UpdateDefinition<{ id: string }, [Arg & Actor]>,
  arg: Arg,
  check: (row: VisibleCase) => Promise<Failure | undefined> = async () => undefined,
): Promise<Outcome<CourseEntryView>> {
  const row = await visibleCase(services, caller, caseId);
  if (!row) return notFound('case');
  const failure = await check(row);
  if (failure) return failure;
  const done = await updateCase(services.temporal, row.id, update, { ...arg, organisationId: caller.organisationId, userId: caller.userId });
  if (done.kind !== 'ok') return done;
  const entry = await selectCourse(services.db, row.id).where('contract_course.id', '=', done.value.id).executeTakeFirstOrThrow();
  return ok(entryView(entry, mayReadCourseReasons(caller, entry, services.config)));
}
