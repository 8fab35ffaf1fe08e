import { condition } from '@temporalio/workflow';
import { dayAfter, endOf } from '../../domain/contract-calendar.js';
import { trialPeriodEnd } from '../../domain/contract.js';
import { medicalExaminationDueOn, needsMedicalExamination } from '../../domain/first-months.js';
import type { TaskKind } from '../../domain/parties.js';
import { registrations } from './registration.js';
import { type ApprenticeshipRun } from './run.js';
import { now } from '../workflow-steps.js';

/**
 * The first months of a registered contract: the employer confirms the apprentice's social
 * security affiliation (reminded until it does), the trial period ends, and a young apprentice
 * has a medical examination within two months.
 *
 * They run alongside the training years: `workflow.ts` starts the function returned here once the
 * contract is registered, without awaiting it, and again in every later run. Each part looks at
 * `state.firstMonths` and the tasks first, so a run re-arms only what is still to come. Each part
 * that writes runs under `run.guard`, and marks itself done only once its writes are made: should
 * a new run begin in its middle all the same (a timer firing as the history turns too long), the
 * next run does it again, and the keyed event and mail make that once.
 */
export function firstMonths(run: ApprenticeshipRun) {
  const { state } = run;
  const progress = () => (state.firstMonths ??= { socialSecurityReminders: 0 });
  const taskOf = (kind: TaskKind) => state.tasks.find((task) => task.kind === kind);

  run.onCompleted('social_security', async (task, completion) => {
    const { affiliationNumber, affiliatedOn } = completion.answer;
    // Personal data: onto the query side's own table, never into the log or a mail.
    await registrations.recordSocialSecurityAffiliation({
      caseId: state.caseId,
      affiliationNumber: String(affiliationNumber),
      affiliatedOn: String(affiliatedOn),
      confirmedBy: completion.userId,
      confirmedAt: task.completedAt!,
    });
    progress().socialSecurityConfirmedAt = task.completedAt;
  });

  run.onCompleted('medical_examination', async (_task, completion) => {
    progress().medicalExaminedOn = String(completion.answer.examinedOn);
  });

  /** The employer's task, and a reminder every so often for as long as it stays open. */
  async function confirmSocialSecurity(): Promise<void> {
    const task = taskOf('social_security') ?? (await run.guard(() => run.openTask('social_security', 'employer', state.participants.employer)));
    const every = run.input.settings.socialSecurityReminderEveryMs;
    if (every === undefined) return;
    // Counted from the last reminder, which a new run knows from the state.
    const untilNext = () => Math.max(1, Date.parse(progress().socialSecurityRemindedAt ?? task.openedAt) + every - Date.now());
    while (!(await condition(() => task.status !== 'open', untilNext()))) {
      await run.guard(async () => {
        const reminder = progress().socialSecurityReminders + 1;
        await run.notify({ key: `${task.id}.reminder.${reminder}`, kind: 'task_reminder', taskId: task.id });
        Object.assign(progress(), { socialSecurityReminders: reminder, socialSecurityRemindedAt: now() });
      });
    }
  }

  async function endTrialPeriod(): Promise<void> {
    if (progress().trialPeriodEndedOn) return;
    const { startDate, durationMonths } = state.request;
    const lastDay = trialPeriodEnd(startDate, durationMonths);
    await run.sleepUntilDate(dayAfter(lastDay));
    // A contract ended during its trial period has none left to end.
    if (state.ending) return;
    await run.guard(async () => {
      await run.recordEvent('trial_period.ended', 'trial_period_ended', { lastDay });
      await run.notify({ key: `${state.caseId}.trial_period.ended`, kind: 'trial_period_ended', caseId: state.caseId, endedOn: lastDay });
      progress().trialPeriodEndedOn = lastDay;
    });
  }

  /** Due on the contract's calendar; the run reminds the employer before, as for any task. */
  async function scheduleMedicalExamination(): Promise<void> {
    const { apprentice, startDate } = state.request;
    if (!needsMedicalExamination(apprentice.birthDate, startDate) || taskOf('medical_examination')) return;
    const dueOn = medicalExaminationDueOn(startDate);
    const dueAt = new Date(endOf(run.calendar, dueOn) - 1).toISOString();
    await run.guard(() => run.openTask('medical_examination', 'employer', state.participants.employer, { dueOn, dueAt }));
  }

  return async function runFirstMonths(): Promise<void> {
    await Promise.all([confirmSocialSecurity(), endTrialPeriod(), scheduleMedicalExamination()]);
  };
}
