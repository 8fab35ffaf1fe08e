import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDevIssuer } from '../../infra/dev-issuer.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

let stack: TestStack;
/** ADEM: marie (supervisor), luc and nina; the chamber: jos (supervisor) and anna. */
let marie: Party;
let luc: Party;
let nina: Party;
let jos: Party;
let anna: Party;

beforeAll(async () => {
  stack = await startTestStack();
  const issuer = await loadDevIssuer({ dataDir: stack.config.dataDir, issuer: stack.config.AUTH_ISSUER, audience: stack.config.AUTH_AUDIENCE });
  const colleague = async (of: Party, userId: string): Promise<Party> => ({ ...of, userId, token: await issuer.issueToken(userId) });
  marie = stack.parties.adem;
  jos = stack.parties.chamber;
  luc = await colleague(marie, 'luc.adem');
  nina = await colleague(marie, 'nina.adem');
  anna = await colleague(jos, 'anna.cdm');
});
afterAll(() => stack.stop());

/** A new case and its open ADEM and chamber tasks. */
async function newCase() {
  const { id } = await stack.submit();
  const adem = await stack.openTask(stack.parties.adem, id);
  const chamber = await stack.openTask(stack.parties.chamber, id);
  return { caseId: id, ademTask: adem.id, chamberTask: chamber.id };
}

const claim = (party: Party, taskId: string) => stack.request(party, 'POST', `/v1/tasks/${encodeURIComponent(taskId)}/claim`);
const unclaim = (party: Party, taskId: string) => stack.request(party, 'POST', `/v1/tasks/${encodeURIComponent(taskId)}/unclaim`);
const assign = (party: Party, taskId: string, body: unknown) => stack.request(party, 'POST', `/v1/tasks/${encodeURIComponent(taskId)}/assign`, body);

async function inboxIds(party: Party, query: string): Promise<string[]> {
  const reply = await stack.request(party, 'GET', `/v1/tasks?${query}`);
  expect(reply.status).toBe(200);
  return reply.body.items.map((t: { id: string }) => t.id);
}

async function storedAssignee(taskId: string): Promise<string | null> {
  const row = await stack.db.selectFrom('tasks').select('assignee_user_id').where('id', '=', taskId).executeTakeFirstOrThrow();
  return row.assignee_user_id;
}

/** The claim, unclaim and assign events of a task in its case's log, oldest first. */
async function assignmentEvents(taskId: string) {
  const rows = await stack.db
    .selectFrom('events')
    .select(['key', 'type', 'actor_user_id', 'actor_organisation_id', 'data'])
    .where('type', 'in', ['task_claimed', 'task_unclaimed', 'task_assigned'])
    .orderBy('id')
    .execute();
  return rows.filter((row) => (row.data as { taskId?: string }).taskId === taskId);
}

describe('claiming a task', () => {
  it('gives the task to the caller, once, and logs who took it', async () => {
    const { ademTask } = await newCase();
    const reply = await claim(luc, ademTask);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: ademTask, status: 'open', assignee: { id: 'luc.adem', name: 'Luc Wagner' } });
    expect(await storedAssignee(ademTask)).toBe('luc.adem');

    // Claiming what you already hold is fine and logs nothing more.
    const again = await claim(luc, ademTask);
    expect(again.status).toBe(200);
    expect(again.body.assignee).toEqual({ id: 'luc.adem', name: 'Luc Wagner' });

    const events = await assignmentEvents(ademTask);
    expect(events).toEqual([
      {
        key: expect.stringMatching(new RegExp(`^${ademTask.replaceAll('.', '\\.')}\\.claimed\\.`)),
        type: 'task_claimed',
        actor_user_id: 'luc.adem',
        actor_organisation_id: 'adem',
        data: { taskId: ademTask, assigneeUserId: 'luc.adem' },
      },
    ]);
  });

  it('answers 409 to a colleague while the task is claimed, and leaves it with its assignee', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    const reply = await claim(nina, ademTask);
    expect(reply.status).toBe(409);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(reply.body).toMatchObject({ status: 409, title: 'Task already claimed' });
    // Not even a supervisor takes it by claiming: that is what assigning is for.
    expect((await claim(marie, ademTask)).status).toBe(409);
    expect(await storedAssignee(ademTask)).toBe('luc.adem');
    expect((await assignmentEvents(ademTask)).map((e) => e.actor_user_id)).toEqual(['luc.adem']);
  });

  it('lets exactly one of several concurrent claims win', async () => {
    const tasks = [(await newCase()).ademTask, (await newCase()).ademTask, (await newCase()).ademTask];
    const claimants = [marie, luc, nina];
    await Promise.all(
      tasks.map(async (taskId) => {
        const replies = await Promise.all(claimants.map((party) => claim(party, taskId)));
        const statuses = replies.map((r) => r.status).sort();
        expect(statuses).toEqual([200, 409, 409]);
        const winner = claimants[replies.findIndex((r) => r.status === 200)]!;
        expect(await storedAssignee(taskId)).toBe(winner.userId);
        const events = await assignmentEvents(taskId);
        expect(events.map((e) => [e.type, e.actor_user_id])).toEqual([['task_claimed', winner.userId]]);
      }),
    );
  });
});

