/**
 * A registered contract's number, as people quote it: the registrar, the year of registration
 * and the registrar's count that year, e.g. `CHAMBRE-DES-METIERS-2027-00042`.
 */
export function registrationNumber(registrarOrganisationId: string, year: number, serial: number): string {
  return `${registrarOrganisationId.toUpperCase()}-${year}-${String(serial).padStart(5, '0')}`;
}
