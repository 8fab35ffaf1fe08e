import { storeAllowanceSchedule } from './allowance-schedule.js';
import { proxyActivities } from '@temporalio/workflow';
import type { RegistrationActivities } from '../../activities/contract-registrations.js';
import type { ApprenticeshipRun } from './run.js';

export const registrations = proxyActivities<RegistrationActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * The competent chamber registers the signed contract; the ministry where no chamber covers the
 * trade. The contract gets its registration number, and everyone it concerns is told.
 */
export function registration(run: ApprenticeshipRun) {
  const { apprenticeship, state } = run;
  const registrar = () => state.participants.chamber ?? state.participants.ministry;

  run.onCompleted('registration', async (task, completion) => {
    const contractVersion = state.contract.version;
    state.contract.registrationNumber = await registrations.registerContract({
      caseId: state.caseId,
      contractVersion,
      registrarOrganisationId: task.organisationId,
      registeredBy: completion.userId,
      registeredAt: task.completedAt!,
    });
    state.contract.registeredAt = task.completedAt;
    apprenticeship.setStatus('in_training');
    await run.recordEvent(`contract.${contractVersion}.registered`, 'contract_registered', { contractVersion, registrationNumber: state.contract.registrationNumber }, completion);
    await storeAllowanceSchedule(run, { reason: 'registration' });
    await run.notify({ key: `${state.caseId}.contract.${contractVersion}.registered`, kind: 'contract_registered', caseId: state.caseId });
  });

  return async function registerContract(): Promise<void> {
    if (!apprenticeship.openTaskOf('registration') && !state.contract.registeredAt) {
      apprenticeship.setStatus('awaiting_registration');
      await run.openTask('registration', registrar() === state.participants.chamber ? 'chamber' : 'ministry', registrar());
    }
    await run.waitFor(() => state.contract.registeredAt !== undefined, 'contract');
  };
}
