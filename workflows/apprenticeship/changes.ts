import { condition, proxyActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { ContractCourseActivities, CourseEntry } from '../../activities/contract-course.js';
import type { SignatureActivities } from '../../activities/signatures.js';
import type { CaseEvent, CaseEventType } from '../../db/events.js';
import { dateAt } from '../../domain/contract-calendar.js';
import {
  agreeingParty,
  emptyCourse,
  partyOf,
  validateProposal,
  validateResumption,
  validateSuspension,
  validateTermination,
  validateWithdrawal,
  type ContractChange,
  type ContractCourse,
  type ContractNotice,
  type Suspension,
  type Termination,
} from '../../domain/contract-changes.js';
import type { PartyKind } from '../../domain/parties.js';
import { storeAllowanceSchedule } from './allowance-schedule.js';
import { proposeChangeUpdate, resumeTrainingUpdate, suspendTrainingUpdate, terminateContractUpdate, withdrawChangeUpdate } from './contract.js';
import { type ApprenticeshipRun } from './run.js';
import { now, reject } from '../workflow-steps.js';
import { reviseContract, unsigned } from './signing.js';

const course = proxyActivities<ContractCourseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});
const signatures = proxyActivities<SignatureActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { maximumInterval: '30 seconds' },
});

/**
 * The course of a registered contract (DOMAIN.md step 6): changes of circumstances proposed by
 * one side and agreed to by another, suspension and resumption, termination with the chamber's
 * agreement, and a change of employer. Each takes effect on its date; the chamber is told of
 * each, and everyone, the foreign authority included, of the contract's end.
 */