describe('a claim holds the task', () => {
  it('lets only the holder complete a claimed task; a colleague, even a supervisor, gets 409 naming the holder', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    const answer = { outcome: 'favourable', reasons: 'Fine' };
    for (const other of [nina, marie]) {
      const reply = await stack.complete(other, ademTask, answer);
      expect(reply.status).toBe(409);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ status: 409, title: 'Task claimed by someone else' });
      expect(reply.body.detail).toContain('Luc Wagner');
    }
    const stored = await stack.db.selectFrom('tasks').select(['status', 'completed_by']).where('id', '=', ademTask).executeTakeFirstOrThrow();
    expect(stored).toEqual({ status: 'open', completed_by: null });

    // Reassigned by a supervisor, the task is the new holder's to complete.
    expect((await assign(marie, ademTask, { userId: 'nina.adem' })).status).toBe(200);
    expect((await stack.complete(luc, ademTask, answer)).status).toBe(409);
    const completed = await stack.complete(nina, ademTask, answer);
    expect(completed.status).toBe(200);
    expect(completed.body.completedBy).toBe('nina.adem');
  });

  it('lets anyone of the organisation complete it again once it is unclaimed', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    expect((await unclaim(luc, ademTask)).status).toBe(200);
    expect((await stack.complete(nina, ademTask, { outcome: 'favourable', reasons: 'Fine' })).status).toBe(200);
  });
});

describe('unclaiming a task', () => {
  it('lets the assignee put it back in the queue', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    expect(await inboxIds(marie, 'scope=unassigned')).not.toContain(ademTask);

    const reply = await unclaim(luc, ademTask);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: ademTask, status: 'open', assignee: null });
    expect(await storedAssignee(ademTask)).toBeNull();
    expect(await inboxIds(marie, 'scope=unassigned')).toContain(ademTask);

    const events = await assignmentEvents(ademTask);
    expect(events.map((e) => [e.type, e.actor_user_id, e.actor_organisation_id, e.data])).toEqual([
      ['task_claimed', 'luc.adem', 'adem', { taskId: ademTask, assigneeUserId: 'luc.adem' }],
      ['task_unclaimed', 'luc.adem', 'adem', { taskId: ademTask, assigneeUserId: 'luc.adem' }],
    ]);
    // Back in the queue, anyone may take it.
    expect((await claim(nina, ademTask)).status).toBe(200);
  });

  it('lets a supervisor take it from the assignee', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    const reply = await unclaim(marie, ademTask);
    expect(reply.status).toBe(200);
    expect(reply.body.assignee).toBeNull();
    expect(await storedAssignee(ademTask)).toBeNull();
    const events = await assignmentEvents(ademTask);
    expect(events.at(-1)).toMatchObject({
      type: 'task_unclaimed',
      actor_user_id: 'marie.adem',
      actor_organisation_id: 'adem',
      data: { taskId: ademTask, assigneeUserId: 'luc.adem' },
    });
  });

  it('refuses another colleague who is not a supervisor with 403', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    const reply = await unclaim(nina, ademTask);
    expect(reply.status).toBe(403);
    expect(reply.headers.get('content-type')).toContain('application/problem+json');
    expect(await storedAssignee(ademTask)).toBe('luc.adem');
    expect((await assignmentEvents(ademTask)).map((e) => e.type)).toEqual(['task_claimed']);
  });

  it('answers 200 and logs nothing for a task already in the queue', async () => {
    const { ademTask } = await newCase();
    const reply = await unclaim(nina, ademTask);
    expect(reply.status).toBe(200);
    expect(reply.body.assignee).toBeNull();
    expect(await assignmentEvents(ademTask)).toEqual([]);
  });
});

