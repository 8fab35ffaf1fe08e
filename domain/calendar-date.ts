import { z } from 'zod';

/**
 * A calendar date (YYYY-MM-DD) a client may send: one PostgreSQL can hold, which has no year
 * 0, so that such a date is refused as the field it is in rather than by the database.
 */
export const calendarDate = () => z.iso.date().refine((date) => !date.startsWith('0000'), 'There is no year 0: a date is 0001-01-01 or later');
