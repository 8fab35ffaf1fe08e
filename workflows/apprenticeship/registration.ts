import { storeAllowanceSchedule } from './allowance-schedule.js';
import type { ApprenticeshipRun } from './run.js';

/** The competent chamber registers the signed contract; the ministry where no chamber covers the trade. */
export function registration(run: ApprenticeshipRun) {
  const { apprenticeship, state } = run;
  const registrar = () => state.participants.chamber ?? state.participants.ministry;

  run.onCompleted('registration', async (task, completion) => {
    state.contract.registeredAt = task.completedAt;
    apprenticeship.setStatus('in_training');
    await run.recordEvent('contract.registered', 'contract_registered', { contractVersion: state.contract.version }, completion);
    await storeAllowanceSchedule(run, { reason: 'registration' });
  });

  return async function registerContract(): Promise<void> {
    if (!apprenticeship.openTaskOf('registration') && !state.contract.registeredAt) {
      apprenticeship.setStatus('awaiting_registration');
      await run.openTask('registration', registrar() === state.participants.chamber ? 'chamber' : 'ministry', registrar());
    }
    await run.waitFor(() => state.contract.registeredAt !== undefined, 'contract');
  };
}
