import { parseDate } from '../../core/dates/calendar-date';
import type { CalendarFilters } from '../api/providers';

/** The public CE calendar's filters: kept in the page's address (so a filtered view can be shared) and sent as they are. */

/** What a provider may have pre-approved; the calendar's type filter offers these. */
export const OFFERING_TYPES = [
  { value: 'course', label: 'Course' },
  { value: 'conference', label: 'Conference' },
  { value: 'workshop', label: 'Workshop' },
  { value: 'symposium', label: 'Symposium' },
  { value: 'webinar', label: 'Webinar' },
  { value: 'recurring-course', label: 'Recurring course' },
] as const;

export function offeringTypeLabel(type: string): string {
  return OFFERING_TYPES.find((option) => option.value === type)?.label ?? type.replace(/-/g, ' ');
}

export type CalendarField = keyof CalendarFilters;

export const CALENDAR_LABELS: Record<CalendarField, string> = {
  q: 'Words',
  from: 'From',
  to: 'To',
  type: 'Type',
  category: 'Category',
  format: 'Virtual or in person',
};

const TEXT_LIMITS = { type: 60, category: 60, q: 200 } as const;

const isDate = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && parseDate(value) !== null;

/** The filters from the address: what is not a valid filter is left out, so a mistyped link still shows the calendar. */
export function calendarFiltersFrom(search: Record<string, unknown>): CalendarFilters {
  const filters: CalendarFilters = {};
  if (isDate(search.from)) filters.from = search.from;
  if (isDate(search.to)) filters.to = search.to;
  for (const key of ['type', 'category', 'q'] as const) {
    const value = search[key];
    if (typeof value === 'string' && value.trim() !== '' && value.trim().length <= TEXT_LIMITS[key]) filters[key] = value.trim();
  }
  if (search.format === 'virtual' || search.format === 'in-person') filters.format = search.format;
  return filters;
}

/** The query string of the filters, empty ones left out, in one order (shared by the page, its API call and the feed). */
export function calendarSearch(filters: CalendarFilters): string {
  const query = new URLSearchParams();
  for (const key of ['from', 'to', 'type', 'category', 'format', 'q'] as const) {
    const value = filters[key]?.trim();
    if (value) query.set(key, value);
  }
  const text = query.toString();
  return text === '' ? '' : `?${text}`;
}

/** "employment law" → "employment-law": categories are stored that way. */
export const toCategory = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');

/** The filters as typed in the form, checked: the problems by field, or the filters to apply. */
export function checkCalendarFilters(
  values: Record<CalendarField, string>,
): { filters: CalendarFilters; errors: null } | { filters: null; errors: Partial<Record<CalendarField, string>> } {
  const errors: Partial<Record<CalendarField, string>> = {};
  if (values.from !== '' && !isDate(values.from)) errors.from = 'Must be a date';
  if (values.to !== '' && !isDate(values.to)) errors.to = 'Must be a date';
  if (!errors.from && !errors.to && values.from !== '' && values.to !== '' && values.to < values.from)
    errors.to = 'Must not be before the first day';
  for (const key of ['type', 'category', 'q'] as const)
    if (values[key].trim().length > TEXT_LIMITS[key]) errors[key] = `Must be at most ${TEXT_LIMITS[key]} characters`;
  if (Object.keys(errors).length > 0) return { filters: null, errors };
  return {
    filters: calendarFiltersFrom({
      ...values,
      category: values.category === '' ? '' : toCategory(values.category),
    }),
    errors: null,
  };
}

/** "Jun 3, 2027" / "Jun 3 and 4, 2027" style wording is left to the page; here: the dates to show, at most `max`. */
export function datesShown(dates: readonly string[], max = 6): { shown: string[]; more: number } {
  return { shown: dates.slice(0, max), more: Math.max(0, dates.length - max) };
}
