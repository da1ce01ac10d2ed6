import { daysBetween, parseDate } from '../core/dates/calendar-date';

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const dateFormat = new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });

const dateTimeFormat = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** An instant (ISO 8601 with a time) for people, in the browser's time zone: "Nov 23, 2026, 2:23 PM". */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormat.format(date);
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "12.5 credits", "1 contact hour". */
export function amount(value: number, unit: { one: string; many: string }): string {
  return `${formatNumber(value)} ${value === 1 ? unit.one : unit.many}`;
}

/** A calendar date (YYYY-MM-DD) for people: "Dec 1, 2022". */
export function formatDay(isoDate: string): string {
  const day = parseDate(isoDate);
  return day === null ? isoDate : dateFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

export { daysBetween };

/** "today", "in 3 days", "2 days ago". */
export function countdown(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${formatNumber(days)} days` : `${formatNumber(-days)} days ago`;
}

/** "legal", "approved", "employment-law" → "employment law". */
export function words(key: string): string {
  return key.replace(/-/g, ' ');
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A file size for people: "512 bytes", "34.5 KB", "2.1 MB" (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)} ${bytes === 1 ? 'byte' : 'bytes'}`;
  if (bytes < 1024 * 1024) return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`;
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024))} MB`;
}
