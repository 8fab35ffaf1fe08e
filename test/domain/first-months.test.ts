import { describe, expect, it } from 'vitest';
import { dayAfter, endOf, instantOf } from '../../domain/contract-calendar.js';
import { trialPeriodEnd } from '../../domain/contract.js';
import { medicalExaminationDueOn, needsMedicalExamination } from '../../domain/first-months.js';
import { registrationNumber } from '../../domain/registration-number.js';

describe('the first months of a contract', () => {
  it('asks a medical examination of an apprentice under 18 on the first day, not of one who turns 18 that day', () => {
    expect(needsMedicalExamination('2011-09-02', '2027-09-01')).toBe(true);
    expect(needsMedicalExamination('2009-09-02', '2027-09-01')).toBe(true);
    expect(needsMedicalExamination('2009-09-01', '2027-09-01')).toBe(false);
  });

  it('has the examination due by the last day of the second month, and the trial period end with the third', () => {
    expect(medicalExaminationDueOn('2027-09-01')).toBe('2027-10-31');
    expect(medicalExaminationDueOn('2027-12-31')).toBe('2028-02-28');
    expect(trialPeriodEnd('2027-09-01', 36)).toBe('2027-11-30');
  });

  it('ends a contract day when the next begins, on a compressed calendar and across a change of month or year', () => {
    expect(dayAfter('2027-12-31')).toBe('2028-01-01');
    expect(dayAfter('2028-02-28')).toBe('2028-02-29');
    const calendar = { startDate: '2027-09-01', originAt: '2026-11-23T10:00:00.000Z', dayMs: 100 };
    expect(endOf(calendar, '2027-09-01')).toBe(instantOf(calendar, '2027-09-02'));
    expect(endOf(calendar, '2027-10-31') - Date.parse(calendar.originAt)).toBe(61 * 100);
    // Unset, a day ends at midnight in Luxembourg: 23:00 UTC in winter.
    expect(new Date(endOf({ startDate: '2027-09-01', originAt: '2026-11-23T10:00:00.000Z' }, '2027-11-30')).toISOString()).toBe('2027-11-30T23:00:00.000Z');
  });
});

describe('a registration number', () => {
  it('names the registrar, the year and the registrar’s count that year', () => {
    expect(registrationNumber('chambre-des-metiers', 2027, 42)).toBe('CHAMBRE-DES-METIERS-2027-00042');
    expect(registrationNumber('menje-fp', 2028, 123_456)).toBe('MENJE-FP-2028-123456');
  });
});
