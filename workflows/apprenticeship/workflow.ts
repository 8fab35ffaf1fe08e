import { allHandlersFinished, condition, setHandler } from '@temporalio/workflow';
import { completeTaskUpdate, withdrawCaseUpdate } from '../case-review/contract.js';
import { contractChanges } from './changes.js';
import { correctContractUpdate, signContractUpdate, submitSignedScanUpdate, type ApprenticeshipWorkflow } from './contract.js';
import { firstMonths } from './first-months.js';
import { registration } from './registration.js';
import { ApprenticeshipRun, records } from './run.js';
import { noticesSent, now, reject } from '../workflow-steps.js';
import { signing, validateCorrection, validateLinkSignature, validateSignedScan, watchSignatureDeadline } from './signing.js';
import { training } from './training.js';

/**
 * An authorised case, from its contract to the end of its training: the contract is drawn up,
 * signed and registered, then the training years run. The case continues as new into this
 * workflow under its own id, and continues as new again as the years pass.
 */
export const apprenticeshipWorkflow: ApprenticeshipWorkflow = async function apprenticeshipWorkflow(input) {
  const run = new ApprenticeshipRun(input);
  const { apprenticeship, state } = run;
  const { collectSignatures, signThroughLink, submitScan, correctContract } = signing(run);
  const registerContract = registration(run);
  const changes = contractChanges(run);
  const train = training(run);
  const runFirstMonths = firstMonths(run);

  setHandler(completeTaskUpdate, (completion) => run.completeTask(completion), { validator: (completion) => reject(run.validateCompletion(completion)) });
  setHandler(signContractUpdate, signThroughLink, { validator: (signature) => validateLinkSignature(run, signature) });
  setHandler(submitSignedScanUpdate, submitScan, { validator: (scan) => validateSignedScan(run, scan) });
  setHandler(correctContractUpdate, correctContract, { validator: (correction) => validateCorrection(run, correction) });
  setHandler(
    withdrawCaseUpdate,
    async (withdrawal) => {
      const at = now();
      state.withdrawal = { ...withdrawal, at };
      state.ending = { outcome: 'withdrawn', at };
      const cancelled = state.tasks.filter((task) => task.status === 'open');
      for (const task of cancelled) apprenticeship.cancel(task, at);
      apprenticeship.setStatus('withdrawn');
      await records.recordWithdrawal({ caseId: state.caseId, withdrawal, cancelled, at, snapshot: run.snapshot(), sequence: apprenticeship.numberEvents() });
    },
    {
      validator: (withdrawal) => {
        if (withdrawal.organisationId !== state.participants.employer) reject({ reason: 'WrongParty', message: 'Only the employer who submitted the request withdraws it' });
        // Until the contract is signed, the employer may still withdraw.
        if (state.status !== 'awaiting_signatures' || changes.redrawn()) reject({ reason: 'CaseClosed', message: `The case is ${state.status}: it can no longer be withdrawn` });
      },
    },
  );

  if (input.resumeAt) run.rewatchOpenTasks();
  // A version a change opened in the training years is still being signed: its deadline goes on.
  if (input.resumeAt === 'training') void watchSignatureDeadline(run);
  if (input.resumeAt !== 'training') {
    await collectSignatures();
    if (state.withdrawal) {
      await run.guard(() => notifyWithdrawal(run));
      // The withdrawal's own Update may still be recording it: the case ends once it has.
      await condition(() => allHandlersFinished() && noticesSent());
      return state.status;
    }
    await registerContract();
  }
  // Alongside the training years, not awaited: each run re-arms what of them is still to come.
  if (state.contract.registeredAt) void runFirstMonths();
  // The years run until the case ends, on a date of theirs or of the contract's course (changes.ts);
  // a year long with changes continues as new when its history grows long.
  await Promise.race([train(), run.waitFor(() => state.ending !== undefined || changes.redrawn(), 'training')]);
  // A new employer's contract: signed and registered as the first was, by the contract phase again.
  if (changes.redrawn()) await run.continueAsNew('contract');
  await condition(() => allHandlersFinished() && noticesSent());
  return state.status;
};

async function notifyWithdrawal(run: ApprenticeshipRun): Promise<void> {
  const { state } = run;
  const told = Object.values(state.participants).filter((id): id is string => id !== undefined && id !== state.participants.employer);
  await Promise.all(told.map((organisationId) => run.notify({ key: `${state.caseId}.withdrawn.${organisationId}`, kind: 'case_withdrawn', caseId: state.caseId, organisationId })));
}
