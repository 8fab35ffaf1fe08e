import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contractCourseSchema, courseEntrySchema } from '../../api/responses.js';
import { sampleReferenceData } from '../../db/seeds/reference-data.js';
import { addDays } from '../../domain/contract-changes.js';
import { recordHistory } from '../support/record-history.js';
import { runningCase as runningCaseOn, statusOf as statusIn, taskOf as taskOn } from '../support/running-case.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

/** A contract day lasts a second: dates a few days ahead come within seconds, the trial period within minutes. */
const dayMs = 1_000;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ env: { CONTRACT_DAY_LENGTH: `${dayMs}ms` } });
});
afterAll(() => stack.stop());

const poll = { timeout: 30_000 };
const readCase = (party: Party, id: string) => stack.request(party, 'GET', `/v1/cases/${id}`);
const statusOf = (id: string, party = stack.parties.employer) => statusIn(stack, id, party);
const course = async (id: string, party = stack.parties.employer) => (await stack.request(party, 'GET', `/v1/cases/${id}/course`)).body;
const runningCase = () => runningCaseOn(stack, dayMs);
const taskOf = (party: Party, caseId: string, kind: string) => taskOn(stack, party, caseId, kind);

/** The text of a PDF the API serves, every run of white space as one space. */
async function pdfText(party: Party, path: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl()}${path}`, { headers: { authorization: `Bearer ${party.token}` } });
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try {
    return (await parser.getText()).text.replace(/\s+/g, ' ');
  } finally {
    await parser.destroy();
  }
}

describe('changes of circumstances', () => {
  it('a change of tutor proposed by the employer, agreed by the chamber, holds from its date on', async () => {
    const { parties } = stack;
    const running = await runningCase();
    const effectiveOn = addDays(running.today(), 3);

    // The school does not propose a tutor; a date already past does not fit.
    const bySchool = await stack.request(parties.school, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'tutor', effectiveOn, tutor: { name: 'Nadine Weis' } });
    expect(bySchool.status).toBe(403);
    const past = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'tutor', effectiveOn: addDays(running.today(), -3), tutor: { name: 'Nadine Weis' } });
    expect(past.status).toBe(400);
    expect(past.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/effectiveOn']);

    const proposed = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'tutor', effectiveOn, tutor: { name: 'Nadine Weis' } });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ kind: 'tutor', status: 'open', effectiveOn, agreeing: { id: parties.chamber.organisationId } });

    const agreement = await taskOf(parties.chamber, running.id, 'change_agreement');
    expect((await stack.complete(parties.chamber, agreement.id, { outcome: 'accepted' })).status).toBe(200);

    const seen = await course(running.id, parties.school);
    // As the OpenAPI document publishes them, extra fields included.
    expect(courseEntrySchema.strict().safeParse(proposed.body).error).toBeUndefined();
    expect(contractCourseSchema.strict().safeParse(seen).error).toBeUndefined();
    expect(seen.entries).toEqual([expect.objectContaining({ id: proposed.body.id, status: 'accepted', details: { kind: 'tutor', tutor: { name: 'Nadine Weis' } } })]);
    expect(seen.terms.map((t: { from: string; tutor: { name: string } }) => [t.from, t.tutor.name])).toEqual([
      [expect.any(String), 'Marc Schmit'],
      [effectiveOn, 'Nadine Weis'],
    ]);
    await expect.poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject.includes(running.reference) && m.subject.includes('accepted')), poll).toHaveLength(1);
    // The tutor is a term the contract states: a second version states the new one, for the parties to sign.
    await expect.poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${running.id}/contract`)).body.currentVersion, poll).toBe(2);
    const contract = (await stack.request(parties.employer, 'GET', `/v1/cases/${running.id}/contract`)).body;
    expect(await pdfText(parties.employer, contract.versions.find((v: { version: number }) => v.version === 2).document)).toContain('Nadine Weis');
    expect(await statusOf(running.id)).toBe('in_training');
  });

  it('a change withdrawn by its proposer closes the task of the party that was to agree; a rejected one leaves the terms as they were', async () => {
    const { parties } = stack;
    const running = await runningCase();
    const rhythm = { kind: 'weekly_rhythm', effectiveOn: addDays(running.today(), 5), weeklyRhythm: { schoolDays: 1, companyDays: 4 } };
    const proposed = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, rhythm);
    expect(proposed.status).toBe(201);
    const schoolTask = await taskOf(parties.school, running.id, 'change_agreement');
    // One open change of a kind at a time; only the proposer withdraws it.
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, rhythm)).status).toBe(409);
    expect((await stack.request(parties.school, 'POST', `/v1/cases/${running.id}/changes/${proposed.body.id}/withdraw`)).status).toBe(403);

    const withdrawn = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes/${proposed.body.id}/withdraw`);
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await stack.request(parties.school, 'GET', `/v1/tasks/${schoolTask.id}`)).body.status).toBe('cancelled');
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes/${proposed.body.id}/withdraw`)).status).toBe(409);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes/no-such-change/withdraw`)).status).toBe(404);
    // The chamber, which does not agree to a rhythm, is told of the proposal and of its withdrawal.
    await expect
      .poll(async () => (await stack.mailsTo(parties.chamber.organisationEmail)).filter((m) => m.subject.includes(running.reference) && /vorgeschlagen|zurückgezogen/.test(m.subject)), poll)
      .toHaveLength(2);

    // The school proposes a later end; the employer rejects it, with its reasons.
    const extension = await stack.request(parties.school, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'end_date', effectiveOn: addDays(running.today(), 5), endDate: addDays(running.today(), 1_500) });
    expect(extension.status).toBe(201);
    const employerTask = await taskOf(parties.employer, running.id, 'change_agreement');
    expect((await stack.complete(parties.employer, employerTask.id, { outcome: 'rejected' })).status).toBe(400);
    expect((await stack.complete(parties.employer, employerTask.id, { outcome: 'rejected', reasons: 'The company cannot keep the post longer' })).status).toBe(200);

    const seen = await course(running.id);
    expect(seen.entries.map((e: { kind: string; status: string }) => [e.kind, e.status])).toEqual([
      ['weekly_rhythm', 'withdrawn'],
      ['end_date', 'rejected'],
    ]);
    expect(seen.terms).toHaveLength(1);
    await expect.poll(async () => (await stack.mailsTo(parties.school.organisationEmail)).filter((m) => m.subject.includes(running.reference) && m.subject.includes('refusée')), poll).toHaveLength(1);
  });

  it('an agreed allowance is paid from its date in the stored schedule; one below the minimum is refused', async () => {
    const { parties } = stack;
    const running = await runningCase();
    const effectiveOn = addDays(running.today(), 4);
    const below = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'allowance', effectiveOn, monthlyAllowanceCents: 1_000 });
    expect(below.status).toBe(400);
    expect(below.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/monthlyAllowanceCents']);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'allowance', effectiveOn, monthlyAllowanceCents: 175_000 })).status).toBe(201);
    const agreement = await taskOf(parties.chamber, running.id, 'change_agreement');
    expect((await stack.complete(parties.chamber, agreement.id, { outcome: 'accepted' })).status).toBe(200);

    const paidFrom = async () => {
      const { allowance } = (await readCase(parties.employer, running.id)).body as { allowance: { reason: string; years: { from: string; to: string; paidCents: number }[] } };
      return { reason: allowance.reason, paid: allowance.years.filter((p) => p.to >= addDays(effectiveOn, -1) && p.from <= effectiveOn).map((p) => [p.from <= addDays(effectiveOn, -1), p.paidCents]) };
    };
    await expect.poll(paidFrom, poll).toEqual({ reason: 'change', paid: [[true, 160_000], [false, 175_000]] });
  });

  it('refuses a change before the contract is registered', async () => {
    const submitted = await stack.submit();
    await stack.authorise(submitted.id);
    await expect.poll(() => statusOf(submitted.id), poll).toBe('awaiting_signatures');
    const early = await stack.request(stack.parties.employer, 'POST', `/v1/cases/${submitted.id}/changes`, { kind: 'tutor', effectiveOn: '2099-01-01', tutor: { name: 'Nadine Weis' } });
    expect(early.status).toBe(409);
  });
});

describe('suspension and resumption', () => {
  it('the employer suspends the training from a date and resumes it on another; the status follows on each date', async () => {
    const { parties } = stack;
    const running = await runningCase();
    const from = addDays(running.today(), 3);
    expect((await stack.request(parties.school, 'POST', `/v1/cases/${running.id}/suspension`, { from })).status).toBe(403);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/resumption`, { on: from })).status).toBe(409);
    const suspended = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/suspension`, { from });
    expect(suspended.status).toBe(201);
    await expect.poll(() => statusOf(running.id), poll).toBe('suspended');

    const tooEarly = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/resumption`, { on: from });
    expect(tooEarly.status).toBe(400);
    const on = addDays(running.today(), 3);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/resumption`, { on })).status).toBe(200);
    await expect.poll(() => statusOf(running.id), poll).toBe('in_training');
    expect((await course(running.id)).entries).toEqual([expect.objectContaining({ kind: 'suspension', effectiveOn: from, endsOn: on, tookEffectAt: expect.any(String) })]);
    // The chamber is told of both, in its language.
    await expect
      .poll(async () => (await stack.mailsTo(parties.chamber.organisationEmail)).filter((m) => m.subject.includes(running.reference) && /ausgesetzt|wieder aufgenommen/.test(m.subject)), poll)
      .toHaveLength(2);
  });
});

describe('termination', () => {
  it('a notice under 15 days is refused; in the trial period the contract ends on its date once the chamber agrees, and everyone is told without the reasons', async () => {
    const { parties } = stack;
    const running = await runningCase();
    const short = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, { kind: 'notice', effectiveOn: addDays(running.today(), 10) });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/effectiveOn']);
    const noReasons = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, { kind: 'serious_cause', effectiveOn: addDays(running.today(), 2) });
    expect(noReasons.status).toBe(400);
    expect((await stack.request(parties.chamber, 'POST', `/v1/cases/${running.id}/termination`, { kind: 'trial_period', effectiveOn: addDays(running.today(), 2) })).status).toBe(403);

    const reasons = 'Confidential-reason-7731';
    const effectiveOn = addDays(running.today(), 3);
    const notice = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, { kind: 'trial_period', effectiveOn, reasons });
    expect(notice.status).toBe(201);
    expect(notice.body).toMatchObject({ kind: 'termination', status: 'open', details: { kind: 'trial_period' }, agreeing: { id: parties.chamber.organisationId } });
    // A new allowance is at least the legal minimum; an open change is cancelled when the contract ends.
    const belowMinimum = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'allowance', effectiveOn, monthlyAllowanceCents: 1_000 });
    expect(belowMinimum.status).toBe(400);
    expect(belowMinimum.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/monthlyAllowanceCents']);
    const change = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, { kind: 'allowance', effectiveOn, monthlyAllowanceCents: 170_000 });
    expect(change.status).toBe(201);

    const agreement = await taskOf(parties.chamber, running.id, 'termination_agreement');
    expect((await stack.complete(parties.chamber, agreement.id, { outcome: 'agreed' })).status).toBe(200);
    await expect.poll(() => statusOf(running.id), poll).toBe('terminated');
    const ended = (await readCase(parties.employer, running.id)).body;
    expect(ended.tasks.filter((t: { status: string }) => t.status === 'open')).toEqual([]);
    expect(ended.tasks.find((t: { kind: string; status: string }) => t.kind === 'change_agreement')).toMatchObject({ status: 'cancelled' });
    const entries = (await course(running.id)).entries;
    expect(entries.find((e: { kind: string }) => e.kind === 'termination')).toMatchObject({ status: 'accepted', reasons, tookEffectAt: expect.any(String) });
    expect(entries.find((e: { kind: string }) => e.kind === 'allowance')).toMatchObject({ status: 'lapsed' });
    // The contract has ended: nothing more changes it.
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/suspension`, { from: addDays(running.today(), 2) })).status).toBe(409);
    // The reasons are the employer's, the chamber's and the ministry's to read, not the school's.
    expect((await course(running.id, parties.chamber)).entries.find((e: { kind: string }) => e.kind === 'termination').reasons).toBe(reasons);
    expect((await course(running.id, parties.school)).entries.find((e: { kind: string }) => e.kind === 'termination').reasons).toBeNull();

    const authority = await stack.db.selectFrom('organisations').select('email').where('id', '=', 'france-competences').executeTakeFirstOrThrow();
    const told = [parties.employer.organisationEmail, parties.adem.organisationEmail, parties.chamber.organisationEmail, parties.school.organisationEmail, parties.ministry.organisationEmail, authority.email];
    for (const address of told) {
      await expect
        .poll(async () => (await stack.mailsTo(address)).filter((m) => m.subject.includes(running.reference) && m.text.includes(effectiveOn)).length, { ...poll, message: address })
        .toBeGreaterThanOrEqual(1);
    }
    for (const address of told) {
      for (const mail of (await stack.mailsTo(address)).filter((m) => m.subject.includes(running.reference))) {
        expect(`${mail.subject}\n${mail.text}`).not.toMatch(/Confidential-reason|Roth|Lena|2009-04-02/);
      }
    }
    recordHistory(`case-${running.id}`, 'apprenticeship-terminated-in-trial.json');
  });
});

