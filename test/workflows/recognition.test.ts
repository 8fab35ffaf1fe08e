import { randomUUID } from 'node:crypto';
import { ApplicationFailure, Client, Connection, WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createRecognitionActivities } from '../../activities/recognitions.js';
import { postgresDocumentStore } from '../../db/document-store.js';
import { recordRecognitionStatus } from '../../db/recognitions.js';
import { caseReference } from '../../domain/case-reference.js';
import type { RecognitionRequest } from '../../domain/recognition.js';
import { loadCredentialKeys } from '../../infra/credential-keys.js';
import { encryptedDataConverter } from '../../infra/payload-codec.js';
import {
  approveDecisionUpdate,
  proposeDecisionUpdate,
  recognitionFailureTypes,
  recognitionWorkflowId,
  recognitionWorkflowType,
  recordPaymentUpdate,
  requestDocumentsUpdate,
  submitDocumentsUpdate,
  type RecognitionActor,
  type RecognitionWorkflow,
} from '../../workflows/recognition/contract.js';
import { recordHistory } from '../support/record-history.js';
import { graduatedCase } from '../support/running-case.js';
import { startTestStack, testPayloadKey, type TestStack } from '../support/stack.js';
import { runsOf } from '../support/workflow-runs.js';

const poll = { timeout: 30_000 };

let stack: TestStack;
let connection: Connection;
let client: Client;
beforeAll(async () => {
  // A contract day lasts 8 ms: a three-year apprenticeship reaches its final exam in seconds.
  stack = await startTestStack({ env: { CONTRACT_DAY_LENGTH: '8ms' } });
  connection = await Connection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection, namespace: stack.config.TEMPORAL_NAMESPACE, dataConverter: encryptedDataConverter({ key: testPayloadKey, dataDir: inject('dataDir') }) });
});
afterAll(async () => {
  await connection.close();
  await stack.stop();
});

const recognitionOf = (where: { caseId?: string; id?: string }) => {
  let query = stack.db.selectFrom('recognitions').selectAll();
  if (where.caseId) query = query.where('case_id', '=', where.caseId);
  if (where.id) query = query.where('id', '=', where.id);
  return query.executeTakeFirst();
};

const stepsOf = (recognitionId: string) =>
  stack.db.selectFrom('recognition_steps').select(['sequence', 'step', 'started_at', 'ended_at']).where('recognition_id', '=', recognitionId).orderBy('sequence').execute();

/** The mails sent to `address` about the recognition, waiting for `count` of them. */
async function mailsAbout(address: string, recognitionId: string, count: number) {
  const about = async () => (await stack.mailsTo(address)).filter((m) => m.subject.includes(caseReference(recognitionId)));
  await expect.poll(async () => (await about()).length, poll).toBeGreaterThanOrEqual(count);
  return about();
}