export function contractChanges(run: ApprenticeshipRun) {
  const { apprenticeship, state } = run;
  /** Read-only in validators, which must not change the state. */
  const current = (): ContractCourse => state.course ?? emptyCourse();
  const writable = (): ContractCourse => (state.course ??= emptyCourse());
  const today = () => dateAt(run.calendar, Date.now());
  /** The competent chamber; the ministry for a trade no chamber covers. */
  const registrar = (): { party: PartyKind; organisationId: string } =>
    state.participants.chamber ? { party: 'chamber', organisationId: state.participants.chamber } : { party: 'ministry', organisationId: state.participants.ministry };

  async function record(entry: CourseEntry, type: CaseEventType, key: string, actor: { userId?: string; organisationId?: string } = {}, extra: object = {}) {
    const event = {
      key: `${state.caseId}.${key}`,
      caseId: state.caseId,
      sequence: apprenticeship.numberEvents(),
      at: now(),
      type,
      data: { entryId: entry.id, kind: entry.kind === 'termination' ? String(entry.details.kind) : entry.kind, effectiveOn: entry.effective_on, ...extra },
      ...actor,
    } as CaseEvent;
    await course.recordCourseEntry({ entry, event, snapshot: run.snapshot() });
  }

  async function tell(notice: ContractNotice, key: string, on: string, organisationIds: (string | undefined)[], foreignAuthority = false) {
    const recipients = [...new Set(organisationIds.filter((id): id is string => id !== undefined))];
    await Promise.all([
      ...recipients.map((organisationId) => run.notify({ key: `${state.caseId}.${key}.${organisationId}`, kind: 'contract_notice', caseId: state.caseId, notice, on, to: { organisationId } })),
      ...(foreignAuthority ? [run.notify({ key: `${state.caseId}.${key}.foreign-authority`, kind: 'contract_notice', caseId: state.caseId, notice, on, to: 'foreign_authority' })] : []),
    ]);
  }

  /** Does `work` when the contract's calendar reaches `date`, outside any Update; a new run arms it again. */
  function on(date: string, work: () => Promise<void>): void {
    void run.sleepUntilDate(date).then(() => run.guard(work));
  }

  // Changes of circumstances.
  const changeEntry = (change: ContractChange): CourseEntry => ({
    case_id: state.caseId,
    id: change.id,
    kind: change.change.kind,
    status: change.status,
    details: { ...change.change },
    effective_on: change.effectiveOn,
    proposed_by: change.proposedBy.userId,
    proposed_by_organisation_id: change.proposedBy.organisationId,
    agreeing_organisation_id: apprenticeship.tasks.find((t) => t.id === change.taskId)?.organisationId ?? null,
    task_id: change.taskId,
    proposed_at: change.proposedAt,
    decided_at: change.decidedAt ?? null,
  });

  setHandler(
    proposeChangeUpdate,
    async ({ change, effectiveOn, organisationId, userId }) => {
      const party = partyOf(state, organisationId)!;
      const agreeing = agreeingParty(change.kind, party)!;
      const agreeer = agreeing === 'chamber' ? registrar() : { party: agreeing, organisationId: state.participants[agreeing] };
      const proposed: ContractChange = { id: uuid4(), change, effectiveOn, proposedBy: { organisationId, userId, party }, agreeingParty: agreeer.party, taskId: '', status: 'open', proposedAt: now() };
      // In the state before the first await, so that a second proposal of the same kind is refused.
      writable().changes.push(proposed);
      proposed.taskId = (await run.openTask('change_agreement', agreeer.party, agreeer.organisationId)).id;
      await record(changeEntry(proposed), 'change_proposed', `change.${proposed.id}.proposed`, { userId, organisationId });
      // The chamber is told of every change; it has the task when it is the one to agree.
      if (agreeer.organisationId !== registrar().organisationId) await tell('change_proposed', `change.${proposed.id}.proposed`, effectiveOn, [registrar().organisationId]);
      return proposed;
    },
    { validator: (proposal) => reject(validateProposal(state, current(), proposal, today())) },
  );

  setHandler(
    withdrawChangeUpdate,
    async ({ changeId, organisationId, userId }) => {
      const change = writable().changes.find((c) => c.id === changeId)!;
      change.status = 'withdrawn';
      change.decidedAt = now();
      await run.cancelTasks(apprenticeship.tasks.filter((t) => t.id === change.taskId && t.status === 'open'));
      await record(changeEntry(change), 'change_withdrawn', `change.${change.id}.withdrawn`, { userId, organisationId });
      const agreeing = apprenticeship.tasks.find((t) => t.id === change.taskId)!.organisationId;
      await tell('change_withdrawn', `change.${change.id}.withdrawn`, change.effectiveOn, [agreeing, registrar().organisationId]);
      return change;
    },
    { validator: (withdrawal) => reject(validateWithdrawal(current().changes.find((c) => c.id === withdrawal.changeId), withdrawal)) },
  );

  run.onCompleted('change_agreement', async (task, completion) => {
    const change = writable().changes.find((c) => c.taskId === task.id)!;
    change.status = task.outcome === 'accepted' ? 'accepted' : 'rejected';
    change.decidedAt = task.completedAt;
    apprenticeship.touch();
    // From its effective date the case's terms are the changed ones (`termsOverTime`).
    await record(changeEntry(change), change.status === 'accepted' ? 'change_accepted' : 'change_rejected', `change.${change.id}.${change.status}`, completion);
    if (change.status === 'accepted') {
      // The stored schedule pays an agreed allowance from its date (and tells the employer if it is below the minimum).
      if (change.change.kind === 'allowance') await storeAllowanceSchedule(run, { reason: 'change' });
      if (change.change.kind === 'end_date') {
        // The training's anniversaries and final exam follow the agreed last day (training.ts), and so do the schedule's years.
        state.training!.endDate = change.change.endDate;
        await storeAllowanceSchedule(run, { reason: 'change', endDate: change.change.endDate });
      }
      // Every kind of change is a term the contract states: a new version states it, for the parties to sign.
      await reviseContract(run, 'change_of_circumstances', completion);
      writable().revisionToSign = state.contract.version;
      void recordRevisionSigned();
    }
    await tell(`change_${change.status}`, `change.${change.id}.${change.status}`, change.effectiveOn, [change.proposedBy.organisationId, registrar().organisationId]);
  });

  /**
   * The contract phase records the first version signed; one revised in training is recorded
   * signed here, once every signer has signed it (or not at all if a newer one replaced it).
   */
  async function recordRevisionSigned(): Promise<void> {
    const version = current().revisionToSign;
    await condition(() => current().revisionToSign !== version || unsigned(run).length === 0);
    if (current().revisionToSign !== version) return;
    await run.guard(async () => {
      writable().revisionToSign = undefined;
      if (state.contract.version === version) await signatures.recordContractSigned({ caseId: state.caseId, contractVersion: version! });
    });
  }

  // Suspension and resumption: the employer says from when, the status follows on that date.
  const suspensionEntry = (suspension: Suspension): CourseEntry => ({
    case_id: state.caseId,
    id: suspension.id,
    kind: 'suspension',
    status: 'accepted',
    details: {},
    effective_on: suspension.from,
    ends_on: suspension.resumesOn ?? null,
    proposed_by: suspension.suspendedBy.userId,
    proposed_by_organisation_id: suspension.suspendedBy.organisationId,
    proposed_at: suspension.recordedAt,
    took_effect_at: suspension.suspendedAt ?? null,
  });
  const toldOfSuspensions = () => [registrar().organisationId, state.participants.foreign_school];

  // A date armed in a run may come after the contract stopped (see `stop`): then it does nothing.
  async function begin(suspension: Suspension): Promise<void> {
    if (suspension.suspendedAt || suspension.resumedAt) return;
    suspension.suspendedAt = now();
    if (state.status === 'in_training') apprenticeship.setStatus('suspended');
    await record(suspensionEntry(suspension), 'suspension_began', `suspension.${suspension.id}.began`);
  }

  async function resume(suspension: Suspension): Promise<void> {
    if (suspension.resumedAt) return;
    suspension.resumedAt = now();
    if (state.status === 'suspended') apprenticeship.setStatus('in_training');
    await record({ ...suspensionEntry(suspension), effective_on: suspension.resumesOn! }, 'suspension_ended', `suspension.${suspension.id}.ended`);
  }

  /** Arms the dates of a suspension still to come: its beginning, and its end once the employer has said it. */
  function armSuspension(suspension: Suspension): void {
    if (!suspension.suspendedAt) on(suspension.from, () => begin(suspension));
    if (suspension.resumesOn && !suspension.resumedAt) on(suspension.resumesOn, () => resume(suspension));
  }

  setHandler(
    suspendTrainingUpdate,
    async ({ from, organisationId, userId }) => {
      const suspension: Suspension = { id: uuid4(), from, suspendedBy: { organisationId, userId }, recordedAt: now() };
      writable().suspensions.push(suspension);
      apprenticeship.touch();
      await record(suspensionEntry(suspension), 'training_suspended', `suspension.${suspension.id}.recorded`, { userId, organisationId });
      await tell('training_suspended', `suspension.${suspension.id}`, from, toldOfSuspensions());
      on(from, () => begin(suspension));
      return suspension;
    },
    { validator: ({ from, ...actor }) => reject(validateSuspension(state, current(), actor, from, today())) },
  );

  setHandler(
    resumeTrainingUpdate,
    async ({ on: resumesOn, organisationId, userId }) => {
      const suspension = writable().suspensions.at(-1)!;
      Object.assign(suspension, { resumesOn, resumedBy: { organisationId, userId } });
      apprenticeship.touch();
      await record({ ...suspensionEntry(suspension), effective_on: resumesOn }, 'training_resumed', `suspension.${suspension.id}.resumption`, { userId, organisationId });
      await tell('training_resumed', `suspension.${suspension.id}.resumption`, resumesOn, toldOfSuspensions());
      on(resumesOn, () => resume(suspension));
      return suspension;
    },
    { validator: ({ on: resumesOn, ...actor }) => reject(validateResumption(state, current(), actor, resumesOn, today())) },
  );

  // Termination: notice from the employer, the chamber's agreement, the end on the effective date.
  const terminationEntry = (termination: Termination): CourseEntry => {
    const { notice } = termination;
    return {
      case_id: state.caseId,
      id: termination.id,
      kind: 'termination',
      status: termination.status === 'agreed' ? 'accepted' : termination.status === 'refused' ? 'rejected' : 'open',
      details: { kind: notice.kind, ...(notice.newEmployer ? { newEmployer: notice.newEmployer } : {}) },
      effective_on: notice.effectiveOn,
      proposed_by: notice.userId,
      proposed_by_organisation_id: notice.organisationId,
      agreeing_organisation_id: apprenticeship.tasks.find((t) => t.id === termination.taskId)?.organisationId ?? null,
      task_id: termination.taskId,
      reasons: notice.reasons ?? null,
      proposed_at: termination.notifiedAt,
      decided_at: termination.decidedAt ?? null,
      took_effect_at: termination.endedAt ?? null,
    };
  };
  /** Everyone the case names, the foreign authority aside (told through its own recipient). */
  const everyone = () => Object.values(state.participants);

  function armEnding(termination: Termination): void {
    if (termination.status !== 'agreed' || termination.endedAt) return;
    on(termination.notice.effectiveOn, () => (termination.notice.newEmployer ? changeEmployer(termination) : end(termination)));
  }

  /** The contract stops: what was still open in it closes, a change still proposed lapses, a suspension ends with it. */
  async function stop(termination: Termination): Promise<void> {
    termination.endedAt = now();
    await run.cancelTasks(apprenticeship.tasks.filter((t) => t.status === 'open'));
    for (const suspension of current().suspensions.filter((s) => !s.resumedAt)) {
      Object.assign(suspension, { resumesOn: suspension.resumesOn ?? termination.notice.effectiveOn, resumedAt: termination.endedAt });
      await record({ ...suspensionEntry(suspension), effective_on: suspension.resumesOn! }, 'suspension_ended', `suspension.${suspension.id}.ended`);
    }
    for (const change of current().changes.filter((c) => c.status === 'open')) {
      Object.assign(change, { status: 'lapsed', decidedAt: termination.endedAt });
      await record(changeEntry(change), 'change_lapsed', `change.${change.id}.lapsed`);
    }
  }

  async function end(termination: Termination): Promise<void> {
    await stop(termination);
    apprenticeship.setStatus('terminated');
    await record(terminationEntry(termination), 'contract_terminated', `termination.${termination.id}.ended`);
    await tell('contract_terminated', `termination.${termination.id}.ended`, termination.notice.effectiveOn, everyone(), true);
    // Last: the workflow ends as soon as it sees the ending.
    state.ending = { outcome: 'terminated', at: termination.endedAt! };
  }

  /**
   * The old contract has stopped; the case, its school and trade go on with the new employer,
   * whose contract is signed and registered as the first was: the next run takes the contract
   * phase up again (see `redrawn`).
   */
  async function changeEmployer(termination: Termination): Promise<void> {
    const newEmployer = termination.notice.newEmployer!;
    const previousEmployerId = state.participants.employer;
    await stop(termination);
    state.participants.employer = newEmployer.organisationId;
    // The new contract is registered anew; the old one's registration stays in the log.
    Object.assign(state.contract, { registeredAt: undefined, registrationNumber: undefined });
    apprenticeship.setStatus('awaiting_signatures');
    const event = {
      key: `${state.caseId}.termination.${termination.id}.employer-changed`,
      caseId: state.caseId,
      sequence: apprenticeship.numberEvents(),
      at: termination.endedAt!,
      type: 'employer_changed',
      data: { entryId: termination.id, kind: 'employer_change', effectiveOn: termination.notice.effectiveOn, previousEmployerId, newEmployerId: newEmployer.organisationId, startDate: newEmployer.startDate },
    } as const;
    await course.recordCourseEntry({ entry: terminationEntry(termination), event, snapshot: run.snapshot(), employer: { organisationId: newEmployer.organisationId, participants: { ...state.participants } as Record<string, string> } });
    // Drawn up once the case is the new employer's: it states the new employer, its start and the changes agreed so far.
    await reviseContract(run, 'employer_change');
    await tell('employer_changed', `termination.${termination.id}.employer-changed`, newEmployer.startDate, [...everyone(), previousEmployerId], true);
  }

  setHandler(
    terminateContractUpdate,
    async (notice) => {
      const termination: Termination = { id: uuid4(), notice, notifiedOn: today(), notifiedAt: now(), taskId: '', status: 'open' };
      writable().terminations.push(termination);
      const agreeing = registrar();
      termination.taskId = (await run.openTask('termination_agreement', agreeing.party, agreeing.organisationId)).id;
      await record(terminationEntry(termination), 'termination_notified', `termination.${termination.id}.notified`, { userId: notice.userId, organisationId: notice.organisationId });
      return termination;
    },
    { validator: (notice) => reject(validateTermination(state, current(), notice, today())) },
  );

  run.onCompleted('termination_agreement', async (task, completion) => {
    const termination = writable().terminations.find((t) => t.taskId === task.id)!;
    termination.status = task.outcome === 'agreed' ? 'agreed' : 'refused';
    termination.decidedAt = task.completedAt;
    apprenticeship.touch();
    const key = `termination.${termination.id}.${termination.status}`;
    await record(terminationEntry(termination), `termination_${termination.status}`, key, completion);
    await tell(`termination_${termination.status}`, key, termination.notice.effectiveOn, [termination.notice.organisationId]);
    armEnding(termination);
  });

  // A new run arms again what the last one was waiting for.
  if (current().revisionToSign !== undefined) void recordRevisionSigned();
  for (const suspension of current().suspensions) armSuspension(suspension);
  for (const termination of current().terminations) armEnding(termination);

  return {
    /** A change of employer has taken effect and the new contract is not yet registered: the contract phase runs again. */
    redrawn: () => state.status === 'awaiting_signatures' && current().terminations.some((t) => t.endedAt && t.notice.newEmployer),
  };
}
