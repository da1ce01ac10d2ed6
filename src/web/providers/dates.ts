import { formatDate, parseDate } from '../../core/dates/calendar-date';

/** A calendar date (YYYY-MM-DD) `days` later; the text itself when it is not a date. */
export function addDays(isoDate: string, days: number): string {
  const day = parseDate(isoDate);
  return day === null ? isoDate : formatDate(day + days);
}
