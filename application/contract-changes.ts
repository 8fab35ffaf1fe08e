import type { CourseEntryView } from '../api/responses.js';
import type { Caller } from '../domain/caller.js';
import type { ProposedChange } from '../domain/contract-changes.js';
import { proposeChangeUpdate, withdrawChangeUpdate } from '../workflows/apprenticeship/contract.js';
import { changeCourse } from './contract-course.js';
import type { Outcome } from './outcome.js';
import type { Services } from './services.js';

export interface ProposeChange {
  caseId: string;
  change: ProposedChange;
  effectiveOn: string;
}

/** A party proposes a change of circumstances; the party it needs gets a `change_agreement` task. */
export function proposeChange(services: Services, caller: Caller, { caseId, change, effectiveOn }: ProposeChange): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, proposeChangeUpdate, { change, effectiveOn });
}

/** The proposer withdraws its change while it is open; the agreeing party's task is cancelled. */
export function withdrawChange(services: Services, caller: Caller, { caseId, changeId }: { caseId: string; changeId: string }): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, withdrawChangeUpdate, { changeId });
}
