import { formatDate, requireDate } from '../../core/dates/calendar-date';

export function addDays(date: string, days: number): string {
  return formatDate(requireDate(date) + days);
}
