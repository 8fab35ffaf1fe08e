import { recognitionTimes, type RecognitionTimesFilter, type Spread } from '../db/recognition-times.js';
import type { Caller } from '../domain/caller.js';
import { mayDecideRecognitions } from './access.js';
import { forbidden, invalid, ok, type Outcome } from './outcome.js';
import type { Services } from './services.js';

/** Durations in days, to the hundredth (about a quarter of an hour). */
const days = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 864) / 100);
const inDays = (spread: Spread): Spread => ({ median: days(spread.median), p90: days(spread.p90) });

export interface ProcessingTimes {
  unit: 'days';
  items: {
    month: string;
    country: string;
    decided: number;
    waitedOnApplicant: number;
    processing: Spread;
    applicantWaiting: Spread;
    steps: { examination: Spread & { count: number }; approval: Spread & { count: number } };
  }[];
}

/**
 * The law sets no time limit for recognition, so the ministry measures its own: per month of
 * decision and issuing country, how long it took, the applicant's waiting apart. Only its
 * recognition staff see them (the figures are the ministry's own management information).
 */
export async function viewProcessingTimes({ db, config }: Services, caller: Caller, filter: RecognitionTimesFilter): Promise<Outcome<ProcessingTimes>> {
  if (!mayDecideRecognitions(caller, config)) return forbidden("Only the ministry's recognition officers see processing times");
  if (filter.fromMonth && filter.toMonth && filter.fromMonth > filter.toMonth) {
    return invalid([{ path: ['to'], detail: `The last month comes before the first (${filter.fromMonth})` }]);
  }
  const rows = await recognitionTimes(db, filter);
  return ok({
    unit: 'days',
    items: rows.map(({ processing, applicantWaiting, examination, approval, ...row }) => ({
      ...row,
      processing: inDays(processing),
      applicantWaiting: inDays(applicantWaiting),
      steps: { examination: { count: examination.count, ...inDays(examination) }, approval: { count: approval.count, ...inDays(approval) } },
    })),
  });
}
