import { proxyActivities } from '@temporalio/workflow';
import type { ContractDocumentActivities } from '../../activities/contract-document.js';
import type { ContractSigningActivities } from '../../activities/contract-signing.js';
import type { SignatureActivities, SigningLinkMailing } from '../../activities/signatures.js';
import type { ContractState, Signature } from '../../domain/apprenticeship.js';
import type { Signer } from '../../domain/contract.js';
import { missingSigners, requiredSigners } from '../../domain/signatures.js';
import type { ContractCorrection, LinkSignature, SignedScan } from './contract.js';
import { type ApprenticeshipRun } from './run.js';
import { usesLaterChange, usesNewestChange } from '../changes.js';
import { now, reject, sleepUntil } from '../workflow-steps.js';

const signatures = proxyActivities<SignatureActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});
const contractDocuments = proxyActivities<ContractDocumentActivities>({ startToCloseTimeout: '2 minutes', retry: { maximumInterval: '30 seconds' } });
const contractSigning = proxyActivities<ContractSigningActivities>({ startToCloseTimeout: '2 minutes', retry: { maximumInterval: '30 seconds' } });

type LinkSigner = Exclude<Signer, 'employer'>;

const thirtyDaysMs = 30 * 86_400_000;

/** Who has yet to sign the current version. */
export function unsigned(run: ApprenticeshipRun): Signer[] {
  const { state } = run;
  return missingSigners(requiredSigners(state.request), state.contract.signatures, state.contract.version);
}

/**
 * A version waits for signatures: the first one, or a new one `reviseContract` opened later
 * (whatever the case's status then), until the case ends.
 */
export function beingSigned(run: ApprenticeshipRun): boolean {
  const { state } = run;
  return state.contract.sha256 !== undefined && !state.withdrawal && !state.ending && unsigned(run).length > 0;
}

/** The employer's signature task and the scans waiting for review. */
function openSigningTasks(run: ApprenticeshipRun) {
  return run.state.tasks.filter((task) => task.status === 'open' && (task.kind === 'signature' || task.kind === 'scan_review'));
}

/** A mailing of the link to sign the current version; `round` tells one mailing from another. */
function linkMailing(run: ApprenticeshipRun, signer: LinkSigner, round: string): SigningLinkMailing {
  const { state, input } = run;
  const version = state.contract.version;
  const ttl = input.settings.signingLinkTtlMs ?? 14 * 86_400_000;
  return {
    key: `${state.caseId}.contract.${version}.link.${signer}.${round}`,
    caseId: state.caseId,
    contractVersion: version,
    signer,
    expiresAt: new Date(Date.now() + ttl).toISOString(),
  };
}

/** Mails a signer the link to sign the current version. */
async function sendLink(run: ApprenticeshipRun, signer: LinkSigner, round: string): Promise<void> {
  await signatures.sendSigningLink(linkMailing(run, signer, round));
}

/** Records one signature on the current version: in the state, on the query side and in the case's log. */
async function recordSignature(run: ApprenticeshipRun, signature: Signature, actor: { userId?: string; organisationId?: string }, linkId?: string): Promise<void> {
  const { state, apprenticeship } = run;
  state.contract.signatures.push(signature);
  apprenticeship.touch();
  await signatures.recordSignature({ caseId: state.caseId, signature, linkId });
  const { signer, method, contractVersion, sha256 } = signature;
  await run.recordEvent(`contract.${contractVersion}.signed.${signer}`, 'contract_signed', { signer, method, contractVersion, sha256 }, actor);
}

/**
 * Opens the signing of the current version: the employer's task, a link to each other signer,
 * and the deadline for them all. The version's PDF is drawn up first, in the same activity
 * (`openContractVersion`), or in one of its own (`drawUpContract`) in runs begun before.
 */
