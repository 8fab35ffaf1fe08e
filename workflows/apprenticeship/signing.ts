import { proxyActivities } from '@temporalio/workflow';
import type { ContractDocumentActivities } from '../../activities/contract-document.js';
import { now, type ApprenticeshipRun } from './run.js';

const contractDocuments = proxyActivities<ContractDocumentActivities>({ startToCloseTimeout: '2 minutes', retry: { maximumInterval: '30 seconds' } });

/**
 * The contract is drawn up from the authorised request and signed by the employer, the
 * apprentice and, for a minor, the legal representative.
 */
export function signing(run: ApprenticeshipRun) {
  const { apprenticeship, state } = run;

  run.onCompleted('signature', async (task, completion) => {
    const signature = {
      signer: 'employer',
      method: 'online',
      contractVersion: state.contract.version,
      sha256: String(completion.answer.documentSha256),
      at: task.completedAt!,
      userId: completion.userId,
    } as const;
    state.contract.signatures.push(signature);
    apprenticeship.touch();
    const { signer, method, contractVersion, sha256 } = signature;
    await run.recordEvent(`contract.${contractVersion}.signed.${signer}`, 'contract_signed', { signer, method, contractVersion, sha256 }, completion);
  });

  const signed = () => state.contract.signatures.some((s) => s.signer === 'employer' && s.contractVersion === state.contract.version);

  return async function collectSignatures(): Promise<void> {
    if (state.contract.version === 0) {
      state.contract.version = 1;
      // The employer signs the PDF whose hash this is: a signature on any other is refused.
      const { sha256 } = await contractDocuments.drawUpContract({ caseId: run.caseId, version: 1, drawnUpAt: now(), sequence: apprenticeship.numberEvents() });
      state.contract.sha256 = sha256;
      if (state.withdrawal) return;
      await run.openTask('signature', 'employer', state.participants.employer);
    }
    await run.waitFor(() => signed() || state.withdrawal !== undefined, 'contract');
  };
}
