import type { CaseListRow, TaskListRow } from '../db/case-queries.js';
import { allowanceSchedule, allowanceTablesFrom } from '../domain/allowance.js';
import { caseReference } from '../domain/case-reference.js';
import type { CaseRequest } from '../domain/case-request.js';
import type { Eligibility } from '../domain/eligibility.js';
import type { ReferenceData } from '../domain/reference-data.js';
import type { PartyKind } from '../domain/parties.js';
import { changesFor } from '../domain/personal-data.js';
import type { FieldChange } from '../domain/request-changes.js';
import type { CaseSummary, TaskSummary } from '../api/responses.js';

/** A case as listed: its state and whose turn it is. */
export function caseSummary(row: CaseListRow): CaseSummary {
  // A case stuck before its request was recorded has none: only who submitted it and when.
  const request = row.request as Partial<CaseRequest>;
  return {
    id: row.id,
    reference: caseReference(row.id),
    status: row.status,
    waitingOn: row.waiting_on,
    tradeCode: row.trade_code,
    employer: { id: row.employer_organisation_id, name: row.employer_name },
    apprentice: request.apprentice ? { givenName: request.apprentice.givenName, familyName: request.apprentice.familyName } : null,
    startDate: request.startDate ?? null,
    submittedAt: row.submitted_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    decidedAt: row.decided_at?.toISOString() ?? null,
    stuckReason: row.stuck_reason,
  };
}

/** A task and, once given, its answer. */
export function taskSummary(row: TaskListRow): TaskSummary {
  return {
    id: row.id,
    caseId: row.case_id,
    kind: row.kind,
    party: row.party,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    status: row.status,
    answer: row.outcome ? { outcome: row.outcome, reasons: row.reasons, ...(row.comments ? { comments: row.comments as { field: string; comment: string }[] } : {}) } : null,
    assignee: row.assignee_user_id ? { id: row.assignee_user_id, name: row.assignee_name } : null,
    dueOn: row.due_on,
    dueAt: row.due_at?.toISOString() ?? null,
    completedBy: row.completed_by,
    createdAt: row.created_at.toISOString(),
    completedAt: row.completed_at?.toISOString() ?? null,
  };
}

/** Each year's minimum and the proposed allowance, with the tables in force when the year starts. */
export function allowanceScheduleOf(row: { request: unknown; eligibility: unknown }, reference: ReferenceData) {
  const request = row.request as CaseRequest;
  const trade = (row.eligibility as Eligibility | null)?.trade;
  if (!trade) return [];
  return allowanceSchedule(allowanceTablesFrom(reference), {
    trade,
    startDate: request.startDate,
    durationMonths: request.durationMonths,
    proposedMonthlyCents: request.proposedMonthlyAllowanceCents,
  });
}

type Revision = { revision: number; changes: unknown; amended_at: Date } | undefined;

/** When the request was last amended; undefined while it is as submitted. */
export function amendedSince(revision: Revision): Date | undefined {
  return revision && revision.revision > 1 ? revision.amended_at : undefined;
}

/** The last amendment as `party` may see it: which fields changed, from what to what. */
export function lastAmendmentFor(revision: Revision, party: PartyKind) {
  const amendedAt = amendedSince(revision);
  if (!amendedAt) return null;
  return { revision: revision!.revision, amendedAt: amendedAt.toISOString(), changes: changesFor(revision!.changes as FieldChange[], party) };
}

/** The requests for changes given since the last amendment: what the employer has to address. */
export function openChangeRequests(tasks: TaskSummary[], amendedAt: Date | undefined): TaskSummary[] {
  return tasks.filter((t) => t.answer?.outcome === 'changes_requested' && (!amendedAt || new Date(t.completedAt!) > amendedAt));
}