async function openVersion(run: ApprenticeshipRun): Promise<void> {
  const { state, input } = run;
  const version = state.contract.version;
  // Counted from the drawing up, and logged with it: the contract view shows it.
  const dueAt = new Date(Date.now() + (input.settings.signatureDeadlineMs ?? thirtyDaysMs)).toISOString();
  const signaturesDueAt = state.withdrawal ? undefined : dueAt;
  const contract = { caseId: run.caseId, version, drawnUpAt: now(), sequence: run.apprenticeship.numberEvents(), signaturesDueAt };
  const linkSigners = requiredSigners(state.request).filter((signer): signer is LinkSigner => signer !== 'employer');
  if (!state.withdrawal && usesNewestChange('contract-opened-in-one-activity')) {
    const links = linkSigners.map((signer) => linkMailing(run, signer, 'issued'));
    await run.openTask('signature', 'employer', state.participants.employer, undefined, async (opening) => {
      // The PDF, the employer's task and the links in one activity.
      const { sha256, due } = await contractSigning.openContractVersion({ contract, task: opening, links });
      // Everyone signs the PDF whose hash this is: a signature naming any other is refused.
      if (state.contract.version === version) state.contract.sha256 = sha256;
      return due;
    });
    // A withdrawal or a new version came meanwhile.
    if (state.contract.version !== version || state.withdrawal) return;
    state.contract.signatureDeadline = { contractVersion: version, dueAt, reminded: false };
    void watchSignatureDeadline(run);
    return;
  }
  // Everyone signs the PDF whose hash this is: a signature naming any other is refused.
  const { sha256 } = await contractDocuments.drawUpContract(contract);
  state.contract.sha256 = sha256;
  if (state.withdrawal) return;
  state.contract.signatureDeadline = { contractVersion: version, dueAt, reminded: false };
  if (usesLaterChange('signing-opened-at-once')) {
    // The employer's task and the links do not wait on one another.
    await Promise.all([run.openTask('signature', 'employer', state.participants.employer), ...linkSigners.map((signer) => sendLink(run, signer, 'issued'))]);
  } else {
    await run.openTask('signature', 'employer', state.participants.employer);
    for (const signer of linkSigners) await sendLink(run, signer, 'issued');
  }
  void watchSignatureDeadline(run);
}

/**
 * Before the signatures are due, whoever has not signed is reminded: the employer's organisation
 * of its task, the apprentice and the representative by a new link. When they are due and some
 * are missing, the case logs which (by role) and the employer and the registrar are told. Late
 * signatures are still taken. The state says what was done, so a new run re-arms only what is
 * still to come.
 */
export async function watchSignatureDeadline(run: ApprenticeshipRun): Promise<void> {
  const { state, input } = run;
  const deadline = state.contract.signatureDeadline;
  const before = input.settings.signatureReminderBeforeMs;
  // A new version has its own deadline; a signed one, or one of a case that ended, needs nothing more.
  const moot = () => state.contract.signatureDeadline !== deadline || !beingSigned(run);
  if (!deadline || deadline.passed || moot()) return;
  if (!deadline.reminded && before !== undefined) {
    await sleepUntil(Date.parse(deadline.dueAt) - before);
    if (moot()) return;
    await run.guard(async () => {
      for (const signer of unsigned(run)) {
        const task = run.apprenticeship.openTaskOf('signature');
        if (signer !== 'employer') await sendLink(run, signer, 'reminder');
        else if (task) await run.notify({ key: `${task.id}.signature-reminder`, kind: 'task_reminder', taskId: task.id });
      }
      deadline.reminded = true;
    });
  }
  await sleepUntil(Date.parse(deadline.dueAt));
  if (moot()) return;
  await run.guard(() => signaturesOverdue(run, deadline));
}

