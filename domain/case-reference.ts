/** The short reference people quote on the phone and in mail subjects. */
export function caseReference(caseId: string): string {
  return caseId.slice(0, 8).toUpperCase();
}
