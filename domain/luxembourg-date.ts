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

/** The last instant of a calendar day in Luxembourg (CET or CEST), as ISO: when a task due that day is late. */
export function endOfLuxembourgDay(date: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const nextMidnight = Date.parse(`${date}T24:00:00${offset}`);
    if (luxembourgDate(new Date(nextMidnight - 1)) === date && luxembourgDate(new Date(nextMidnight)) !== date) {
      return new Date(nextMidnight - 1).toISOString();
    }
  }
  throw new RangeError(`Not a calendar date: ${date}`);
}