/** The deadline passed with signatures missing: logged by role, and told to the employer and the registrar. */
async function signaturesOverdue(run: ApprenticeshipRun, deadline: NonNullable<ContractState['signatureDeadline']>): Promise<void> {
  const { state } = run;
  const missing = unsigned(run);
  const { contractVersion, dueAt } = deadline;
  await run.recordEvent(`contract.${contractVersion}.signature_deadline_passed`, 'signature_deadline_passed', { contractVersion, dueAt, missing });
  const told = [state.participants.employer, state.participants.chamber ?? state.participants.ministry];
  await Promise.all(
    told.map((organisationId) =>
      run.notify({ key: `${state.caseId}.contract.${contractVersion}.signatures-overdue.${organisationId}`, kind: 'signatures_overdue', caseId: state.caseId, organisationId, missing }),
    ),
  );
  deadline.passed = true;
}

/**
 * A new version of the contract voids the signatures on the old one, its links and the open
 * signature and scan tasks; the parties sign the new version. `reason` is a code (`correction`,
 * `change_of_circumstances`), never free text: it goes into the case's log.
 */
export async function reviseContract(run: ApprenticeshipRun, reason: string, actor: { userId?: string; organisationId?: string } = {}): Promise<void> {
  const { state, apprenticeship } = run;
  const voidedVersion = state.contract.version;
  state.contract.version = voidedVersion + 1;
  state.contract.sha256 = undefined;
  state.contract.scans = [];
  apprenticeship.touch();
  await run.cancelTasks(openSigningTasks(run));
  await signatures.voidEarlierContractVersions({ caseId: state.caseId, beforeVersion: state.contract.version, at: now() });
  await run.recordEvent(`contract.${voidedVersion}.revised`, 'contract_revised', { voidedVersion, contractVersion: state.contract.version, reason }, actor);
  await openVersion(run);
}

/** Checks a signature through a personal link against where the signing stands. */
export function validateLinkSignature(run: ApprenticeshipRun, signature: LinkSignature): void {
  const { state } = run;
  if (!beingSigned(run)) reject({ reason: 'CaseClosed', message: `The case is ${state.status}: no version of its contract waits for signatures` });
  if (!requiredSigners(state.request).includes(signature.signer)) reject({ reason: 'WrongParty', message: 'This contract does not ask for this signature' });
  const current = signature.contractVersion === state.contract.version && state.contract.sha256 === signature.documentSha256;
  if (!current) reject({ reason: 'StaleContract', message: 'A newer version of the contract replaces the one this link signs' });
  if (!unsigned(run).includes(signature.signer)) reject({ reason: 'AlreadySigned', message: 'This signature is already on the contract' });
}

export function validateCorrection(run: ApprenticeshipRun, correction: ContractCorrection): void {
  const { state } = run;
  if (correction.organisationId !== state.participants.employer) reject({ reason: 'WrongParty', message: 'Only the employer of the case corrects its contract' });
  if (state.status !== 'awaiting_signatures') reject({ reason: 'CaseClosed', message: `The case is ${state.status}: its contract is corrected only while it is being signed` });
}

/** Checks a scan signed outside the system: it carries signatures still missing on the current version. */
export function validateSignedScan(run: ApprenticeshipRun, scan: SignedScan): void {
  const { state } = run;
  if (scan.organisationId !== state.participants.employer) reject({ reason: 'WrongParty', message: 'Only the employer of the case uploads a signed scan' });
  if (!beingSigned(run)) reject({ reason: 'CaseClosed', message: `The case is ${state.status}: no version of its contract waits for signatures` });
  if (scan.contractVersion !== state.contract.version) reject({ reason: 'StaleContract', message: `Version ${state.contract.version} of the contract is the one to sign` });
  const missing = unsigned(run);
  const fields = scan.signers.flatMap((signer, index) => (missing.includes(signer) ? [] : [{ path: ['signers', index], message: `No signature of the ${signer} is missing on this version` }]));
  if (fields.length > 0) reject({ reason: 'InvalidAnswer', message: 'The scan names signatures the contract does not wait for', fields });
}

