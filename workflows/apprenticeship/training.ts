import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { usesChange } from '../changes.js';
import { addMonths, previousDay } from '../../domain/allowance.js';
import type { TrainingState } from '../../domain/apprenticeship.js';
import { dateAt } from '../../domain/contract-calendar.js';
import { addDays, currentEndDate } from '../../domain/contract-changes.js';
import { anniversaries } from '../../domain/contract.js';
import { storeAllowanceSchedule } from './allowance-schedule.js';
import { decideExtensionUpdate } from './contract.js';
import { startRecognition } from './recognition.js';
import { type ApprenticeshipRun } from './run.js';
import { now, reject } from '../workflow-steps.js';

/**
 * The training years: each begins on a contract anniversary (the allowance steps to it and the
 * employer is told), the school reports each school year's result, and at the contract's end the
 * final exam. The case continues as new at each training year, carrying its state.
 */
export function training(run: ApprenticeshipRun) {
  const { apprenticeship, state } = run;
  const school = state.participants.foreign_school;

  run.onCompleted('school_year_result', async (task, completion) => {
    const year = state.tasks.filter((t) => t.kind === 'school_year_result').indexOf(task) + 1;
    const { outcome, midCourseProjectPassed, midCourseProjectPassedOn } = completion.answer as { outcome: string; midCourseProjectPassed?: boolean; midCourseProjectPassedOn?: string };
    await run.recordEvent(`school-year.${year}.reported`, 'school_year_reported', { year, outcome, midCourseProjectPassed, midCourseProjectPassedOn }, completion);
    const years = state.training!;
    if (midCourseProjectPassed && !years.midCoursePassedOn) {
      // The minimum changes from the day the pass is recorded, on the contract's calendar.
      years.midCoursePassedOn = dateAt(run.calendar, Date.parse(task.completedAt!));
      await storeAllowanceSchedule(run, { reason: 'mid_course', midCoursePassedOn: years.midCoursePassedOn });
    }
  });

  run.onCompleted('final_exam', async (task, completion) => {
    const { outcome, diplomaTitle, diplomaDate } = completion.answer as { outcome: 'passed' | 'failed'; diplomaTitle?: string; diplomaDate?: string };
    await run.recordEvent(`final-exam.${task.id}`, 'final_exam_reported', { outcome, diplomaTitle, diplomaDate }, completion);
    if (outcome === 'passed') {
      await endTraining('completed', task.completedAt!);
      await run.recordEvent('training.completed', 'training_completed', { diplomaTitle: diplomaTitle!, diplomaDate: diplomaDate! });
      if (usesChange('recognition-on-final-exam')) await startRecognition(run, { diplomaTitle: diplomaTitle!, diplomaDate: diplomaDate! });
    } else {
      state.training!.extensionDue = true;
      apprenticeship.touch();
    }
    await tellParties(run, `final-exam.${task.id}`, outcome);
  });

  setHandler(
    decideExtensionUpdate,
    async (decision) => {
      const years = state.training!;
      years.extensionDue = false;
      if (decision.agreed) {
        // A year past the last day as agreed, which a change of it may have moved.
        const endDate = (years.endDate = previousDay(addMonths(addDays(currentEndDate(state), 1), 12)));
        years.durationMonths += 12;
        apprenticeship.touch();
        await run.recordEvent(`training.extended.${years.durationMonths}`, 'training_extended', { agreed: true, endDate }, decision);
        await storeAllowanceSchedule(run, { reason: 'change', durationMonths: years.durationMonths, endDate });
      } else {
        await endTraining('terminated', now());
        await run.recordEvent(`training.not-extended.${years.durationMonths}`, 'training_extended', { agreed: false, endDate: currentEndDate(state) }, decision);
      }
      return state.status;
    },
    {
      validator: (decision) => {
        if (decision.organisationId !== state.participants.employer) reject({ reason: 'WrongParty', message: 'Only the employer answers for the parties on an extension' });
        if (!state.training?.extensionDue || state.ending) reject({ reason: 'CaseClosed', message: `The case is ${state.status}: no extension is open` });
      },
    },
  );

  /** The training is over: a school year's result nobody gave is no longer asked for. */
  async function endTraining(outcome: 'completed' | 'terminated', at: string): Promise<void> {
    state.ending = { outcome, at };
    apprenticeship.setStatus(outcome);
    await run.cancelTasks(state.tasks.filter((t) => t.status === 'open'));
  }

  /** Begins training year `year` on `from`: the school reports the year before, the employer hears of the new one. */
  async function beginYear(years: TrainingState, year: number, from: string): Promise<void> {
    years.year = year;
    apprenticeship.touch();
    // Extension years follow a final exam: the exam, not a school year's result, reported on the year before.
    if (year > 1 && !state.tasks.some((t) => t.kind === 'final_exam')) await run.openTask('school_year_result', 'foreign_school', school);
    await run.recordEvent(`training.year.${year}`, 'allowance_year_started', { year, from });
    await run.notify({ key: `${run.caseId}.training-year.${year}`, kind: 'allowance_year', caseId: run.caseId, year, from });
  }

  return async function train(): Promise<void> {
    const years = (state.training ??= { year: 0, durationMonths: state.request.durationMonths });
    for (;;) {
      // The terms in force: an accepted change of the last day, or an extension, moves the years and the exam.
      const lastDay = currentEndDate(state);
      const moved = () => currentEndDate(state) !== lastDay;
      const { startDate } = state.request;
      const starts = [startDate, ...anniversaries(startDate, lastDay)];
      if (years.year < starts.length) {
        const from = starts[years.year]!;
        // Moved meanwhile: this anniversary may no longer be in the contract.
        if (!(await run.sleepUntilDateUnless(from, moved))) continue;
        await run.guard(() => beginYear(years, years.year + 1, from));
        await run.continueAsNew('training');
      }
      if (years.finalExamAfter !== lastDay) {
        // The day after the contract's last day.
        if (!(await run.sleepUntilDateUnless(addDays(lastDay, 1), moved))) continue;
        await run.guard(async () => {
          years.finalExamAfter = lastDay;
          // One agreed after the exam was opened moves it: the school reports it after the new last day.
          await run.cancelTasks(state.tasks.filter((t) => t.kind === 'final_exam' && t.status === 'open'));
          await run.openTask('final_exam', 'foreign_school', school);
        });
      }
      await run.waitFor(() => state.ending !== undefined || years.finalExamAfter !== currentEndDate(state), 'training');
      // The Update that ended the training finishes its notices before the workflow completes.
      if (state.ending) return condition(allHandlersFinished);
    }
  };
}

/** Every party but the school, which reported it, hears of the final exam. */
async function tellParties(run: ApprenticeshipRun, key: string, outcome: 'passed' | 'failed'): Promise<void> {
  const { participants } = run.state;
  const told = [...new Set(Object.values(participants))].filter((id): id is string => id !== undefined && id !== participants.foreign_school);
  await Promise.all(told.map((organisationId) => run.notify({ key: `${run.caseId}.${key}.${organisationId}`, kind: 'final_exam_reported', caseId: run.caseId, organisationId, outcome })));
}
