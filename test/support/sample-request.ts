import type { CaseRequest } from '../../domain/case-request.js';

/** A request that meets every rule of the sample reference data for a start on 1 September 2026. */
export function sampleRequest(overrides: Partial<CaseRequest> = {}): CaseRequest {
  return {
    apprentice: { givenName: 'Lena', familyName: 'Roth', birthDate: '2010-03-15', residenceCountry: 'FR', admRegistrationNumber: 'A-1', email: 'lena.roth@example.fr' },
    // She is a minor on the start date: her legal representative signs too.
    legalRepresentative: { givenName: 'Claire', familyName: 'Roth', email: 'claire.roth@example.fr' },
    tradeCode: 'DAP-BOULANGER',
    foreignSchool: { organisationId: 'lycee-thionville', programme: 'CAP Boulanger' },
    tutor: { name: 'Marc Schmit' },
    startDate: '2026-09-01',
    durationMonths: 36,
    weeklyRhythm: { schoolDays: 2, companyDays: 3 },
    proposedMonthlyAllowanceCents: 150_000,
    ...overrides,
  };
}
