import type { ReferenceTableName, ReferenceVersion } from './reference-data.js';

/** When reference data applies: free of the schemas, so workflow code imports it without zod. */

/** Whether a row with its own validity applies on `date` (`validTo` inclusive). */
export function rowInForce(row: { validFrom: string; validTo: string | null }, date: string): boolean {
  return row.validFrom <= date && (row.validTo === null || date <= row.validTo);
}

/** The version of a table in force on `date`, from all its versions. */
export function versionInForce<T extends ReferenceTableName>(versions: ReferenceVersion<T>[], date: string): ReferenceVersion<T> | undefined {
  return versions.find((v) => v.validFrom <= date && (v.validTo === null || date < v.validTo));
}