describe("a graduate's recognition", () => {
  it("starts when the final exam is passed: the graduate's applicant account, the documents to add, the fee, and a mail naming the documents", async () => {
    const id = await graduatedCase(stack);

    await expect.poll(() => recognitionOf({ caseId: id }), poll).toBeDefined();
    const recognition = (await recognitionOf({ caseId: id }))!;
    const apprentice = stack.caseRequest().apprentice;
    // The school is in France: its diplomas have a Europass supplement, and French fees apply.
    expect(recognition).toMatchObject({
      workflow_id: recognitionWorkflowId(recognition.id),
      status: 'awaiting_applicant',
      diploma_country: 'FR',
      diploma_key: 'FR|cap boulanger|cap boulanger 2 years',
      required_documents: ['diploma', 'transcript', 'identity_document', 'europass_supplement'],
      fee_cents: 7_500,
      payment: null,
    });
    expect(recognition.request).toEqual({
      holder: { givenName: apprentice.givenName, familyName: apprentice.familyName, birthDate: apprentice.birthDate, email: apprentice.email, language: 'fr' },
      diploma: { country: 'FR', title: 'CAP Boulanger', programme: 'CAP Boulanger, 2 years' },
      awardedOn: '2030-07-02',
      schoolName: 'Lycée professionnel Sainte-Anne, Thionville',
      tradeCode: stack.tradeCode,
      europassSupplementExists: true,
    });
    const account = await stack.db
      .selectFrom('users')
      .innerJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id', 'users.email', 'users.language', 'organisations.id as organisationId', 'organisations.kind', 'organisations.name'])
      .where('users.id', '=', recognition.applicant_user_id)
      .executeTakeFirstOrThrow();
    expect(account).toEqual({ id: recognition.applicant_user_id, email: apprentice.email, language: 'fr', organisationId: recognition.applicant_organisation_id, kind: 'applicant', name: 'Lena Roth' });
    expect((await stepsOf(recognition.id)).map(({ sequence, step, ended_at }) => ({ sequence, step, ended: ended_at !== null }))).toEqual([{ sequence: 0, step: 'applicant', ended: false }]);

    const events = await stack.db.selectFrom('events').select(['type', 'data']).where('case_id', '=', id).where('type', '=', 'recognition_started').execute();
    expect(events).toEqual([{ type: 'recognition_started', data: { recognitionId: recognition.id } }]);

    // The graduate, in the school's language: every document by name, the fee and the link; nothing personal.
    const [mail] = await mailsAbout(apprentice.email!, recognition.id, 1);
    expect(mail!.subject).toBe(`Reconnaissance de votre diplôme : documents à ajouter – demande ${caseReference(recognition.id)}`);
    for (const named of ['- le diplôme', '- le relevé de notes', "- une pièce d'identité", '- le supplément Europass au certificat', '75,00', `${stack.config.publicBaseUrl}/recognitions/${recognition.id}`]) {
      expect(mail!.text).toContain(named);
    }
    for (const personal of [apprentice.birthDate, apprentice.familyName, apprentice.email!]) expect(mail!.text).not.toContain(personal);

    // The case's last run, which started the recognition: its history replays with the patch.
    await expect.poll(async () => (await runsOf(`case-${id}`)).at(-1)?.status.name, poll).toBe('COMPLETED');
    recordHistory(`case-${id}`, 'apprenticeship-completed-recognition-started.json', (await runsOf(`case-${id}`)).at(-1)!.runId);
  });
});

