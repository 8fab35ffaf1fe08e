import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordHistory } from '../support/record-history.js';
import { runsOf } from '../support/workflow-runs.js';
import { startTestStack, type TestStack } from '../support/stack.js';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(() => stack.stop());

describe('a request goes from the employer to the ministry’s authorisation', () => {
  it('runs the three answers in parallel, then the ministry decides with them in front of it', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    expect(submitted).toMatchObject({ status: 'in_review', tradeCode: stack.tradeCode });
    expect(submitted.tasks.map((t) => t.party).sort()).toEqual(['adem', 'chamber', 'foreign_school']);

    const [ademTask, chamberTask, schoolTask] = await Promise.all(
      [parties.adem, parties.chamber, parties.school].map((party) => stack.openTask(party, submitted.id)),
    );
    expect([ademTask!.kind, chamberTask!.kind, schoolTask!.kind]).toEqual(['opinion', 'opinion', 'enrolment']);

    const answers = await Promise.all([
      stack.complete(parties.adem, ademTask!.id, { outcome: 'favourable', reasons: 'The post suits the candidate' }),
      stack.complete(parties.chamber, chamberTask!.id, { outcome: 'favourable', reasons: 'Right to train confirmed; tutor qualified' }),
      stack.complete(parties.school, schoolTask!.id, { outcome: 'confirmed' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers[0]!.body).toMatchObject({ status: 'completed', answer: { outcome: 'favourable' } });

    const decisionTask = await stack.openTask(parties.ministry, submitted.id);
    const decisionView = await stack.request(parties.ministry, 'GET', `/v1/tasks/${decisionTask.id}`);
    expect(decisionView.body.kind).toBe('decision');
    expect(
      decisionView.body.answers.map((a: { party: string; answer: { outcome: string } }) => [a.party, a.answer.outcome]).sort(),
    ).toEqual([
      ['adem', 'favourable'],
      ['chamber', 'favourable'],
      ['foreign_school', 'confirmed'],
    ]);

    const waiting = await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`);
    expect(waiting.body).toMatchObject({ status: 'awaiting_decision', waitingOn: ['ministry'] });

    const decided = await stack.complete(parties.ministry, decisionTask.id, { outcome: 'authorised' });
    expect(decided.status).toBe(200);

    await expect
      .poll(async () => (await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body.status, { timeout: 20_000 })
      .toBe('awaiting_signatures');
    const finalCase = (await stack.request(parties.employer, 'GET', `/v1/cases/${submitted.id}`)).body;
    // The contract phase follows: the employer signs first.
    expect(finalCase.waitingOn).toEqual(['employer']);
    expect(finalCase.decidedAt).not.toBeNull();
    expect(finalCase.tasks.map((t: { party: string; status: string }) => `${t.party}:${t.status}`).sort()).toEqual([
      'adem:completed',
      'chamber:completed',
      'employer:open',
      'foreign_school:completed',
      'ministry:completed',
    ]);

    const events = await stack.db
      .selectFrom('events')
      .select(['type', 'actor_user_id', 'data'])
      .where('case_id', '=', submitted.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.type).sort()).toEqual(
      [
        'case_submitted',
        ...Array(5).fill('task_opened'),
        ...Array(4).fill('task_completed'),
        'case_authorised',
        'contract_drawn_up',
      ].sort(),
    );
    expect(events.find((e) => e.type === 'case_submitted')!.actor_user_id).toBe(parties.employer.userId);
    expect(events.filter((e) => e.type === 'task_completed').map((e) => e.actor_user_id).sort()).toEqual(
      [parties.adem, parties.chamber, parties.school, parties.ministry].map((p) => p.userId).sort(),
    );
    // The authorisation, then the contract drawn up and the employer's signature task.
    expect(events.slice(-3).map((e) => e.type)).toEqual(['case_authorised', 'contract_drawn_up', 'task_opened']);

    // The review's run, which continued into the contract phase.
    recordHistory(`case-${submitted.id}`, 'case-authorised.json', (await runsOf(`case-${submitted.id}`))[0]!.runId);
  });

  it('mails each party its new task, and the employer the decision, each in its own language and without personal identifiers', async () => {
    const { parties } = stack;
    const submitted = await stack.submit();
    await stack.authorise(submitted.id, { outcome: 'authorised', reasons: 'All opinions favourable' });

    const reference = submitted.id.slice(0, 8).toUpperCase();
    const expectations = [
      { address: parties.adem.organisationEmail, language: 'fr', subject: 'Nouvelle tâche : donner votre avis' },
      { address: parties.chamber.organisationEmail, language: 'de', subject: 'Neue Aufgabe: Ihre Stellungnahme abgeben' },
      { address: parties.school.organisationEmail, language: 'fr', subject: "Nouvelle tâche : confirmer l'inscription" },
      { address: parties.ministry.organisationEmail, language: 'fr', subject: "Nouvelle tâche : statuer sur l'autorisation" },
      { address: parties.employer.userEmail, language: 'en', subject: `Apprenticeship request ${reference} authorised` },
    ];
    for (const { address, language, subject } of expectations) {
      await expect.poll(async () => (await stack.mailsTo(address)).filter((m) => m.subject.includes(reference)).length, { timeout: 20_000 }).toBe(1);
      const [message] = (await stack.mailsTo(address)).filter((m) => m.subject.includes(reference));
      expect(message!.language).toBe(language);
      expect(message!.subject).toContain(subject);
      expect(message!.text).not.toContain('Lena Roth');
      expect(message!.text).not.toContain('2009-04-02');
      expect(message!.text).not.toContain('ADEM-778812');
    }
  });
});
