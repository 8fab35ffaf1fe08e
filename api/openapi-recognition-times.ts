import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { commonProblems, jsonResponse, problemResponse } from './openapi-parts.js';
import { processingTimesQuery } from './routes/recognition-times.js';

const spread = z.object({
  median: z.number().nullable().describe('Median, in days'),
  p90: z.number().nullable().describe('90th percentile (continuous), in days'),
});
const step = spread.extend({ count: z.number().int().describe('How many of the decided recognitions went through this step') });

const processingTimesSchema = z.object({
  unit: z.literal('days'),
  items: z.array(
    z.object({
      month: z.string().describe('Month of decision, YYYY-MM, on the Luxembourg calendar'),
      country: z.string().describe("The diploma's issuing country"),
      decided: z.number().int(),
      waitedOnApplicant: z.number().int().describe('How many waited on the applicant (documents asked for) at least once'),
      processing: spread.describe("The ministry's time: from the request to the decision, less the applicant's waiting"),
      applicantWaiting: spread.describe('Time waiting on the applicant for documents, apart (0 for one that never waited)'),
      steps: z.object({ examination: step, approval: step }),
    }),
  ),
});

/** The ministry's own measure of how long recognitions take (the law sets no limit). */
export function registerRecognitionTimesPaths(registry: OpenAPIRegistry): void {
  registry.registerPath({
    method: 'get',
    path: '/v1/recognitions/processing-times',
    summary: 'Processing times of decided recognitions, by month of decision and issuing country (recognition officers only)',
    description:
      "Counts, medians and 90th percentiles in days. A recognition's time in a step is the sum of its stretches in it; the ministry's processing time stops while the request waits on the applicant, whose waiting is shown apart. Undecided recognitions are not counted.",
    request: { query: processingTimesQuery },
    responses: {
      200: jsonResponse('One item per month and country, oldest month first', processingTimesSchema),
      ...commonProblems,
      403: problemResponse("Not one of the ministry's recognition officers"),
    },
  });
}
