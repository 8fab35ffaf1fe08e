const calendarDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Luxembourg', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in Luxembourg at an instant: deadlines and due dates are Luxembourg days. */
export function luxembourgDate(instant: Date | string): string {
  return calendarDate.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Whole years from `birthDate` to `onDate` (both YYYY-MM-DD). */
export function ageOn(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