describe('change of employer', () => {
  it('the old contract stops on or before the new one starts; the new employer signs, the chamber registers, the school and trade stay', async () => {
    const { parties } = stack;
    const running = await runningCase();
    // The apprentice moves while the training is suspended: the suspension ends with the old contract.
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/suspension`, { from: addDays(running.today(), 1) })).status).toBe(201);
    await expect.poll(() => statusOf(running.id), poll).toBe('suspended');
    const effectiveOn = addDays(running.today(), 4);
    // The trade stays, so the new employer needs the right to train for it.
    const withoutRight = { kind: 'employer_change', effectiveOn, newEmployer: { organisationId: parties.otherEmployer.organisationId, startDate: effectiveOn } };
    const refused = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, withoutRight);
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/newEmployer/organisationId']);
    const rights = sampleReferenceData.filter((v) => v.table === 'rights-to-train').at(-1)!.rows;
    const published = await stack.request(parties.ministry, 'POST', '/v1/reference/rights-to-train/versions', {
      validFrom: running.today(),
      legalReference: 'Register of the rights to train (test)',
      rows: [...rights, { employerOrganisationId: parties.otherEmployer.organisationId, tradeCode: stack.tradeCode, chamberOrganisationId: parties.chamber.organisationId, validFrom: running.today(), validTo: null }],
    });
    expect(published.status).toBe(201);
    const early = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, {
      kind: 'employer_change',
      effectiveOn,
      newEmployer: { organisationId: parties.otherEmployer.organisationId, startDate: addDays(effectiveOn, -1) },
    });
    expect(early.status).toBe(400);
    expect(early.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/newEmployer/startDate']);
    const notAnEmployer = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, { kind: 'employer_change', effectiveOn, newEmployer: { organisationId: 'adem', startDate: effectiveOn } });
    expect(notAnEmployer.status).toBe(400);

    const notice = await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/termination`, {
      kind: 'employer_change',
      effectiveOn,
      newEmployer: { organisationId: parties.otherEmployer.organisationId, startDate: effectiveOn },
    });
    expect(notice.status).toBe(201);
    const agreement = await taskOf(parties.chamber, running.id, 'termination_agreement');
    expect((await stack.complete(parties.chamber, agreement.id, { outcome: 'agreed' })).status).toBe(200);

    // The case is the new employer's now: it signs the new contract version.
    const signature = await taskOf(parties.otherEmployer, running.id, 'signature');
    await expect.poll(() => statusOf(running.id, parties.otherEmployer), poll).toBe('awaiting_signatures');
    expect((await readCase(parties.employer, running.id)).status).toBe(404);
    // Version 2 names the new employer and its start; the first employer's signature was on version 1.
    const contract = (await stack.request(parties.otherEmployer, 'GET', `/v1/cases/${running.id}/contract`)).body;
    expect(contract.versions.map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);
    const second = await pdfText(parties.otherEmployer, contract.versions.find((v: { version: number }) => v.version === 2).document);
    expect(second).toContain('Elektro Weber');
    expect(second).not.toContain('Boulangerie Schmit');
    expect((await stack.complete(parties.otherEmployer, signature.id, { outcome: 'signed', documentSha256: 'b'.repeat(64) })).status).toBe(409);
    // Every signer signs the new version: the apprentice through a new link.
    const apprentice = stack.caseRequest().apprentice.email!;
    await expect.poll(async () => (await stack.mailsTo(apprentice)).filter((m) => m.subject.includes(running.reference)).length, poll).toBeGreaterThanOrEqual(2);
    await stack.signContract(running.id, parties.otherEmployer);
    const registration = await taskOf(parties.chamber, running.id, 'registration');
    expect((await stack.complete(parties.chamber, registration.id, { outcome: 'registered' })).status).toBe(200);
    await expect.poll(() => statusOf(running.id, parties.otherEmployer), poll).toBe('in_training');

    const moved = (await readCase(parties.otherEmployer, running.id)).body;
    expect(moved.participants).toMatchObject({ employer: parties.otherEmployer.organisationId, foreign_school: parties.school.organisationId });
    expect(moved.tradeCode).toBe(stack.tradeCode);
    // The new contract runs its own course: its employer proposes changes now, the old one cannot reach the case.
    const tutor = { kind: 'tutor', effectiveOn: addDays(running.today(), 3), tutor: { name: 'Tom Weber' } };
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${running.id}/changes`, tutor)).status).toBe(404);
    expect((await stack.request(parties.otherEmployer, 'POST', `/v1/cases/${running.id}/changes`, tutor)).status).toBe(201);
    expect((await stack.request(parties.otherEmployer, 'POST', `/v1/cases/${running.id}/suspension`, { from: addDays(running.today(), 3) })).status).toBe(201);
    expect((await course(running.id, parties.otherEmployer)).entries.find((e: { kind: string }) => e.kind === 'suspension')).toMatchObject({ effectiveOn: expect.any(String), endsOn: effectiveOn });
    await expect.poll(async () => (await stack.mailsTo(parties.employer.organisationEmail)).filter((m) => m.subject.includes(running.reference) && m.subject.includes('new employer')), poll).toHaveLength(1);
  });
});
