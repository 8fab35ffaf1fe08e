import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../support/record-history.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

async function readCase(id: string, party = stack.parties.employer) {
  const reply = await stack.request(party, 'GET', `/v1/cases/${id}`);
  return { etag: reply.headers.get('etag')!, body: reply.body };
}

describe('a round of changes', () => {
  it('goes back to the employer with every request, and after one amendment only the parties whose fields changed answer again', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const [adem, chamber, school] = await Promise.all([stack.openTask(parties.adem, submitted.id), stack.openTask(parties.chamber, submitted.id), stack.openTask(parties.school, submitted.id)]);

    // ADEM and the school ask for changes at the same time; the chamber answers.
    const [ademReply, schoolReply] = await Promise.all([
      stack.complete(parties.adem, adem.id, { outcome: 'changes_requested', comments: [{ field: '/apprentice/admRegistrationNumber', comment: 'This number is not registered with ADEM' }] }),
      stack.complete(parties.school, school.id, { outcome: 'changes_requested', comments: [{ field: '/foreignSchool/programme', comment: 'We teach the CAP Boulanger-pâtissier' }] }),
    ]);
    expect([ademReply.status, schoolReply.status]).toEqual([200, 200]);
    expect((await stack.complete(parties.chamber, chamber.id, { outcome: 'favourable', reasons: 'Tutor qualified' })).status).toBe(200);

    const amendmentTask = await stack.openTask(parties.employer, submitted.id);
    expect(amendmentTask.kind).toBe('amendment');
    const { etag, body: sentBack } = await readCase(submitted.id);
    expect(sentBack).toMatchObject({ status: 'changes_requested', waitingOn: ['employer'], revision: 1 });
    expect(etag).toMatch(/^"r1-/);
    expect(sentBack.changeRequests.map((t: { party: string; answer: { comments: { field: string }[] } }) => [t.party, t.answer.comments[0]!.field]).sort()).toEqual([
      ['adem', '/apprentice/admRegistrationNumber'],
      ['foreign_school', '/foreignSchool/programme'],
    ]);
    const amendmentView = (await stack.request(parties.employer, 'GET', `/v1/tasks/${amendmentTask.id}`)).body;
    expect(amendmentView.changeRequests.map((t: { party: string }) => t.party).sort()).toEqual(['adem', 'foreign_school']);
    // The amendment is not answered like the other tasks.
    expect((await stack.complete(parties.employer, amendmentTask.id, { outcome: 'favourable', reasons: 'x' })).status).toBe(409);

    const amended = stack.caseRequest({
      apprentice: { ...stack.caseRequest().apprentice, admRegistrationNumber: 'ADEM-778813' },
      foreignSchool: { organisationId: parties.school.organisationId, programme: 'CAP Boulanger-pâtissier' },
    });
    const reply = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/amendments`, amended, { 'If-Match': etag });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('etag')).toMatch(/^"r2-/);
    expect(reply.body).toMatchObject({ revision: 2, status: 'in_review', changeRequests: [] });
    expect(reply.body.lastAmendment.changes).toEqual([
      { field: '/apprentice/admRegistrationNumber', before: 'ADEM-778812', after: 'ADEM-778813' },
      { field: '/foreignSchool/programme', before: 'CAP Boulanger, 2 years', after: 'CAP Boulanger-pâtissier' },
    ]);
    // Everyone concerned sees what changed; the chamber does not see the ADEM number itself.
    const chamberView = (await readCase(submitted.id, parties.chamber)).body;
    expect(chamberView.lastAmendment.changes[0]).toEqual({ field: '/apprentice/admRegistrationNumber', before: '[withheld]', after: '[withheld]' });
    expect(chamberView.request.apprentice.admRegistrationNumber).toBe('[withheld]');

    const tasks = (await readCase(submitted.id)).body.tasks as { id: string; party: string; status: string; answer: { outcome: string } | null }[];
    // Each party's tasks in the order they opened (ids say nothing of the party or round).
    const round = (t: { party: string }, i: number) => tasks.slice(0, i + 1).filter((other) => other.party === t.party).length;
    expect(tasks.map((t, i) => `${t.party}.${round(t, i)}:${t.status}`).sort()).toEqual([
      'adem.1:completed', 'adem.2:open', 'chamber.1:completed', 'employer.1:completed', 'foreign_school.1:completed', 'foreign_school.2:open',
    ]);

    const [ademAgain, schoolAgain] = await Promise.all([stack.openTask(parties.adem, submitted.id), stack.openTask(parties.school, submitted.id)]);
    // Asked again, each sees what changed; the school does not see the ADEM number.
    const ademTaskView = (await stack.request(parties.adem, 'GET', `/v1/tasks/${ademAgain.id}`)).body;
    expect(ademTaskView.lastAmendment).toMatchObject({ revision: 2, changes: reply.body.lastAmendment.changes });
    const schoolTaskView = (await stack.request(parties.school, 'GET', `/v1/tasks/${schoolAgain.id}`)).body;
    expect(schoolTaskView.lastAmendment.changes[0].after).toBe('[withheld]');
    expect((await stack.complete(parties.adem, ademAgain.id, { outcome: 'favourable', reasons: 'Registered' })).status).toBe(200);
    expect((await stack.complete(parties.school, schoolAgain.id, { outcome: 'confirmed' })).status).toBe(200);
    const decision = await stack.openTask(parties.ministry, submitted.id);
    const decisionView = await stack.request(parties.ministry, 'GET', `/v1/tasks/${decision.id}`);
    expect(decisionView.body.answers.filter((a: { answer: { outcome: string } }) => a.answer?.outcome !== 'changes_requested').map((a: { party: string }) => a.party).sort()).toEqual(['adem', 'chamber', 'foreign_school']);
    await stack.complete(parties.ministry, decision.id, { outcome: 'authorised' });
    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');

    // The history of both rounds, in order, with who did what.
    const history = await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}/history`);
    const types = history.body.items.map((e: { type: string }) => e.type);
    expect(types[0]).toBe('case_submitted');
    expect(types.filter((t: string) => t === 'changes_requested')).toHaveLength(2);
    expect(types.indexOf('request_amended')).toBeGreaterThan(types.lastIndexOf('changes_requested'));
    // Then the contract phase draws up the contract and opens the employer's signature.
    expect(types.slice(-3)).toEqual(['case_authorised', 'contract_drawn_up', 'task_opened']);
    const amendment = history.body.items.find((e: { type: string }) => e.type === 'request_amended');
    expect(amendment).toMatchObject({ user: { id: parties.employer.userId }, organisation: { id: parties.employer.organisationId }, data: { revision: 2 } });
    expect(amendment.data.changes[0]).toEqual({ field: '/apprentice/admRegistrationNumber', before: 'ADEM-778812', after: 'ADEM-778813' });
    expect(amendment.data.reset.sort()).toEqual(['adem', 'foreign_school']);
    const chamberHistory = await stack.request(parties.chamber, 'GET', `/v1/cases/${submitted.id}/history`);
    expect(chamberHistory.body.items.find((e: { type: string }) => e.type === 'request_amended').data.changes[0].after).toBe('[withheld]');
    const at = history.body.items.map((e: { at: string }) => e.at);
    expect([...at].sort()).toEqual(at);

    // Withdrawn after authorisation: the history then covers every handler of the workflow.
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/withdraw`, {})).status).toBe(200);
    recordHistory(`case-${submitted.id}`, 'case-changes-amendment-withdrawal.json');
  });

  it('refuses an amendment of a revision the employer has not seen (412), or without If-Match (428), and changes nothing', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const adem = await stack.openTask(parties.adem, submitted.id);
    await stack.complete(parties.adem, adem.id, { outcome: 'changes_requested', comments: [{ field: '/tutor/name', comment: 'Who is the tutor?' }] });
    const { etag } = await readCase(submitted.id);
    const first = stack.caseRequest({ tutor: { name: 'Eva Schmit' } });
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/amendments`, first, { 'If-Match': etag })).status).toBe(200);

    const stale = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/amendments`, stack.caseRequest({ tutor: { name: 'Paul Schmit' } }), { 'If-Match': etag });
    expect(stale.status).toBe(412);
    expect(stale.body.detail).toContain('revision 2');
    const missing = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/amendments`, first);
    expect(missing.status).toBe(428);
    const after = (await readCase(submitted.id)).body;
    expect(after.revision).toBe(2);
    expect(after.request.tutor.name).toBe('Eva Schmit');
    expect((await stack.request(parties.adem, 'POST', `/v1/cases/${submitted.id}/amendments`, first, { 'If-Match': '"2"' })).status).toBe(403);
    const ineligible = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/amendments`, stack.caseRequest({ proposedMonthlyAllowanceCents: 100 }), { 'If-Match': '"2"' });
    expect(ineligible.status).toBe(400);
    expect(ineligible.body.errors[0].pointer).toBe('#/proposedMonthlyAllowanceCents');
  });
});

describe('withdrawing a request', () => {
  it('cancels every open task and tells every party', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    const adem = await stack.openTask(parties.adem, submitted.id);
    await stack.complete(parties.adem, adem.id, { outcome: 'favourable', reasons: 'Fine' });
    const chamber = await stack.openTask(parties.chamber, submitted.id);

    expect((await stack.request(parties.adem, 'POST', `/v1/cases/${submitted.id}/withdraw`, {})).status).toBe(403);
    const reply = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/withdraw`, { reason: 'The apprentice moved away' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ status: 'withdrawn', waitingOn: [] });
    expect(reply.body.tasks.map((t: { party: string; status: string }) => `${t.party}:${t.status}`).sort()).toEqual(['adem:completed', 'chamber:cancelled', 'foreign_school:cancelled']);
    expect((await stack.complete(parties.chamber, chamber.id, { outcome: 'favourable', reasons: 'Too late' })).status).toBe(409);
    expect((await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/withdraw`, {})).status).toBe(409);

    const reference = submitted.id.slice(0, 8).toUpperCase();
    for (const party of [parties.adem, parties.chamber, parties.school]) {
      await expect
        .poll(async () => (await stack.mailsTo(party.organisationEmail)).filter((m) => m.subject.includes(reference) && /withdrawn|retirée|zurückgezogen/.test(m.subject)).length, { timeout: 20_000 })
        .toBe(1);
    }
    const mail = (await stack.mailsTo(parties.chamber.organisationEmail)).find((m) => m.subject === `Ausbildungsantrag ${reference} zurückgezogen`);
    // The reason is free text: behind the login, not in the mail.
    expect(mail!.text).not.toContain('The apprentice moved away');
    expect(mail!.text).toContain(`${stack.config.publicBaseUrl}/cases/${submitted.id}`);
  });

  it('is still possible once authorised, until the contract is signed', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    await stack.authorise(submitted.id);
    await expect.poll(async () => (await readCase(submitted.id)).body.status, { timeout: 20_000 }).toBe('awaiting_signatures');
    const reply = await stack.request(parties.employer, 'POST', `/v1/cases/${submitted.id}/withdraw`, {});
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('withdrawn');
  });
});
