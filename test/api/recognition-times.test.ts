import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecognitionStep } from '../../domain/recognition.js';
import { startTestStack, type Party, type TestStack } from '../support/stack.js';

let stack: TestStack;
let officer: Party;
beforeAll(async () => {
  stack = await startTestStack();
  officer = await stack.colleague(stack.parties.ministry, 'claude.reding');
});
afterAll(() => stack.stop());

const day = 86_400_000;

/**
 * A recognition as its workflow would have recorded it: its steps one after the other from
 * `requestedAt`, each lasting so many days, decided when the last ends (unless `open`).
 */
async function recognition(country: string, requestedAt: string, steps: [RecognitionStep, number][], options: { open?: boolean; lastStepUnclosed?: boolean } = {}): Promise<void> {
  const id = randomUUID();
  let at = Date.parse(requestedAt);
  const stretches = steps.map(([step, days], sequence) => {
    const started = new Date(at);
    at += days * day;
    return { recognition_id: id, sequence, step, started_at: started, ended_at: new Date(at) as Date | null };
  });
  const last = stretches.at(-1)!;
  const decidedAt = options.open ? null : new Date(at);
  // A decided one's last step ends with the decision, whether its row says so or not.
  if (options.open || options.lastStepUnclosed) last.ended_at = null;
  await stack.db
    .insertInto('recognitions')
    .values({
      id,
      workflow_id: `recognition-${id}`,
      applicant_user_id: 'sofia.lambert',
      applicant_organisation_id: 'applicant-sofia-lambert',
      request: JSON.stringify({}),
      diploma_country: country,
      diploma_key: `${country}|cap|boulanger`,
      status: options.open ? (last.step === 'applicant' ? 'awaiting_applicant' : 'in_examination') : 'recognised',
      required_documents: JSON.stringify([]),
      fee_cents: 7_500,
      requested_at: requestedAt,
      updated_at: decidedAt ?? new Date(at),
      decided_at: decidedAt,
    })
    .execute();
  await stack.db.insertInto('recognition_steps').values(stretches).execute();
}

beforeAll(async () => {
  // Five French diplomas decided in March 2027. Ministry's time (less the applicant's): 12, 9, 24, 8, 17 days.
  await recognition('FR', '2027-03-01T09:00:00Z', [['examination', 10], ['approval', 2]]);
  await recognition('FR', '2027-02-20T09:00:00Z', [['examination', 5], ['applicant', 7], ['examination', 3], ['approval', 1]]);
  await recognition('FR', '2027-02-25T09:00:00Z', [['examination', 20], ['approval', 4]]);
  await recognition('FR', '2027-03-10T09:00:00Z', [['examination', 6], ['approval', 2]], { lastStepUnclosed: true });
  await recognition('FR', '2027-02-15T09:00:00Z', [['applicant', 10], ['examination', 14], ['approval', 3]]);
  // Still open: counted nowhere.
  await recognition('FR', '2027-03-02T09:00:00Z', [['examination', 1], ['applicant', 40]], { open: true });
  await recognition('FR', '2027-03-03T09:00:00Z', [['examination', 100]], { open: true });
  // Two German ones decided in April 2027 in Luxembourg: the first at 00:30 on 1 April (CEST),
  // still 31 March in UTC.
  await recognition('DE', '2027-03-26T22:30:00Z', [['examination', 4], ['approval', 1]]);
  await recognition('DE', '2027-04-02T10:00:00Z', [['examination', 10], ['applicant', 5], ['examination', 2], ['approval', 1]]);
});

const march = {
  month: '2027-03',
  country: 'FR',
  decided: 5,
  waitedOnApplicant: 2,
  processing: { median: 12, p90: 21.2 },
  applicantWaiting: { median: 0, p90: 8.8 },
  steps: { examination: { count: 5, median: 10, p90: 17.6 }, approval: { count: 5, median: 2, p90: 3.6 } },
};
const april = {
  month: '2027-04',
  country: 'DE',
  decided: 2,
  waitedOnApplicant: 1,
  processing: { median: 9, p90: 12.2 },
  applicantWaiting: { median: 2.5, p90: 4.5 },
  steps: { examination: { count: 2, median: 8, p90: 11.2 }, approval: { count: 2, median: 1, p90: 1 } },
};

describe('recognition processing times', () => {
  it("gives recognition officers the medians and 90th percentiles by month and country, the applicant's waiting apart", async () => {
    const reply = await stack.request(officer, 'GET', '/v1/recognitions/processing-times');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ unit: 'days', items: [march, april] });
  });

  it('counts a month on the Luxembourg calendar and filters by months and country', async () => {
    const times = async (query: string) => (await stack.request(officer, 'GET', `/v1/recognitions/processing-times?${query}`)).body.items;
    expect(await times('to=2027-03')).toEqual([march]);
    expect(await times('from=2027-04&to=2027-04')).toEqual([april]);
    expect(await times('country=DE')).toEqual([april]);
    expect(await times('from=2027-03&to=2027-04&country=FR')).toEqual([march]);
    expect(await times('from=2027-05')).toEqual([]);
  });

  it("is the recognition officers' only", async () => {
    const { parties } = stack;
    const path = '/v1/recognitions/processing-times';
    expect((await stack.request(parties.ministry, 'GET', path)).status).toBe(403);
    expect((await stack.request(parties.employer, 'GET', path)).status).toBe(403);
    expect((await stack.request(await stack.colleague(parties.employer, 'sofia.lambert'), 'GET', path)).status).toBe(403);
    expect((await stack.request(undefined, 'GET', path)).status).toBe(401);
  });

  it('names each wrong field', async () => {
    const problem = async (query: string) => {
      const reply = await stack.request(officer, 'GET', `/v1/recognitions/processing-times?${query}`);
      expect(reply.status).toBe(400);
      return reply.body.errors.map((e: { pointer: string }) => e.pointer).sort();
    };
    expect(await problem('from=2027-13')).toEqual(['#/from']);
    expect(await problem('from=2027-3&to=March&country=fr')).toEqual(['#/country', '#/from', '#/to']);
    expect(await problem('from=2027-05&to=2027-04')).toEqual(['#/to']);
  });
});
