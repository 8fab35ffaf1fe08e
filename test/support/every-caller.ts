import { recognitionCallers } from './known-objects.js';
import type { Party, TestStack } from './stack.js';

/**
 * A user of every kind of organisation that has users, and of a second organisation of the
 * same kind where there is one (ADEM and the ministry are one each; foreign authorities have
 * no users). The case of test/support/known-objects.ts is the first employer's, reviewed by
 * the first chamber and school; the recognition is the first applicant's.
 */
export const callerNames = ['employer', 'otherEmployer', 'adem', 'chamber', 'otherChamber', 'school', 'otherSchool', 'ministry', 'officer', 'applicant', 'otherApplicant'] as const;
export type CallerName = (typeof callerNames)[number];

export async function everyCaller(stack: TestStack): Promise<Record<CallerName, Party>> {
  const { parties } = stack;
  const { applicant, otherApplicant, officer } = await recognitionCallers(stack);
  return {
    employer: parties.employer,
    otherEmployer: parties.otherEmployer,
    adem: parties.adem,
    chamber: parties.chamber,
    otherChamber: await stack.asUser('lea.cc'),
    school: parties.school,
    otherSchool: await stack.asUser('jonas.trier'),
    ministry: parties.ministry,
    officer,
    applicant,
    otherApplicant,
  };
}