/**
 * The contract is drawn up from the authorised request and signed by the employer (its
 * task), the apprentice and, for a minor, the legal representative (personal links), or on
 * paper in a scan the competent chamber accepts. A new version voids the signatures on the old.
 */
export function signing(run: ApprenticeshipRun) {
  const { state } = run;
  const registrar = () => state.participants.chamber ?? state.participants.ministry;

  run.onCompleted('signature', async (task, completion) => {
    const sha256 = String(completion.answer.documentSha256);
    await recordSignature(run, { signer: 'employer', method: 'online', contractVersion: state.contract.version, sha256, at: task.completedAt!, userId: completion.userId }, completion);
  });

  run.onCompleted('scan_review', async (task, completion) => {
    const scan = state.contract.scans?.find((s) => s.taskId === task.id);
    if (!scan) return;
    state.contract.scans = state.contract.scans!.filter((s) => s !== scan);
    if (completion.answer.outcome !== 'accepted') {
      await run.notify({ key: `${task.id}.rejected`, kind: 'scan_rejected', caseId: state.caseId, organisationId: scan.organisationId });
      return;
    }
    for (const signer of scan.signers) {
      // Signed online meanwhile: the online signature stands.
      if (!unsigned(run).includes(signer)) continue;
      const signature = { signer, method: 'scan', contractVersion: scan.contractVersion, sha256: state.contract.sha256!, at: task.completedAt!, userId: completion.userId, scanDocumentId: scan.documentId } as const;
      await recordSignature(run, signature, completion);
    }
    // The employer's own signature came on paper: its task is done.
    const employerTask = run.apprenticeship.openTaskOf('signature');
    if (employerTask && !unsigned(run).includes('employer')) await run.cancelTasks([employerTask]);
  });

  /** A signature through a personal link (already validated). */
  async function signThroughLink(signature: LinkSignature): Promise<void> {
    // Two sends of the same link may pass the validator together: the first one signs.
    if (!unsigned(run).includes(signature.signer)) return;
    await recordSignature(run, { signer: signature.signer, method: 'online', contractVersion: signature.contractVersion, sha256: signature.documentSha256, at: now() }, {}, signature.linkId);
  }

  /** A scan signed outside the system (already validated): the competent chamber reviews it. */
  async function submitScan(scan: SignedScan): Promise<{ taskId: string }> {
    const task = await run.openTask('scan_review', registrar() === state.participants.chamber ? 'chamber' : 'ministry', registrar());
    state.contract.scans = [...(state.contract.scans ?? []), { taskId: task.id, documentId: scan.documentId, signers: scan.signers, contractVersion: scan.contractVersion, organisationId: scan.organisationId }];
    return { taskId: task.id };
  }

  async function collectSignatures(): Promise<void> {
    if (state.contract.version === 0) {
      state.contract.version = 1;
      await openVersion(run);
    } else {
      void watchSignatureDeadline(run);
    }
    await run.waitFor(() => unsigned(run).length === 0 || state.withdrawal !== undefined, 'contract');
    if (state.withdrawal) return;
    // Signed: a scan still under review, or the employer's task after a scan carried its signature, is moot.
    await run.cancelTasks(openSigningTasks(run));
    await signatures.recordContractSigned({ caseId: state.caseId, contractVersion: state.contract.version });
  }

  /** The employer corrects authorised data the contract states (already validated): a new version to sign. */
  async function correctContract(correction: ContractCorrection): Promise<{ contractVersion: number }> {
    const { startDate, tutor } = correction;
    state.request = { ...state.request, ...(startDate ? { startDate } : {}), ...(tutor ? { tutor } : {}) };
    await signatures.recordRequestCorrection({ caseId: state.caseId, request: state.request });
    await reviseContract(run, 'correction', { userId: correction.userId, organisationId: correction.organisationId });
    return { contractVersion: state.contract.version };
  }

  return { collectSignatures, signThroughLink, submitScan, correctContract };
}