describe('assigning a task', () => {
  it('lets a supervisor give a claimed task to a colleague, whose inbox then shows it', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    expect(await inboxIds(luc, 'scope=mine')).toContain(ademTask);
    expect(await inboxIds(nina, 'scope=mine')).not.toContain(ademTask);

    const reply = await assign(marie, ademTask, { userId: 'nina.adem' });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: ademTask, status: 'open', assignee: { id: 'nina.adem', name: 'Nina Schroeder' } });
    expect(await storedAssignee(ademTask)).toBe('nina.adem');
    expect(await inboxIds(nina, 'scope=mine')).toContain(ademTask);
    expect(await inboxIds(luc, 'scope=mine')).not.toContain(ademTask);

    const events = await assignmentEvents(ademTask);
    expect(events.at(-1)).toMatchObject({
      type: 'task_assigned',
      actor_user_id: 'marie.adem',
      actor_organisation_id: 'adem',
      data: { taskId: ademTask, assigneeUserId: 'nina.adem' },
    });
    expect(events).toHaveLength(2);
    // Every event has a key of its own.
    expect(new Set(events.map((e) => e.key)).size).toBe(2);
  });

  it('refuses a user who is not a supervisor with 403', async () => {
    const { ademTask } = await newCase();
    const reply = await assign(luc, ademTask, { userId: 'luc.adem' });
    expect(reply.status).toBe(403);
    expect(await storedAssignee(ademTask)).toBeNull();
    expect(await assignmentEvents(ademTask)).toEqual([]);
  });

  it('answers 400 at #/userId for a user of another organisation or no user at all', async () => {
    const { ademTask } = await newCase();
    for (const userId of ['anna.cdm', 'jos.cdm', 'nobody.adem']) {
      const reply = await assign(marie, ademTask, { userId });
      expect(reply.status).toBe(400);
      expect(reply.body.errors).toEqual([expect.objectContaining({ pointer: '#/userId' })]);
    }
    const missing = await assign(marie, ademTask, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/userId']);
    const extra = await assign(marie, ademTask, { userId: 'luc.adem', note: 'please' });
    expect(extra.status).toBe(400);
    expect(extra.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/note']);
    expect(await storedAssignee(ademTask)).toBeNull();
    expect(await assignmentEvents(ademTask)).toEqual([]);
  });
});

describe('who may touch which task', () => {
  it("answers 403 for another organisation's task, whoever asks", async () => {
    const { ademTask } = await newCase();
    for (const reply of [
      await claim(anna, ademTask),
      await claim(jos, ademTask),
      await unclaim(jos, ademTask),
      await assign(jos, ademTask, { userId: 'anna.cdm' }),
      await assign(jos, ademTask, { userId: 'luc.adem' }),
    ]) {
      expect(reply.status).toBe(403);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await storedAssignee(ademTask)).toBeNull();
    expect(await assignmentEvents(ademTask)).toEqual([]);
  });

  it('answers 404 for an unknown task', async () => {
    const { caseId } = await newCase();
    for (const reply of [
      await claim(luc, `${caseId}.adem.9`),
      await unclaim(marie, `${caseId}.adem.9`),
      await assign(marie, 'nothing-here', { userId: 'luc.adem' }),
    ]) {
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ status: 404 });
    }
  });

  it('answers 409 for a task no longer open, and keeps its assignee', async () => {
    const { ademTask } = await newCase();
    expect((await claim(luc, ademTask)).status).toBe(200);
    const completed = await stack.complete(luc, ademTask, { outcome: 'favourable', reasons: 'ok' });
    expect(completed.status).toBe(200);
    expect((await stack.db.selectFrom('tasks').select('status').where('id', '=', ademTask).executeTakeFirstOrThrow()).status).toBe('completed');

    for (const reply of [await claim(nina, ademTask), await claim(luc, ademTask), await unclaim(luc, ademTask), await unclaim(marie, ademTask), await assign(marie, ademTask, { userId: 'nina.adem' })]) {
      expect(reply.status).toBe(409);
      expect(reply.body).toMatchObject({ status: 409, title: 'Task not open' });
    }
    expect(await storedAssignee(ademTask)).toBe('luc.adem');
    expect((await assignmentEvents(ademTask)).map((e) => e.type)).toEqual(['task_claimed']);

    // The inbox shows it only among the completed ones.
    expect(await inboxIds(marie, 'limit=200')).not.toContain(ademTask);
    expect(await inboxIds(marie, 'status=completed&limit=200')).toContain(ademTask);
    expect(await inboxIds(marie, 'status=all&limit=200')).toContain(ademTask);
  });
});

