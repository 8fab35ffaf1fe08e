import type { PublicHoliday } from '../../domain/reference-data.js';

const always = { validFrom: '1900-01-01', validTo: null };

/** Luxembourg's legal public holidays (jours fériés légaux). Good Friday is not one. */
export const luxembourgPublicHolidays: PublicHoliday[] = [
  { name: "New Year's Day", month: 1, day: 1, ...always },
  { name: 'Easter Monday', easterOffsetDays: 1, ...always },
  { name: 'Labour Day', month: 5, day: 1, ...always },
  // Added by the law of 25 April 2019; not a holiday in earlier years.
  { name: 'Europe Day', month: 5, day: 9, validFrom: '2019-01-01', validTo: null },
  { name: 'Ascension Day', easterOffsetDays: 39, ...always },
  { name: 'Whit Monday', easterOffsetDays: 50, ...always },
  { name: 'National Day', month: 6, day: 23, ...always },
  { name: 'Assumption', month: 8, day: 15, ...always },
  { name: "All Saints' Day", month: 11, day: 1, ...always },
  { name: 'Christmas Day', month: 12, day: 25, ...always },
  { name: "St Stephen's Day", month: 12, day: 26, ...always },
];