describe('a recognition driven by its Updates', () => {
  const officer = (userId: string): RecognitionActor => ({ userId, organisationId: 'menje-fp' });
  const proposer = officer('claude.reding');
  const approver = officer('nadia.schroeder');
  const applicant: RecognitionActor = { userId: 'jonas.becker', organisationId: 'applicant-jonas-becker' };
  const request: RecognitionRequest = {
    holder: { givenName: 'Jonas', familyName: 'Becker', birthDate: '2004-03-15', email: 'jonas.becker@example.de', language: 'de' },
    diploma: { country: 'DE', title: 'Gesellenbrief Bäcker', programme: 'Duale Ausbildung Bäcker, 3 Jahre' },
    awardedOn: '2025-07-10',
    schoolName: 'Berufsbildende Schule Gewerbe und Technik, Trier',
    europassSupplementExists: true,
  };
  let recognitionId: string;
  let handle: WorkflowHandle<RecognitionWorkflow>;

  beforeAll(async () => {
    recognitionId = randomUUID();
    handle = await client.workflow.start<RecognitionWorkflow>(recognitionWorkflowType, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: recognitionWorkflowId(recognitionId),
      args: [{ recognitionId, origin: { kind: 'independent' }, request, applicantUserId: applicant.userId, requestedAt: new Date().toISOString(), mailRetry: { initialIntervalMs: 200, maximumIntervalMs: 1_000 } }],
    });
  });

  const failureOf = async (update: Promise<unknown>) => {
    const failure = await update.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (failure as WorkflowUpdateFailedError).cause;
    expect(cause).toBeInstanceOf(ApplicationFailure);
    return (cause as ApplicationFailure).type;
  };

  it('records each step: documents asked for again reopen the applicant’s step and tell them by kind and problem, never the comment', async () => {
    const applicantEmail = (await stack.db.selectFrom('users').select('email').where('id', '=', applicant.userId).executeTakeFirstOrThrow()).email;
    await expect.poll(() => recognitionOf({ id: recognitionId }), poll).toBeDefined();
    expect(await recognitionOf({ id: recognitionId })).toMatchObject({ applicant_user_id: applicant.userId, applicant_organisation_id: applicant.organisationId, case_id: null, fee_cents: 7_500 });
    const [needed] = await mailsAbout(applicantEmail, recognitionId, 1);
    expect(needed!.subject).toBe(`Anerkennung Ihres Abschlusses: Unterlagen beizufügen – Antrag ${caseReference(recognitionId)}`);
    expect(needed!.text).toContain('- die Europass-Zeugniserläuterung');

    // No decision while the documents are awaited.
    expect(await failureOf(handle.executeUpdate(proposeDecisionUpdate, { args: [{ by: proposer, decision: { outcome: 'equivalence', qualification: 'DAP' } }] }))).toBe(recognitionFailureTypes.wrongState);

    await handle.executeUpdate(submitDocumentsUpdate, { args: [{ by: applicant }] });
    expect((await recognitionOf({ id: recognitionId }))!.status).toBe('in_examination');
    await handle.executeUpdate(requestDocumentsUpdate, {
      args: [{ by: proposer, request: { documents: [{ kind: 'transcript', problem: 'unreadable', comment: 'Seite 2 von Herrn Becker ist unscharf' }, { kind: 'identity_document', problem: 'not_certified' }] } }],
    });
    const asked = (await recognitionOf({ id: recognitionId }))!;
    expect(asked).toMatchObject({ status: 'awaiting_applicant', status_sequence: 2, document_request: { documents: [{ kind: 'transcript', problem: 'unreadable' }, { kind: 'identity_document', problem: 'not_certified' }] } });
    const steps = await stepsOf(recognitionId);
    expect(steps.map(({ sequence, step, ended_at }) => ({ sequence, step, ended: ended_at !== null }))).toEqual([
      { sequence: 0, step: 'applicant', ended: true },
      { sequence: 1, step: 'examination', ended: true },
      { sequence: 2, step: 'applicant', ended: false },
    ]);
    // A step ends when the next begins.
    expect(steps[0]!.ended_at).toEqual(steps[1]!.started_at);
    expect(steps[1]!.ended_at).toEqual(steps[2]!.started_at);

    const requested = (await mailsAbout(applicantEmail, recognitionId, 2)).find((m) => m.subject.includes('erneut angefordert'));
    expect(requested!.text).toContain('- die Notenübersicht: unleserlich');
    expect(requested!.text).toContain('- ein Ausweisdokument: keine beglaubigte Kopie');
    expect(requested!.text).not.toContain('unscharf');
    expect(requested!.text).not.toContain('Becker');

    await handle.executeUpdate(submitDocumentsUpdate, { args: [{ by: applicant }] });
    expect((await recognitionOf({ id: recognitionId }))!).toMatchObject({ status: 'in_examination', document_request: null });
  });

  it('takes the fee, a proposal and the approval of another officer than the proposer', async () => {
    expect(await failureOf(handle.executeUpdate(proposeDecisionUpdate, { args: [{ by: proposer, decision: { outcome: 'equivalence', qualification: 'DAP' } }] }))).toBe(recognitionFailureTypes.feeUnpaid);
    const payment = { amountCents: 7_500, paidOn: '2026-11-20', reference: 'RECO-TEST-1' };
    await handle.executeUpdate(recordPaymentUpdate, { args: [{ by: proposer, payment }] });
    expect(await recognitionOf({ id: recognitionId })).toMatchObject({ payment, payment_recorded_by: proposer.userId });

    const decision = { outcome: 'equivalence', qualification: 'DAP', tradeCode: 'DAP-BOULANGER' } as const;
    await handle.executeUpdate(proposeDecisionUpdate, { args: [{ by: proposer, decision }] });
    expect(await recognitionOf({ id: recognitionId })).toMatchObject({ status: 'awaiting_approval', proposal: decision, proposed_by: proposer.userId });

    // Four eyes: the proposer cannot approve.
    expect(await failureOf(handle.executeUpdate(approveDecisionUpdate, { args: [{ by: proposer, approved: true }] }))).toBe(recognitionFailureTypes.fourEyes);
    expect((await recognitionOf({ id: recognitionId }))!.status).toBe('awaiting_approval');
  });

  it('ignores a retried status write carrying an older sequence', async () => {
    const before = await recognitionOf({ id: recognitionId });
    const stepsBefore = await stepsOf(recognitionId);
    await recordRecognitionStatus(stack.db, { recognitionId, sequence: 1, status: 'in_examination', at: new Date().toISOString(), by: applicant });
    await recordRecognitionStatus(stack.db, { recognitionId, sequence: before!.status_sequence, status: 'refused', at: new Date().toISOString(), by: approver });
    expect(await recognitionOf({ id: recognitionId })).toEqual(before);
    expect(await stepsOf(recognitionId)).toEqual(stepsBefore);
  });

  it('issues an approved equivalence: the register, the certificate, the credential, recognised, every step closed', async () => {
    await handle.executeUpdate(approveDecisionUpdate, { args: [{ by: approver, approved: true }] });
    expect(await handle.result()).toBe('recognised');

    const recognition = (await recognitionOf({ id: recognitionId }))!;
    expect(recognition).toMatchObject({ status: 'recognised', certificate_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(recognition.decided_at).not.toBeNull();
    const register = await stack.db.selectFrom('recognition_decisions').selectAll().where('recognition_id', '=', recognitionId).executeTakeFirstOrThrow();
    expect(register).toMatchObject({
      diploma_key: recognition.diploma_key,
      diploma: request.diploma,
      decision: { outcome: 'equivalence', qualification: 'DAP', level: 3, tradeCode: 'DAP-BOULANGER' },
      proposed_by: proposer.userId,
      approved_by: approver.userId,
      revoked_at: null,
    });
    const blob = await stack.db.selectFrom('document_blobs').select('bytes').where('sha256', '=', recognition.certificate_sha256!).executeTakeFirstOrThrow();
    expect(blob.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const credential = await stack.db.selectFrom('recognition_credentials').selectAll().where('recognition_id', '=', recognitionId).executeTakeFirstOrThrow();
    expect(credential.jwt.split('.')).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(credential.jwt.split('.')[1]!, 'base64url').toString());
    expect(claims.jti).toBe(`urn:uuid:${credential.id}`);
    expect((await stepsOf(recognitionId)).every((s) => s.ended_at !== null)).toBe(true);

    const applicantEmail = (await stack.db.selectFrom('users').select('email').where('id', '=', applicant.userId).executeTakeFirstOrThrow()).email;
    const mails = await mailsAbout(applicantEmail, recognitionId, 3);
    expect(mails.map((m) => m.subject)).toContain(`Ihr Abschluss ist anerkannt – Antrag ${caseReference(recognitionId)}`);

    recordHistory(recognitionWorkflowId(recognitionId), 'recognition-recognised.json');
  });

  it('answers a retried open and issue with what was recorded, writing nothing twice', async () => {
    const activities = createRecognitionActivities({
      db: stack.db,
      documents: postgresDocumentStore(stack.db),
      credentialKeys: await loadCredentialKeys({ dataDir: stack.config.dataDir, issuer: stack.config.publicBaseUrl }),
      publicBaseUrl: stack.config.publicBaseUrl,
    });
    const recorded = (await recognitionOf({ id: recognitionId }))!;
    const register = await stack.db.selectFrom('recognition_decisions').selectAll().where('recognition_id', '=', recognitionId).executeTakeFirstOrThrow();
    const credential = await stack.db.selectFrom('recognition_credentials').selectAll().where('recognition_id', '=', recognitionId).executeTakeFirstOrThrow();

    const opened = await activities.openRecognition({ recognitionId, origin: { kind: 'independent' }, request, applicantUserId: applicant.userId, requestedAt: new Date().toISOString(), mailRetry: { initialIntervalMs: 200, maximumIntervalMs: 1_000 } });
    expect(opened).toEqual({ applicantUserId: applicant.userId, applicantOrganisationId: applicant.organisationId, required: recorded.required_documents, feeCents: 7_500 });
    const issued = await activities.issueRecognition({ recognitionId, decision: { outcome: 'equivalence', qualification: 'DAP', tradeCode: 'DAP-BOULANGER' }, proposedBy: proposer, approvedBy: approver, decidedAt: register.decided_at.toISOString() });
    expect(issued).toEqual({ decision: register.decision, certificateDocumentSha256: recorded.certificate_sha256, credentialId: credential.id });

    expect(await recognitionOf({ id: recognitionId })).toEqual(recorded);
    expect(await stack.db.selectFrom('recognition_decisions').selectAll().where('recognition_id', '=', recognitionId).execute()).toEqual([register]);
    expect(await stack.db.selectFrom('recognition_credentials').selectAll().where('recognition_id', '=', recognitionId).execute()).toEqual([credential]);
    expect(await stepsOf(recognitionId)).toHaveLength(5);
  });

  it('records the next decision on the same diploma type against its precedent: a refusal departs from it, with its reasons', async () => {
    const sofia: RecognitionActor = { userId: 'sofia.lambert', organisationId: 'applicant-sofia-lambert' };
    const nextId = randomUUID();
    // The same diploma, written with other case and spacing.
    const same = { ...request, holder: { ...request.holder, givenName: 'Sofia', familyName: 'Lambert', email: 'sofia.lambert@example.fr', language: 'fr' as const }, diploma: { ...request.diploma, title: 'GESELLENBRIEF  Bäcker' } };
    const next = await client.workflow.start<RecognitionWorkflow>(recognitionWorkflowType, {
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      workflowId: recognitionWorkflowId(nextId),
      args: [{ recognitionId: nextId, origin: { kind: 'independent' }, request: same, applicantUserId: sofia.userId, requestedAt: new Date().toISOString(), mailRetry: { initialIntervalMs: 200, maximumIntervalMs: 1_000 } }],
    });
    // Taken at once, before the request is recorded: it waits for it, and is not lost.
    await next.executeUpdate(submitDocumentsUpdate, { args: [{ by: sofia }] });
    await next.executeUpdate(recordPaymentUpdate, { args: [{ by: approver, payment: { amountCents: 7_500, paidOn: '2026-11-21', reference: 'RECO-TEST-2' } }] });
    const reasons = 'The training lasted two years, not the three of the precedent';
    await next.executeUpdate(proposeDecisionUpdate, { args: [{ by: approver, decision: { outcome: 'refusal', reasons } }] });
    // Sent back once: the proposal is withdrawn and examination resumes.
    await next.executeUpdate(approveDecisionUpdate, { args: [{ by: proposer, approved: false, reasons: 'Check the duration' }] });
    expect(await recognitionOf({ id: nextId })).toMatchObject({ status: 'in_examination', proposal: null, proposed_by: null });
    await next.executeUpdate(proposeDecisionUpdate, { args: [{ by: approver, decision: { outcome: 'refusal', reasons } }] });
    await next.executeUpdate(approveDecisionUpdate, { args: [{ by: proposer, approved: true }] });
    expect(await next.result()).toBe('refused');

    const register = await stack.db.selectFrom('recognition_decisions').selectAll().where('recognition_id', '=', nextId).executeTakeFirstOrThrow();
    expect(register).toMatchObject({ decision: { outcome: 'refusal' }, reasons, precedent_recognition_id: recognitionId, follows_precedent: false, proposed_by: approver.userId, approved_by: proposer.userId });
    expect((await recognitionOf({ id: nextId }))!.certificate_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await stack.db.selectFrom('recognition_credentials').select('id').where('recognition_id', '=', nextId).execute()).toEqual([]);
    expect((await stepsOf(nextId)).map((s) => s.step)).toEqual(['applicant', 'examination', 'approval', 'examination', 'approval']);

    const email = (await stack.db.selectFrom('users').select('email').where('id', '=', sofia.userId).executeTakeFirstOrThrow()).email;
    const refused = (await mailsAbout(email, nextId, 2)).find((m) => m.subject.startsWith('Reconnaissance de votre diplôme refusée'));
    // The recognition's page, not its JSON.
    expect(refused!.text).toContain(`${stack.config.publicBaseUrl}/recognitions/${nextId}\n`);
    expect(refused!.text).not.toContain('two years');
  });
});
