import { Router, type Request } from 'express';
import { z } from 'zod';
import { calendarDate } from '../../domain/calendar-date.js';
import { proposeChange, withdrawChange } from '../../application/contract-changes.js';
import { viewContractCourse } from '../../application/contract-course.js';
import { resumeTraining, suspendTraining } from '../../application/suspend-training.js';
import { terminateContract } from '../../application/terminate-contract.js';
import { daysInWeek } from '../../domain/case-request.js';
import type { ProposedChange } from '../../domain/contract-changes.js';
import { multiLineText, singleLineText } from '../../domain/text.js';
import { callerOf } from '../authentication.js';
import type { ApiDependencies } from '../dependencies.js';
import { valueOr } from '../outcomes.js';
import { parseOr400 } from '../problem.js';

const date = calendarDate();
const effectiveOn = date.describe('From when it holds: today in the contract or later, and within the contract');
const days = z.number().int().min(0).max(daysInWeek);

/** A change of circumstances: what changes and from when. Whether the dates fit the contract is the workflow's to say. */
export const changeProposalBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tutor'), effectiveOn, tutor: z.object({ name: singleLineText(200) }).strict() }).strict(),
  z
    .object({
      kind: z.literal('weekly_rhythm'),
      effectiveOn,
      weeklyRhythm: z
        .object({ schoolDays: days, companyDays: days })
        .strict()
        .refine((r) => r.schoolDays + r.companyDays >= 1 && r.schoolDays + r.companyDays <= daysInWeek, `school and company days together: 1 to ${daysInWeek}`),
    })
    .strict(),
  z.object({ kind: z.literal('end_date'), effectiveOn, endDate: date.describe("The contract's new last day") }).strict(),
  z.object({ kind: z.literal('allowance'), effectiveOn, monthlyAllowanceCents: z.number().int().min(1).max(100_000_000) }).strict(),
]);

export const suspensionBody = z.object({ from: date.describe('The first day without training') }).strict();
export const resumptionBody = z.object({ on: date.describe('The day training resumes, after the first day of the suspension') }).strict();

const reasons = multiLineText(5_000).optional();
const firstDayWithout = date.describe('The first day the contract no longer runs');
/** How the contract ends: each kind with what it needs; serious cause with its reasons. */
export const terminationBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('trial_period'), effectiveOn: firstDayWithout, reasons }).strict().describe('Given while the trial period runs'),
  z.object({ kind: z.literal('notice'), effectiveOn: firstDayWithout.describe('At least 15 days after the notice'), reasons }).strict(),
  z.object({ kind: z.literal('mutual_agreement'), effectiveOn: firstDayWithout, reasons }).strict(),
  z.object({ kind: z.literal('serious_cause'), effectiveOn: firstDayWithout, reasons: multiLineText(5_000, 'reasons are required for a termination for serious cause') }).strict(),
  z
    .object({
      kind: z.literal('employer_change'),
      effectiveOn: firstDayWithout,
      newEmployer: z.object({ organisationId: singleLineText(100), startDate: date.describe('On or after the day the old contract stops') }).strict(),
      reasons,
    })
    .strict(),
]);

/** The course of a running contract, under /v1/cases/:id. */
export function contractCourseRoutes(dependencies: ApiDependencies): Router {
  const router = Router({ mergeParams: true });
  const caseId = (request: Request) => (request.params as { id: string }).id;

  router.get('/course', async (request, response) => {
    response.json(valueOr(await viewContractCourse(dependencies, callerOf(response), caseId(request))));
  });

  router.post('/changes', async (request, response) => {
    const { kind, effectiveOn: from, ...values } = parseOr400(changeProposalBody, request.body);
    const entry = valueOr(await proposeChange(dependencies, callerOf(response), { caseId: caseId(request), effectiveOn: from, change: { kind, ...values } as ProposedChange }));
    response.status(201).location(`/v1/cases/${caseId(request)}/course`).json(entry);
  });

  router.post('/changes/:changeId/withdraw', async (request, response) => {
    response.json(valueOr(await withdrawChange(dependencies, callerOf(response), { caseId: caseId(request), changeId: (request.params as { changeId: string }).changeId })));
  });

  router.post('/suspension', async (request, response) => {
    const { from } = parseOr400(suspensionBody, request.body);
    response.status(201).json(valueOr(await suspendTraining(dependencies, callerOf(response), { caseId: caseId(request), from })));
  });

  router.post('/resumption', async (request, response) => {
    const { on } = parseOr400(resumptionBody, request.body);
    response.json(valueOr(await resumeTraining(dependencies, callerOf(response), { caseId: caseId(request), on })));
  });

  router.post('/termination', async (request, response) => {
    const notice = parseOr400(terminationBody, request.body);
    response.status(201).json(valueOr(await terminateContract(dependencies, callerOf(response), { caseId: caseId(request), ...notice })));
  });

  return router;
}
