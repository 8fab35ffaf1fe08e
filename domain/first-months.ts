import { addMonths, previousDay } from './allowance.js';
import { isMinorOn } from './signatures.js';

/** A young apprentice, under 18 when the contract starts, has a medical examination within its first months. */
export const medicalExaminationWithinMonths = 2;
export function needsMedicalExamination(birthDate: string, startDate: string): boolean {
  return isMinorOn(birthDate, startDate);
}

/** The last day the young apprentice's medical examination may take place. */
export function medicalExaminationDueOn(startDate: string): string {
  return previousDay(addMonths(startDate, medicalExaminationWithinMonths));
}
