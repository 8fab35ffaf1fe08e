import type { ApprenticeshipRun } from './run.js';

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
      await run.openTask('signature', 'employer', state.participants.employer);
    }
    await run.waitFor(() => signed() || state.withdrawal !== undefined, 'contract');
  };
}
