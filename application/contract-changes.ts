import type { CourseEntryView } from '../api/responses.js';
import type { Caller } from '../domain/caller.js';
import type { ProposedChange } from '../domain/contract-changes.js';
import { proposeChangeUpdate, withdrawChangeUpdate } from '../workflows/apprenticeship/contract.js';
import { currentSchedule } from '../db/allowance-schedules.js';
import { changeCourse } from './contract-course.js';
import { invalid, type Outcome } from './outcome.js';
import type { Services } from './services.js';

export interface ProposeChange {
  caseId: string;
  change: ProposedChange;
  effectiveOn: string;
}

/**
 * A party proposes a change of circumstances; the party it needs gets a `change_agreement` task.
 * A new allowance is at least the legal minimum of the training year it takes effect in.
 */
export function proposeChange(services: Services, caller: Caller, { caseId, change, effectiveOn }: ProposeChange): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, proposeChangeUpdate, { change, effectiveOn }, async (row) => {
    if (change.kind !== 'allowance') return undefined;
    // The contract's stored schedule: the minimum as registered, stepped since (a mid-course pass, a new table).
    const period = (await currentSchedule(services.db, row.id))?.years.find((p) => p.from <= effectiveOn && effectiveOn <= p.to);
    if (period?.minimumCents == null || change.monthlyAllowanceCents >= period.minimumCents) return undefined;
    return invalid([{ path: ['monthlyAllowanceCents'], detail: `must be at least ${period.minimumCents}, the minimum allowance from ${period.from} (training year ${period.year})` }]);
  });
}

/** The proposer withdraws its change while it is open; the agreeing party's task is cancelled. */
export function withdrawChange(services: Services, caller: Caller, { caseId, changeId }: { caseId: string; changeId: string }): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, withdrawChangeUpdate, { changeId });
}