describe('the inbox', () => {
  it('filters by scope: mine, unassigned, the whole organisation (the default)', async () => {
    const first = await newCase();
    const second = await newCase();
    expect((await claim(luc, first.ademTask)).status).toBe(200);

    const mine = await stack.request(luc, 'GET', '/v1/tasks?scope=mine&limit=200');
    expect(mine.body.items.map((t: { id: string }) => t.id)).toContain(first.ademTask);
    expect(mine.body.items.every((t: { assignee: { id: string } | null }) => t.assignee?.id === 'luc.adem')).toBe(true);
    expect(await inboxIds(luc, 'scope=mine&limit=200')).not.toContain(second.ademTask);

    const unassigned = await stack.request(luc, 'GET', '/v1/tasks?scope=unassigned&limit=200');
    const unassignedIds = unassigned.body.items.map((t: { id: string }) => t.id);
    expect(unassignedIds).toContain(second.ademTask);
    expect(unassignedIds).not.toContain(first.ademTask);
    expect(unassigned.body.items.every((t: { assignee: unknown }) => t.assignee === null)).toBe(true);

    for (const query of ['scope=organisation&limit=200', 'limit=200']) {
      const ids = await inboxIds(nina, query);
      expect(ids).toEqual(expect.arrayContaining([first.ademTask, second.ademTask]));
    }
    // Only the caller's organisation's tasks, whatever the scope.
    expect(await inboxIds(anna, 'scope=organisation&limit=200')).not.toContain(first.ademTask);
    expect(await inboxIds(anna, 'scope=organisation&limit=200')).toContain(first.chamberTask);

    const wrong = await stack.request(luc, 'GET', '/v1/tasks?scope=everyone');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/scope']);
  });

  it('filters by kind', async () => {
    const { ademTask } = await newCase();
    const opinions = await stack.request(marie, 'GET', '/v1/tasks?kind=opinion&limit=200');
    expect(opinions.body.items.map((t: { id: string }) => t.id)).toContain(ademTask);
    expect(opinions.body.items.every((t: { kind: string }) => t.kind === 'opinion')).toBe(true);
    expect(await inboxIds(marie, 'kind=decision&limit=200')).toEqual([]);
    expect(await inboxIds(marie, 'kind=enrolment&limit=200')).toEqual([]);
    const wrong = await stack.request(marie, 'GET', '/v1/tasks?kind=gossip');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/kind']);
  });

  it('filters by due date, that day included', async () => {
    const { ademTask } = await newCase();
    const task = (await stack.request(marie, 'GET', `/v1/tasks/${ademTask}`)).body;
    expect(task.dueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const dayBefore = new Date(`${task.dueOn}T00:00:00Z`);
    dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
    const before = dayBefore.toISOString().slice(0, 10);

    const due = await stack.request(marie, 'GET', `/v1/tasks?dueBefore=${task.dueOn}&limit=200`);
    expect(due.body.items.map((t: { id: string }) => t.id)).toContain(ademTask);
    expect(due.body.items.every((t: { dueOn: string | null }) => t.dueOn !== null && t.dueOn <= task.dueOn)).toBe(true);

    const earlier = await stack.request(marie, 'GET', `/v1/tasks?dueBefore=${before}&limit=200`);
    expect(earlier.body.items.map((t: { id: string }) => t.id)).not.toContain(ademTask);
    expect(earlier.body.items.every((t: { dueOn: string | null }) => t.dueOn !== null && t.dueOn <= before)).toBe(true);

    for (const wrong of ['2026-02-30', 'tomorrow', '2026-1-5']) {
      const reply = await stack.request(marie, 'GET', `/v1/tasks?dueBefore=${wrong}`);
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/dueBefore']);
    }
  });

  it('pages with an opaque cursor: every task once, in order, until nextCursor is null', async () => {
    for (let i = 0; i < 3; i++) await newCase();
    const all = await stack.request(marie, 'GET', '/v1/tasks?status=all&limit=200');
    expect(all.body.nextCursor).toBeNull();
    const expected = all.body.items.map((t: { id: string }) => t.id);
    expect(expected.length).toBeGreaterThanOrEqual(3);

    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `status=all&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await stack.request(marie, 'GET', `/v1/tasks?${query}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      if (page.body.nextCursor !== null) expect(page.body.items).toHaveLength(2);
      paged.push(...page.body.items.map((t: { id: string }) => t.id));
      cursor = page.body.nextCursor;
      pages++;
      expect(pages).toBeLessThanOrEqual(expected.length);
    } while (cursor !== null);
    expect(paged).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 2));

    // The oldest first, the id breaking ties between tasks opened at the same instant.
    const createdAt = all.body.items.map((t: { createdAt: string }) => t.createdAt);
    expect([...createdAt].sort()).toEqual(createdAt);
  });

  it('keeps tasks apart that were opened within the same millisecond', async () => {
    // Postgres keeps microseconds: a cursor cut to milliseconds would show these again on the next page.
    const tasks = [(await newCase()).ademTask, (await newCase()).ademTask, (await newCase()).ademTask];
    for (const [i, taskId] of tasks.entries()) {
      await sql`update tasks set created_at = ${`2000-01-01T00:00:00.000${i + 1}00Z`}::timestamptz where id = ${taskId}`.execute(stack.db);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 3; page++) {
      const reply: { body: { items: { id: string }[]; nextCursor: string | null } } = await stack.request(
        marie,
        'GET',
        `/v1/tasks?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      seen.push(...reply.body.items.map((t) => t.id));
      cursor = reply.body.nextCursor;
    }
    expect(seen).toEqual(tasks);
  });

  it('pages the filtered inbox too', async () => {
    for (let i = 0; i < 3; i++) await newCase();
    const expected = await inboxIds(marie, 'scope=unassigned&limit=200');
    expect(expected.length).toBeGreaterThanOrEqual(3);
    const first = await stack.request(marie, 'GET', '/v1/tasks?scope=unassigned&limit=2');
    expect(first.body.items.map((t: { id: string }) => t.id)).toEqual(expected.slice(0, 2));
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await stack.request(marie, 'GET', `/v1/tasks?scope=unassigned&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((t: { id: string }) => t.id)).toEqual(expected.slice(2, 4));
  });

  it('answers 400 at #/cursor for a malformed cursor and at #/limit for a limit out of range', async () => {
    const junkJson = Buffer.from(JSON.stringify({ t: 'yesterday', i: 'x' })).toString('base64url');
    const notJson = Buffer.from('not json').toString('base64url');
    for (const cursor of ['garbage!', notJson, junkJson, '']) {
      const reply = await stack.request(marie, 'GET', `/v1/tasks?cursor=${encodeURIComponent(cursor)}`);
      expect(reply.status).toBe(400);
      expect(reply.headers.get('content-type')).toContain('application/problem+json');
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/cursor']);
    }
    for (const limit of ['0', '201', 'ten']) {
      const reply = await stack.request(marie, 'GET', `/v1/tasks?limit=${limit}`);
      expect(reply.status).toBe(400);
      expect(reply.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['#/limit']);
    }
  });
});
