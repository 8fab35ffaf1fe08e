import type { CourseEntryView } from '../api/responses.js';
import type { Caller } from '../domain/caller.js';
import { resumeTrainingUpdate, suspendTrainingUpdate } from '../workflows/apprenticeship/contract.js';
import { changeCourse } from './contract-course.js';
import type { Outcome } from './outcome.js';
import type { Services } from './services.js';

/** The employer suspends the training from a date; the case is `suspended` from then, the chamber and the school told. */
export function suspendTraining(services: Services, caller: Caller, { caseId, from }: { caseId: string; from: string }): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, suspendTrainingUpdate, { from });
}

/** The employer says when the suspended training resumes; the case is `in_training` again from then. */
export function resumeTraining(services: Services, caller: Caller, { caseId, on }: { caseId: string; on: string }): Promise<Outcome<CourseEntryView>> {
  return changeCourse(services, caller, caseId, resumeTrainingUpdate, { on });
}
