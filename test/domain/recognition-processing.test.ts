import { expect, it } from 'vitest';
import { processingOf, type StepStretch } from '../../domain/recognition.js';

const at = (instant: string) => new Date(instant);

it("counts a request's own time per step: the applicant's waiting apart from the ministry's, an open step until now", () => {
  const stretches: StepStretch[] = [
    { step: 'applicant', startedAt: at('2027-03-01T08:00:00Z'), endedAt: at('2027-03-04T08:00:00Z') },
    { step: 'examination', startedAt: at('2027-03-04T08:00:00Z'), endedAt: at('2027-03-09T20:00:00Z') },
    // Documents asked for again: the ministry's clock stops for two days.
    { step: 'applicant', startedAt: at('2027-03-09T20:00:00Z'), endedAt: at('2027-03-11T20:00:00Z') },
    { step: 'examination', startedAt: at('2027-03-11T20:00:00Z'), endedAt: at('2027-03-12T08:00:00Z') },
    { step: 'approval', startedAt: at('2027-03-12T08:00:00Z'), endedAt: null },
  ];
  expect(processingOf(stretches, at('2027-03-13T14:00:00Z'))).toEqual({ ministryDays: 7.25, applicantDays: 5 });
  expect(processingOf([], at('2027-03-13T14:00:00Z'))).toEqual({ ministryDays: 0, applicantDays: 0 });
});
